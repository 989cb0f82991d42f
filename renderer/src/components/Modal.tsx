/**
 * A modal dialog on the native <dialog> element: focus moves into it, the page behind is inert,
 * and Escape closes it (unless `required`). Render it only while it is open.
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
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
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
