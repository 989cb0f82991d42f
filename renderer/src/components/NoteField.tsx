import { useId } from 'react'
import type { Annotation } from '../../../shared/model/annotation'
import { useSession } from '../state/react/use-session'
import { useTypedValue } from '../state/react/use-typed-value'

/** The annotation's free-text note, saved as the user pauses typing. */
export function NoteField({ annotation }: { annotation: Annotation }) {
  const session = useSession()
  const id = useId()
  const [value, setValue, ref] = useTypedValue<HTMLTextAreaElement>(annotation.note)
  return (
    <div className="field-col">
      <label htmlFor={id}>Note</label>
      <textarea
        ref={ref}
        id={id}
        rows={3}
        value={value}
        maxLength={20000}
        onChange={(e) => {
          setValue(e.target.value)
          session.commands.setNote(annotation.id, e.target.value)
        }}
        onBlur={() => session.work.flush()}
      />
    </div>
  )
}
