import { memo, useEffect, useId } from 'react'
import { findAttribute, sourceLabelName, valueName, type LabelSchema } from '../../../shared/model/labels'
import { notesOf, sourceName as rowSourceName, type RetrieveGrouping, type RetrieveRow } from '../../../shared/retrieve/rows'
import { useSession, useSessionState } from '../state/react/use-session'
import { KwicBefore } from './KwicBefore'
import { truncate } from '../state/model/describe'
import { useWindowRows } from '../state/react/use-window-rows'
import { plural } from '../../../shared/plural'

const ROW = 58

const GROUPINGS: { value: RetrieveGrouping; name: string }[] = [
  { value: 'none', name: 'Nothing' },
  { value: 'label', name: 'Label' },
  { value: 'source', name: 'Source' },
  { value: 'document', name: 'Document' },
  { value: 'layer', name: 'Annotator' },
]

/**
 * Every annotation of the project in one table: filtered by label, annotator, any attribute, the
 * source it is attributed to, document and words; grouped with counts; each row the span in its
 * context, opening the document at it; exactly the rows shown exported as CSV, TSV or a workbook.
 */
export function RetrieveView() {
  const session = useSession()
  const r = useSessionState((s) => s.retrieve)
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const sourceName = sourceLabelName(labels)
  const ids = { text: useId(), source: useId(), label: useId(), layer: useId(), doc: useId(), group: useId(), sources: useId() }
  const ret = session.retrieving
  useEffect(() => {
    void ret.run()
  }, [ret])
  const f = r.filter
  const attrs = labels.flatMap((l) => l.attributes.map((a) => ({ label: l, def: a })))
  const valueOf = (label: string, attribute: string) =>
    f.attributes.find((a) => a.label === label && a.attribute === attribute)?.value ?? ''
  const setAttr = (label: string, attribute: string, value: string, typing = false) =>
    ret.setFilter(
      {
        attributes: [
          ...f.attributes.filter((a) => !(a.label === label && a.attribute === attribute)),
          ...(value ? [{ label, attribute, value }] : []),
        ],
      },
      typing,
    )
  return (
    <main className="retrieve" aria-label="Retrieve" aria-busy={r.loading}>
      <div className="toolbar retrieve-filters" role="search" aria-label="Filter the annotations">
        <span className="filter-field">
          <label htmlFor={ids.text}>Words</label>
          <input
            id={ids.text}
            className="retrieve-words"
            type="search"
            value={f.text}
            placeholder="in the text, note or replies"
            onChange={(e) => ret.setFilter({ text: e.target.value }, true)}
          />
        </span>
        <span className="filter-field">
          <label htmlFor={ids.label}>Label</label>
          <select
            id={ids.label}
            value={f.labels[0] ?? ''}
            onChange={(e) => ret.setFilter({ labels: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">Any</option>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </span>
        <span className="filter-field">
          <label htmlFor={ids.layer}>Annotator</label>
          <select
            id={ids.layer}
            value={f.layers[0] ?? ''}
            onChange={(e) => ret.setFilter({ layers: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">Any</option>
            {r.facets?.layers.map((l) => (
              <option key={l.name} value={l.name}>
                {l.name === '_reviewed' ? 'Reviewed layer' : l.name} ({l.count.toLocaleString()})
              </option>
            ))}
          </select>
        </span>
        <span className="filter-field">
          <label htmlFor={ids.source}>{sourceName}</label>
          <input
            id={ids.source}
            type="search"
            list={ids.sources}
            value={f.source}
            placeholder="attributed to…"
            onChange={(e) => ret.setFilter({ source: e.target.value }, true)}
          />
        </span>
        <datalist id={ids.sources}>
          {r.facets?.sources.map((s) => (
            <option key={s.name} value={s.name} />
          ))}
        </datalist>
        <span className="filter-field">
          <label htmlFor={ids.doc}>Document</label>
          <select
            id={ids.doc}
            value={f.documents[0] ?? ''}
            onChange={(e) => ret.setFilter({ documents: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">Any</option>
            {r.facets?.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </span>
        {attrs.map(({ label, def }) => (
          <AttributeFilter
            key={`${label.id}.${def.id}`}
            name={`${label.name} ${def.name.toLowerCase()}`}
            options={def.type === 'choice' ? def.options : def.type === 'boolean' ? YES_NO : null}
            used={r.facets?.attributes[`${label.id}.${def.id}`]?.map((v) => v.value) ?? []}
            value={valueOf(label.id, def.id)}
            onChange={(v, typing) => setAttr(label.id, def.id, v, typing)}
          />
        ))}
        <span className="filter-field">
          <label htmlFor={ids.group}>Group by</label>
          <select id={ids.group} value={r.grouping} onChange={(e) => ret.setGrouping(e.target.value as RetrieveGrouping)}>
            {GROUPINGS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.value === 'source' ? sourceName : g.name}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="quiet" onClick={() => ret.reset()}>
          Clear
        </button>
      </div>
      <div className="retrieve-summary">
        <p aria-live="polite">
          {r.loading && r.total === 0 ? 'Finding…' : `${r.total.toLocaleString()} of ${plural(r.all, 'annotation')}`}
          {r.grouping !== 'none' && r.groups.length > 0 && ` in ${plural(r.groups.length, 'group')}`}
        </p>
        <span className="toolbar-gap" />
        {(['csv', 'tsv', 'xlsx'] as const).map((format) => (
          <button key={format} type="button" disabled={r.total === 0} onClick={() => void ret.export(format)}>
            Export {format === 'xlsx' ? 'Excel' : format.toUpperCase()}
          </button>
        ))}
      </div>
      {(r.problem || r.exported) && (
        <p className={r.problem ? 'hint hint-error' : 'hint'} role="status">
          {r.problem ?? r.exported}
        </p>
      )}
      {r.grouping !== 'none' && r.groups.length > 0 && (
        <ul className="retrieve-groups" aria-label="Groups" tabIndex={0}>
          {r.groups.slice(0, 40).map((g) => (
            <li key={g.key}>
              {g.name} <span className="count">{g.count.toLocaleString()}</span>
            </li>
          ))}
          {r.groups.length > 40 && <li className="help">and {(r.groups.length - 40).toLocaleString()} more</li>}
        </ul>
      )}
      <RetrieveTable labels={labels} />
    </main>
  )
}

const YES_NO = [
  { value: 'yes', name: 'yes' },
  { value: 'no', name: 'no' },
]

function AttributeFilter({
  name,
  options,
  used,
  value,
  onChange,
}: {
  name: string
  options: readonly { value: string; name: string }[] | null
  used: readonly string[]
  value: string
  onChange: (value: string, typing: boolean) => void
}) {
  const id = useId()
  return (
    <span className="filter-field">
      <label htmlFor={id}>{name}</label>
      {options ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value, false)}>
          <option value="">Any</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.name}
            </option>
          ))}
        </select>
      ) : (
        <>
          <input id={id} type="search" list={`${id}-used`} value={value} onChange={(e) => onChange(e.target.value, true)} />
          <datalist id={`${id}-used`}>
            {used.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </>
      )}
    </span>
  )
}

function RetrieveTable({ labels }: { labels: LabelSchema }) {
  const session = useSession()
  const total = useSessionState((s) => s.retrieve.total)
  const groups = useSessionState((s) => s.retrieve.groups)
  const grouping = useSessionState((s) => s.retrieve.grouping)
  useSessionState((s) => s.retrieve.version)
  const { box, first, last, onScroll } = useWindowRows(total, ROW)
  const rows = []
  for (let i = first; i < last; i++) {
    const got = session.retrieving.row(i)
    const before = i > 0 ? session.retrieving.row(i - 1) : undefined
    const groupStart = grouping !== 'none' && got && (i === 0 || (before && before.group !== got.group))
    rows.push(
      <Row
        key={i}
        i={i}
        total={total}
        top={i * ROW}
        row={got?.row}
        group={groupStart ? `${groups[got.group]?.name ?? ''} · ${groups[got.group]?.count.toLocaleString() ?? ''}` : null}
        labelName={got ? (labels.find((l) => l.id === got.row.label)?.name ?? got.row.label) : ''}
      />,
    )
  }
  return (
    // Only the rows near the view exist: each says where it stands in the whole list.
    <div ref={box} className="retrieve-table" onScroll={onScroll}>
      <ul aria-label="Annotations" style={{ height: total * ROW }}>
        {rows}
      </ul>
      {total === 0 && <p className="empty">No annotation matches this filter.</p>}
    </div>
  )
}

const Row = memo(function Row({
  i,
  total,
  top,
  row,
  group,
  labelName,
}: {
  i: number
  total: number
  top: number
  row: RetrieveRow | undefined
  group: string | null
  labelName: string
}) {
  const session = useSession()
  const labels = useSessionState((s) => s.info?.project?.labels)
  const linkTypes = useSessionState((s) => s.info?.project?.linkTypes)
  if (!row) return <li className="retrieve-row loading" style={{ top, height: ROW }} aria-posinset={i + 1} aria-setsize={total} />
  const values = Object.entries(row.attributes).map(([k, v]) => {
    const def = labels ? findAttribute(labels, row.label, k) : undefined
    return `${def?.name ?? k}: ${valueName(def, v)}`
  })
  // Its links of the project's other types, as the panel lists them: "Supports → “…”".
  const links = row.links.map((l) => `${linkTypes?.find((t) => t.id === l.type)?.name ?? l.type} → “${truncate(oneLine(l.text), 40)}”`)
  return (
    <li
      className={group ? 'retrieve-row group-start' : 'retrieve-row'}
      style={{ top, height: ROW }}
      aria-posinset={i + 1}
      aria-setsize={total}
    >
      {group && <span className="group-name">{group}</span>}
      <button type="button" className={`retrieve-open mg-label-${row.label}`} onClick={() => void session.retrieving.open(row)}>
        <span className="retrieve-meta">
          <span className="row-label">
            <span className="swatch" aria-hidden="true" />
            {labelName}
          </span>
          {/* The title is cut in its own direction: a right-to-left one shows its start, cut at its end. */}
          <span className="retrieve-where">
            <bdi>{row.layer === '_reviewed' ? 'reviewed' : row.layer}</bdi>
            <span aria-hidden="true"> · </span>
            <span className="retrieve-title" dir="auto">
              {row.title}
            </span>
          </span>
        </span>
        <span className="kwic">
          <KwicBefore text={oneLine(row.before)} />
          <mark dir="auto">{oneLine(row.text)}</mark>
          <span className="kwic-after">{oneLine(row.after)}</span>
        </span>
        <span className="retrieve-values" dir="auto">
          {[...(row.source ? [`← ${rowSourceName(row)}`] : []), ...values, ...links].join(' · ')}
        </span>
        <span className="retrieve-notes" dir="auto" title={notesOf(row) || undefined}>
          {row.note ? `✎ ${oneLine(row.note)}` : ''}
          {row.replies.length > 0 &&
            ` ${plural(row.replies.length, 'reply', 'replies')} — ${row.replies.map((r) => `${r.author}: ${oneLine(r.text)}`).join(' · ')}`}
        </span>
      </button>
    </li>
  )
})

/** Text on one line: line breaks and runs of white space as one space. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ')
}
