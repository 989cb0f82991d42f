/**
 * Code and retrieve: every annotation of a project as one row (its document, layer, label, span in
 * context, attributes and the source it is attributed to), and the filters and groupings of the
 * Retrieve view (by label, attribute, annotator, linked source, document, words in the text),
 * with counts per group. Pure, so the host filters 100,000 rows per keystroke and the tests need
 * no disk.
 */
import { attributedSources, inTextOrder, type Annotation } from '../model/annotation'
import type { ExportLayer } from '../interchange/layer'
import { foldForMatching } from '../search/folded-text'
import { inSentence } from '../model/labels'
import { typedLinksFrom, type TypedLinkTo } from '../annotations/links'
import { actorName, displayName, mostFrequent, nameKey } from '../discourse/names'

/** One annotation as the Retrieve view lists it. */
export interface RetrieveRow {
  document: string
  title: string
  /** The annotator, or "_reviewed". */
  layer: string
  id: string
  label: string
  start: number
  end: number
  text: string
  /** The context stored with the quote: up to 32 code points either side. */
  before: string
  after: string
  attributes: Record<string, string>
  note: string
  /** The replies to it, from every annotator, in time order. */
  replies: { author: string; created: string; text: string }[]
  /** The source it is attributed to, with its canonical name when it has one. */
  source: { id: string; text: string; name: string } | null
  /** Its links of the project's other types (supports, responds to, …), to the annotation's text. */
  links: readonly TypedLinkTo[]
}

/** What to keep; an empty list keeps everything. */
export interface RetrieveFilter {
  labels: string[]
  layers: string[]
  documents: string[]
  /** Each must hold: the attribute (of any label that has it, or of `label`) has this value. */
  attributes: { label: string | null; attribute: string; value: string }[]
  /** Words of the linked source's canonical name (or, without one, its text), case, diacritics and spacing ignored; empty: any. */
  source: string
  /** Words in the annotated text, its note or its replies, case and diacritics ignored. */
  text: string
}

export type RetrieveGrouping = 'none' | 'label' | 'source' | 'document' | 'layer'

/** A group of rows and how many there are. */
export interface RetrieveGroup {
  key: string
  name: string
  count: number
}

/** What the filter can choose from, with counts over the whole project. */
export interface RetrieveFacets {
  labels: { id: string; count: number }[]
  layers: { name: string; count: number }[]
  documents: { id: string; title: string; count: number }[]
  /** Values in use for each attribute, by "label.attribute". */
  attributes: Record<string, { value: string; count: number }[]>
  /** Linked sources by canonical name (or text), the most cited first (at most 500). */
  sources: { name: string; count: number }[]
}

/** One window of a query's rows. */
export interface RetrieveResult {
  total: number
  groups: RetrieveGroup[]
  offset: number
  rows: RetrieveRow[]
  /** For each row sent, its group (an index into `groups`). */
  groupOfRow: number[]
  /** Rows in the whole project, before filtering. */
  all: number
  facets: RetrieveFacets | null
}

/** The filter that keeps every row. */
export const EVERY_ROW: RetrieveFilter = { labels: [], layers: [], documents: [], attributes: [], source: '', text: '' }

/** The rows of some layers, in document order as given, then text order. */
export function retrieveRows(layers: readonly ExportLayer[]): RetrieveRow[] {
  const rows: RetrieveRow[] = []
  for (const layer of layers) {
    const sources = attributedSources(layer.annotations, layer.links)
    const typed = typedLinksFrom(layer.annotations, layer.links)
    for (const a of inTextOrder(layer.annotations)) rows.push(rowOf(layer, a, sources.get(a.id), typed.get(a.id) ?? NO_LINKS))
  }
  return rows
}

const NO_LINKS: RetrieveRow['links'] = []

function rowOf(layer: ExportLayer, a: Annotation, source: Annotation | undefined, links: RetrieveRow['links']): RetrieveRow {
  return {
    document: layer.document.id,
    title: layer.document.title,
    layer: layer.annotator,
    id: a.id,
    label: a.label,
    start: a.target.position.start,
    end: a.target.position.end,
    text: a.target.quote.exact,
    before: a.target.quote.prefix,
    after: a.target.quote.suffix,
    attributes: a.attributes,
    note: a.note,
    replies: (layer.threads?.get(a.id) ?? []).map((r) => ({ author: r.author, created: r.created, text: r.text })),
    source: source ? { id: source.id, text: source.target.quote.exact, name: source.attributes.name ?? '' } : null,
    links,
  }
}

/** A row's note and the texts of its replies, one per line: what the words filter looks in besides the text. */
export function notesOf(row: RetrieveRow): string {
  return [row.note, ...row.replies.map((r) => r.text)].filter((t) => t !== '').join('\n')
}

/** The name a row's source is grouped and filtered by, as the Analysis counts its actor: its canonical name, else its text. */
export function sourceName(row: RetrieveRow): string {
  return row.source ? actorName(row.source) : ''
}

/** Text folded for a filter's matching: case, diacritics, the kind of space and runs of spaces ignored. */
function foldName(text: string): string {
  return foldForMatching(displayName(text))
}

/** One layer's rows with what filtering needs made once (each row's text, note with its replies, and source folded). */
export class LayerRows {
  readonly rows: RetrieveRow[]
  readonly folded: { text: string; note: string; source: string }[]

  constructor(layer: ExportLayer) {
    this.rows = retrieveRows([layer])
    this.folded = this.rows.map((r) => ({
      text: foldForMatching(r.text),
      note: notesOf(r) ? foldForMatching(notesOf(r)) : '',
      source: foldName(sourceName(r)),
    }))
  }
}

/**
 * A project's rows, layer by layer, so every keystroke in the filter is one pass of comparisons
 * and a change to one layer rebuilds only that layer's part.
 */
export class RetrieveIndex {
  constructor(readonly parts: readonly LayerRows[]) {}

  /** Every row, in the parts' order. */
  get rows(): RetrieveRow[] {
    return this.parts.flatMap((p) => p.rows)
  }

  /** How many rows there are. */
  get size(): number {
    return this.parts.reduce((n, p) => n + p.rows.length, 0)
  }

  /** The rows a filter keeps, in the index's order. */
  filter(filter: RetrieveFilter): RetrieveRow[] {
    const labels = new Set(filter.labels)
    const layers = new Set(filter.layers)
    const documents = new Set(filter.documents)
    const source = foldName(filter.source)
    const text = foldForMatching(filter.text.trim())
    // An attribute's value matches as the Analysis counts it: one name whatever its case or spacing
    // ("Russia", "RUSSIA", "Café  Zürich"), each distinct value folded once.
    const wanted = filter.attributes.map((a) => ({ ...a, key: nameKey(a.value) }))
    const keys = new Map<string, string>()
    const keyOf = (value: string) => {
      let key = keys.get(value)
      if (key === undefined) keys.set(value, (key = nameKey(value)))
      return key
    }
    const out: RetrieveRow[] = []
    for (const part of this.parts) {
      const first = part.rows[0]
      if (!first || (layers.size > 0 && !layers.has(first.layer)) || (documents.size > 0 && !documents.has(first.document))) continue
      part.rows.forEach((r, i) => {
        const f = part.folded[i]!
        if (labels.size > 0 && !labels.has(r.label)) return
        if (
          !wanted.every((a) => {
            const value = r.attributes[a.attribute]
            return (a.label === null || a.label === r.label) && value !== undefined && keyOf(value) === a.key
          })
        )
          return
        if (source !== '' && (r.source === null || !f.source.includes(source))) return
        if (text !== '' && !f.text.includes(text) && !f.note.includes(text)) return
        out.push(r)
      })
    }
    return out
  }
}

/**
 * The key of a row's group and the spelling it counts toward the group's name. By source, a row
 * goes under its source's actor as the Analysis counts it (one name whatever its case or spacing,
 * shown by its most frequent spelling); a source annotation itself under its own label ("Source
 * annotations"), not among the rows without a source.
 */
function groupOf(
  row: RetrieveRow,
  grouping: RetrieveGrouping,
  labelName: (id: string) => string,
  isSourceLabel: (id: string) => boolean,
): { key: string; name: string } {
  switch (grouping) {
    case 'label':
      return { key: row.label, name: labelName(row.label) }
    case 'source': {
      const name = sourceName(row)
      const key = name ? nameKey(name) : ''
      if (key !== '') return { key: `s:${key}`, name: displayName(name) }
      if (isSourceLabel(row.label)) return { key: `l:${row.label}`, name: `${labelName(row.label)} annotations` }
      return { key: '', name: `No ${inSentence(labelName('source'))}` }
    }
    case 'document':
      return { key: row.document, name: row.title }
    case 'layer':
      return { key: row.layer, name: row.layer === '_reviewed' ? 'Reviewed layer' : row.layer }
    default:
      return { key: '', name: 'All' }
  }
}

/**
 * Rows grouped: the groups with their counts (largest first; by source, the source annotations
 * themselves and then "No source" last), and the rows in group order, each group keeping the
 * rows' own order. A group is named by the spelling most of its rows have.
 */
export function groupRows(
  rows: readonly RetrieveRow[],
  grouping: RetrieveGrouping,
  labelName: (id: string) => string = (id) => id,
  isSourceLabel: (id: string) => boolean = (id) => id === 'source',
): { groups: RetrieveGroup[]; rows: RetrieveRow[]; groupOfRow: number[] } {
  if (grouping === 'none') return { groups: [{ key: '', name: 'All', count: rows.length }], rows: [...rows], groupOfRow: rows.map(() => 0) }
  const byKey = new Map<string, { group: RetrieveGroup; rows: RetrieveRow[]; spellings: Map<string, number> }>()
  for (const r of rows) {
    const { key, name } = groupOf(r, grouping, labelName, isSourceLabel)
    let g = byKey.get(key)
    if (!g) byKey.set(key, (g = { group: { key, name, count: 0 }, rows: [], spellings: new Map() }))
    g.group.count++
    g.rows.push(r)
    g.spellings.set(name, (g.spellings.get(name) ?? 0) + 1)
  }
  for (const g of byKey.values()) if (g.spellings.size > 1) g.group.name = mostFrequent(g.spellings)
  // Named groups first, then the source annotations themselves, then the rows without a source.
  const rank = (key: string) => (key === '' ? 2 : grouping === 'source' && key.startsWith('l:') ? 1 : 0)
  const ordered = [...byKey.values()].sort(
    (a, b) => rank(a.group.key) - rank(b.group.key) || b.group.count - a.group.count || a.group.name.localeCompare(b.group.name),
  )
  const out: RetrieveRow[] = []
  const groupOfRow: number[] = []
  ordered.forEach((g, i) => {
    for (const r of g.rows) {
      out.push(r)
      groupOfRow.push(i)
    }
  })
  return { groups: ordered.map((g) => g.group), rows: out, groupOfRow }
}
