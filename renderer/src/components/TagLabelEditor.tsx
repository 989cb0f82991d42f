/**
 * One label in the tag-set editor: name, colour (with its contrast in the light and dark themes),
 * key, whom it is attributed to, retiring, removing or merging it, and its attributes with their
 * options. Counts come from the project's layers; what is in use is never simply removed.
 */
import { contrastRatio, parseHex } from '../../../shared/contrast'
import type { AttributeDef, AttributeType, ChoiceOption, LabelDef, TagSet } from '../../../shared/model/labels'
import type { TagMerge } from '../../../shared/model/project'
import { attributeUse, newId, optionUse, type TagUsage } from '../../../shared/tagset/tagset'
import { MergeInto } from './MergeInto'
import { plural } from '../../../shared/plural'

/** The page backgrounds a highlight's colour is seen against (the themes' --paper). */
const BACKGROUNDS = { light: '#ffffff', dark: '#1e1e1e' } as const

const TYPE_NAMES: Record<AttributeType, string> = { choice: 'Choice', text: 'Text', number: 'Number', boolean: 'Yes / no' }

export function TagLabelEditor({
  label,
  tagSet,
  saved,
  usage,
  onChange,
  onRemove,
  onMergeOption,
}: {
  label: LabelDef
  tagSet: TagSet
  saved: TagSet
  usage: TagUsage | null
  onChange: (next: LabelDef) => void
  /** Remove the label, its annotations merged into `into` (null: it is not used). */
  onRemove: (into: string | null) => void
  onMergeOption: (merge: TagMerge) => void
}) {
  const uses = usage?.labels[label.id] ?? 0
  const isNew = !saved.labels.some((l) => l.id === label.id)
  const others = tagSet.labels.filter((l) => l.id !== label.id)
  const set = (patch: Partial<LabelDef>) => onChange({ ...label, ...patch })
  const setAttribute = (id: string, next: AttributeDef) => set({ attributes: label.attributes.map((a) => (a.id === id ? next : a)) })
  const contrast = (bg: string) => contrastRatio(parseHex(label.color), parseHex(bg))

  const addAttribute = (type: AttributeType) => {
    const taken = label.attributes.map((a) => a.id)
    const name = `${TYPE_NAMES[type]} ${label.attributes.length + 1}`
    const id = newId(name, taken)
    const def: AttributeDef =
      type === 'choice'
        ? { id, name, type, options: [{ value: 'option_1', name: 'option 1' }] }
        : type === 'text'
          ? { id, name, type, complete: true }
          : type === 'number'
            ? { id, name, type, integer: false, min: null, max: null }
            : { id, name, type }
    set({ attributes: [...label.attributes, def] })
  }

  return (
    <div className="tagset-form">
      <h3>{label.name || 'Label'}</h3>
      <p className="tagset-note">
        {usage === null
          ? 'Counting…'
          : uses === 0
            ? 'No annotation uses this label yet.'
            : `${plural(uses, 'annotation uses', 'annotations use')} this label.`}
      </p>
      <div className="tagset-grid">
        <label htmlFor="tag-name">Name</label>
        <input id="tag-name" value={label.name} maxLength={40} onChange={(e) => set({ name: e.target.value })} />
        <label htmlFor="tag-colour">Colour</label>
        <span className="tagset-colour">
          <input id="tag-colour" type="color" value={label.color} onChange={(e) => set({ color: e.target.value })} />
          <span className="tagset-contrast">
            Contrast with the page: {contrast(BACKGROUNDS.light).toFixed(1)}:1 light, {contrast(BACKGROUNDS.dark).toFixed(1)}:1 dark
            {faintIn(contrast(BACKGROUNDS.light), contrast(BACKGROUNDS.dark))}
          </span>
        </span>
        <label htmlFor="tag-key">Key</label>
        <input
          id="tag-key"
          className="tagset-key"
          value={label.key}
          maxLength={1}
          aria-describedby="tag-key-hint"
          onChange={(e) => set({ key: e.target.value.slice(-1).toLowerCase() })}
        />
        <span id="tag-key-hint" className="tagset-note tagset-wide">
          One letter or digit that tags the selection; empty for none.
        </span>
        <label htmlFor="tag-attributed">Attributed to</label>
        <select id="tag-attributed" value={label.attributedTo ?? ''} onChange={(e) => set({ attributedTo: e.target.value || null })}>
          <option value="">— (not attributed)</option>
          {others.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>

      <h4>Attributes</h4>
      {label.attributes.length === 0 && <p className="tagset-note">No attributes.</p>}
      {label.attributes.map((a) => (
        <AttributeEditor
          key={a.id}
          label={label}
          def={a}
          isNew={!saved.labels.find((l) => l.id === label.id)?.attributes.some((b) => b.id === a.id)}
          uses={usage ? attributeUse(usage, label.id, a.id) : 0}
          optionUses={(value) => (usage ? optionUse(usage, label.id, a.id, value) : 0)}
          onChange={(next) => setAttribute(a.id, next)}
          onRemove={() => set({ attributes: label.attributes.filter((b) => b.id !== a.id) })}
          onMergeOption={(from, to) => {
            if (a.type !== 'choice') return
            setAttribute(a.id, { ...a, options: a.options.filter((o) => o.value !== from) })
            onMergeOption({ kind: 'option', label: label.id, attribute: a.id, from, into: to })
          }}
        />
      ))}
      <p className="tagset-add">
        Add an attribute:{' '}
        {(Object.keys(TYPE_NAMES) as AttributeType[]).map((t) => (
          <button key={t} type="button" className="link" disabled={label.attributes.length >= 20} onClick={() => addAttribute(t)}>
            {TYPE_NAMES[t]}
          </button>
        ))}
      </p>

      <h4>Retire, remove or merge</h4>
      <div className="tagset-danger">
        <label className="check">
          <input type="checkbox" checked={label.retired === true} onChange={(e) => set({ retired: e.target.checked || undefined })} />
          Retired: kept on every annotation and shown, no longer offered for tagging
        </label>
        {uses === 0 ? (
          <button type="button" disabled={usage === null || others.length === 0} onClick={() => onRemove(null)}>
            {isNew ? 'Remove' : 'Remove (not used)'}
          </button>
        ) : (
          <MergeInto label={`Merge its ${plural(uses, 'annotation')} into`} choices={others} onMerge={(into) => onRemove(into)} />
        )}
      </div>
    </div>
  )
}

function AttributeEditor({
  label,
  def,
  isNew,
  uses,
  optionUses,
  onChange,
  onRemove,
  onMergeOption,
}: {
  label: LabelDef
  def: AttributeDef
  isNew: boolean
  uses: number
  optionUses: (value: string) => number
  onChange: (next: AttributeDef) => void
  onRemove: () => void
  onMergeOption: (from: string, into: string) => void
}) {
  const base = `attr-${label.id}-${def.id}`
  const setOption = (value: string, next: ChoiceOption) =>
    def.type === 'choice' && onChange({ ...def, options: def.options.map((o) => (o.value === value ? next : o)) })
  return (
    <fieldset className="tagset-attribute">
      <legend>
        {def.name || 'Attribute'}{' '}
        <span className="tagset-note">
          ({TYPE_NAMES[def.type]}, set on {uses === 1 ? '1 annotation' : `${uses.toLocaleString('en')} annotations`})
        </span>
      </legend>
      <div className="tagset-grid">
        <label htmlFor={`${base}-name`}>Name</label>
        <input id={`${base}-name`} value={def.name} maxLength={60} onChange={(e) => onChange({ ...def, name: e.target.value })} />
        {def.type === 'text' && (
          <label className="check tagset-wide">
            <input type="checkbox" checked={def.complete} onChange={(e) => onChange({ ...def, complete: e.target.checked })} />
            Offer the values already used (completion)
          </label>
        )}
        {def.type === 'number' && (
          <>
            <label className="check tagset-wide">
              <input type="checkbox" checked={def.integer} onChange={(e) => onChange({ ...def, integer: e.target.checked })} />
              Whole numbers only
            </label>
            <label htmlFor={`${base}-min`}>Smallest</label>
            <input
              id={`${base}-min`}
              type="number"
              value={def.min ?? ''}
              onChange={(e) => onChange({ ...def, min: e.target.value === '' ? null : Number(e.target.value) })}
            />
            <label htmlFor={`${base}-max`}>Largest</label>
            <input
              id={`${base}-max`}
              type="number"
              value={def.max ?? ''}
              onChange={(e) => onChange({ ...def, max: e.target.value === '' ? null : Number(e.target.value) })}
            />
          </>
        )}
      </div>
      {def.type === 'choice' && (
        <table className="tagset-options">
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Used</th>
              <th scope="col">Retired</th>
              <th scope="col">
                <span className="sr-only">Merge or remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {def.options.map((o) => (
              <OptionRow
                key={o.value}
                option={o}
                others={def.options.filter((p) => p.value !== o.value)}
                uses={optionUses(o.value)}
                onChange={(next) => setOption(o.value, next)}
                onRemove={() => onChange({ ...def, options: def.options.filter((p) => p.value !== o.value) })}
                onMerge={(into) => onMergeOption(o.value, into)}
              />
            ))}
          </tbody>
        </table>
      )}
      <p className="tagset-add">
        {def.type === 'choice' && (
          <button
            type="button"
            className="link"
            disabled={def.options.length >= 50}
            onClick={() => {
              const taken = def.options.map((o) => o.value)
              let n = def.options.length + 1
              while (def.options.some((o) => o.name === `option ${n}`)) n++
              onChange({ ...def, options: [...def.options, { value: newId(`option ${n}`, taken), name: `option ${n}` }] })
            }}
          >
            + Add option
          </button>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={def.retired === true}
            onChange={(e) => onChange({ ...def, retired: e.target.checked || undefined })}
          />
          Retired
        </label>
        {(uses === 0 || isNew) && (
          <button type="button" className="link" onClick={onRemove}>
            Remove attribute
          </button>
        )}
      </p>
    </fieldset>
  )
}

function OptionRow({
  option,
  others,
  uses,
  onChange,
  onRemove,
  onMerge,
}: {
  option: ChoiceOption
  others: ChoiceOption[]
  uses: number
  onChange: (next: ChoiceOption) => void
  onRemove: () => void
  onMerge: (into: string) => void
}) {
  return (
    <tr>
      <td>
        <input
          aria-label={`Name of option ${option.name}`}
          value={option.name}
          maxLength={60}
          title={option.value === option.name ? undefined : `Stored as “${option.value}”`}
          onChange={(e) => onChange({ ...option, name: e.target.value })}
        />
      </td>
      <td className="num">{uses.toLocaleString('en')}</td>
      <td>
        <input
          type="checkbox"
          aria-label={`Retire option ${option.name}`}
          checked={option.retired === true}
          onChange={(e) => onChange({ ...option, retired: e.target.checked || undefined })}
        />
      </td>
      <td>
        {uses === 0 ? (
          <button type="button" className="link" disabled={others.length === 0} onClick={onRemove}>
            Remove
          </button>
        ) : (
          <MergeInto
            label={`Merge ${option.name} into`}
            choices={others.map((o) => ({ id: o.value, name: o.name }))}
            onMerge={onMerge}
            button="Merge into"
            link
          />
        )}
      </td>
    </tr>
  )
}

/**
 * What a colour nearly the page's own means, as the end of the contrast sentence; '' when it shows.
 * Under 1.5:1 a swatch or a lane is hard to tell from the page (underlines are drawn to show anyway,
 * and the label's name is beside every swatch).
 */
function faintIn(light: number, dark: number): string {
  const themes = [light < 1.5 ? 'light' : null, dark < 1.5 ? 'dark' : null].filter((t) => t !== null)
  if (themes.length === 0) return ''
  const better = themes.length === 2 ? 'another' : light < 1.5 ? 'a darker' : 'a lighter'
  return ` — in the ${themes.join(' and ')} theme${themes.length === 2 ? 's' : ''} its swatches and lanes are hard to tell from the page (underlines are drawn to show anyway); ${better} colour shows better.`
}
