/**
 * A form field's value while the user types into it: local, so every keystroke shows at once,
 * and taken from the stored value again whenever that changes while the field is not focused
 * (an undo, a rolled-back save, a reply from the host).
 */
import { useEffect, useRef, useState, type RefObject } from 'react'

/** The value to show, its setter, and the ref to put on the field. */
export function useTypedValue<E extends HTMLElement>(stored: string): [string, (v: string) => void, RefObject<E | null>] {
  const [value, setValue] = useState(stored)
  const ref = useRef<E>(null)
  useEffect(() => {
    if (document.activeElement !== ref.current) setValue(stored)
  }, [stored])
  return [value, setValue, ref]
}
