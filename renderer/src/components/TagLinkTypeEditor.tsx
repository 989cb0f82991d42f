/**
 * One link type in the tag-set editor: its name, which labels a link of it may go from and to,
 * whether an annotation may have several, retiring it, and removing it (or, when links use it,
 * merging them into another type).
 */
import { MergeInto } from './MergeInto'
import { plural } from '../../../shared/plural'
import type { LinkTypeDef, TagSet } from '../../../shared/model/labels'

export function TagLinkTypeEditor({
  type,
  tagSet,
  uses,
  onChange,
  onRemove,
}: {
  type: LinkTypeDef
  tagSet: TagSet
  uses: number
  /** Change the link type: `update` gets it as it is now (several changes may be pending). */
  onChange: (update: (current: LinkTypeDef) => LinkTypeDef) => void
  onRemove: (into: string | null) => void
}) {
  const others = tagSet.linkTypes.filter((t) => t.id !== type.id && t.multiple)
  const set = (patch: Partial<LinkTypeDef>) => onChange((t) => ({ ...t, ...patch }))
  const toggle = (end: 'from' | 'to', id: string, on: boolean) =>
    onChange((t) => {
      const ids = t[end].filter((x) => x !== id)
      return { ...t, [end]: on ? tagSet.labels.map((l) => l.id).filter((x) => x === id || ids.includes(x)) : ids }
    })
  return (
    <div className="tagset-form">
      <h3>{type.name || 'Link type'}</h3>
      <p className="tagset-note">{uses === 0 ? 'No link of this type yet.' : `${uses.toLocaleString('en')} links of this type.`}</p>
      <div className="tagset-grid">
        <label htmlFor="link-name">Name</label>
        <input id="link-name" value={type.name} maxLength={40} onChange={(e) => set({ name: e.target.value })} />
      </div>
      <div className="tagset-ends">
        {(['from', 'to'] as const).map((end) => (
          <fieldset key={end}>
            <legend>{end === 'from' ? 'From' : 'To'}</legend>
            {tagSet.labels.map((l) => (
              <label key={l.id} className="check">
                <input type="checkbox" checked={type[end].includes(l.id)} onChange={(e) => toggle(end, l.id, e.target.checked)} />
                {l.name}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={type.multiple} onChange={(e) => set({ multiple: e.target.checked })} />
        An annotation may have several (otherwise a new link replaces the old)
      </label>
      <h4>Retire, remove or merge</h4>
      <div className="tagset-danger">
        <label className="check">
          <input type="checkbox" checked={type.retired === true} onChange={(e) => set({ retired: e.target.checked || undefined })} />
          Retired: existing links kept and shown, no new ones
        </label>
        {uses === 0 ? (
          <button type="button" onClick={() => onRemove(null)}>
            Remove
          </button>
        ) : others.length > 0 ? (
          <MergeInto label={`Merge its ${plural(uses, 'link')} into`} choices={others} onMerge={(into) => onRemove(into)} />
        ) : null}
      </div>
    </div>
  )
}
