/**
 * A form field's value while the user types into it: local, so every keystroke shows at once,
 * and taken from the stored value again whenever that changes to something the user did not
 * type (an undo or redo, a rolled-back save, another window's change), focused or not.
 *
 * A keystroke's value comes back as the stored value, at once or a little later and in order:
 * the values typed and not yet come back are kept, so a late echo of an earlier keystroke never
 * takes back a later one. Anything else is not an echo: an Undo clicked while the field keeps the
 * focus (the toolbar's buttons do not take it) shows what it brought back, and the next keystroke
 * builds on that, not on the value that was undone.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { TypedEchoes } from '../model/typed-echoes'

/** The value to show, its setter (for what the user types), and the ref to put on the field. */
export function useTypedValue<E extends HTMLElement>(stored: string): [string, (v: string) => void, RefObject<E | null>] {
  const [value, setValue] = useState(stored)
  const ref = useRef<E>(null)
  const echoes = useRef(new TypedEchoes(stored))
  useEffect(() => {
    if (!echoes.current.isEcho(stored) || document.activeElement !== ref.current) setValue(stored)
  }, [stored])
  const type = useCallback((v: string) => {
    echoes.current.typed(v)
    setValue(v)
  }, [])
  return [value, type, ref]
}
