import { useId, useState } from 'react'

/**
 * "Merge into [choice] [Merge]" (in a table row, "[Merge into] [choice]"): what is in use leaves the tag set by moving everything that uses
 * it into another label, option or link type (the tag-set editor's one way to remove such a part).
 */
export function MergeInto({
  label,
  choices,
  onMerge,
  button = 'Merge',
  link = false,
}: {
  /** The select's label ("Merge its 12 annotations into"). */
  label: string
  choices: readonly { id: string; name: string }[]
  onMerge: (into: string) => void
  button?: string
  /** Drawn as a link-style button (in a table row). */
  link?: boolean
}) {
  const id = useId()
  const [chosen, setChosen] = useState(choices[0]?.id ?? '')
  const into = choices.some((c) => c.id === chosen) ? chosen : (choices[0]?.id ?? '')
  const go = (
    <button type="button" className={link ? 'link' : undefined} disabled={!into} onClick={() => onMerge(into)}>
      {button}
    </button>
  )
  // In a table row the link reads first, as a sentence: "Merge into [against]".
  return (
    <span className={link ? 'tagset-merge in-row' : 'tagset-merge'}>
      <label htmlFor={id} className={link ? 'sr-only' : undefined}>
        {label}
      </label>
      {link && go}
      <select id={id} value={into} onChange={(e) => setChosen(e.target.value)}>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {!link && go}
    </span>
  )
}
