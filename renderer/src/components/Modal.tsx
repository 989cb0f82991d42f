/**
 * A modal dialog on the native <dialog> element: focus moves into it, the page behind is inert,
 * and Escape closes it (unless `required`). Render it only while it is open. When it goes, the
 * keyboard goes back to what had it before (or, if that is gone, such as a menu's item, to the
 * text: the element marked `data-focus-home`), so keys work again without a click.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'

/** Props of a modal dialog. */
export interface ModalProps {
  title: string
  onClose: () => void
  /** The dialog cannot be dismissed (Escape does nothing). */
  required?: boolean
  children: ReactNode
}

/** A modal dialog with a heading. */
export function Modal({ title, onClose, required = false, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      // Only when the keyboard was in the dialog (or nowhere): a click elsewhere keeps its focus.
      const now = document.activeElement
      if (now && now !== document.body && !dialog?.contains(now)) return
      const back = before instanceof HTMLElement && before.isConnected && before !== document.body ? before : null
      ;(back ?? document.querySelector<HTMLElement>('[data-focus-home]'))?.focus({ preventScroll: true })
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault()
        if (!required) onClose()
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </dialog>
  )
}
