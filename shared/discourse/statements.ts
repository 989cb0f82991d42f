/**
 * The statements table: who says what about whom. Everything in shared/discourse (the matrix, the
 * networks, the counts over time) is computed from these rows, so the definitions are here once.
 *
 * - A **statement** is an annotation whose label may be attributed to a source (the label schema's
 *   `attributedTo`: claims and stances in the default schema), in one layer (an annotator's, or
 *   the reviewed layer `_reviewed`) of one document. Each is one row, linked or not.
 * - A statement is a **stance** when its label has a `target` attribute. Its **target** is that
 *   attribute as written; its **polarity** is the `polarity` attribute when it is favor, against or
 *   neutral, and null (unset) otherwise.
 * - Its **source** is the annotation its attribution link points to, by the link rule
 *   (shared/annotations/links.ts: a link counts only if its ends' labels fit), wherever in the
 *   document that source is: another paragraph is as good as the same sentence.
 * - Its **actor** is the source's canonical name (attribute `name`) when that is not blank, else
 *   the source's text; the key is that name folded (names.ts: NFC, white space collapsed and
 *   trimmed, case-folded) and the label the most frequent spelling. A statement with no source
 *   (unlinked) has actor null: it stays in the table and is counted, never dropped.
 * - An actor's **kind** is the `kind` attribute most often given by the sources that name it, each
 *   source annotation counted once (ties to the first in code unit order; '' when none has one).
 * - A stance's **target key** is its target folded the same way (" israel " and "Israel" are one
 *   target); blank targets have key null. Target labels are the most frequent spelling.
 * - Its **date** is its document's `date` property when that is an ISO date (dates.ts), else null.
 */
import { fittingAttributions, attributionTarget } from '../annotations/links'
import type { ExportLayer, LayerAnnotation } from '../interchange/layer'
import { inTextOrder } from '../model/annotation'
import { attributedSources } from '../model/annotation'
import type { LabelSchema } from '../model/labels'
import type { DocumentEntry } from '../model/project'
import { documentDate } from './dates'
import { NameRegistry, actorName, mostFrequent } from './names'

/** The polarities a stance can take; anything else counts as unset. */
export type Polarity = 'favor' | 'against' | 'neutral'
/** The polarities, in the order counts and tables list them. */
export const POLARITIES: readonly Polarity[] = ['favor', 'against', 'neutral']

/** A document's properties: date (yyyy-mm-dd), outlet, author, url, or any other key. */
export type DocumentProperties = Readonly<Record<string, string>>

/** What the statements are built from. */
export interface StatementsInput {
  labels: LabelSchema
  /** Layers of documents, in the order rows should come (documents, then layers). */
  layers: readonly ExportLayer[]
  /** Each document's properties by document id; a document not listed has none. */
  properties?: Readonly<Record<string, DocumentProperties>>
}

/** The source a statement is attributed to. */
export interface StatementSource {
  id: string
  /** The source's quoted text. */
  text: string
  /** Its canonical name (attribute `name`), '' when unset. */
  name: string
  /** Its kind (attribute `kind`), '' when unset. */
  kind: string
}

/** One claim or stance, joined with its document and its source. */
export interface Statement {
  /** "<document>/<layer>/<id>": unique in a statement set (an annotation id is unique only in its layer). */
  ref: string
  documentId: string
  documentTitle: string
  properties: DocumentProperties
  /** The document's date (yyyy-mm-dd), or null when it has none that reads as one. */
  date: string | null
  /** The annotator's name, or "_reviewed". */
  layer: string
  id: string
  label: string
  /** Code points, end exclusive. */
  start: number
  end: number
  quote: string
  /** Whether the label has a target attribute (a stance). */
  stance: boolean
  /** The target as written ('' when unset). */
  target: string
  targetKey: string | null
  polarity: Polarity | null
  /** A stance's polarity attribute as written when it is none of favor, against and neutral (counted as unset); '' otherwise. */
  otherPolarity: string
  source: StatementSource | null
  actorKey: string | null
}

/** An actor: the key statements carry, the label to show, and the kind its sources give most. */
export interface Actor {
  key: string
  label: string
  kind: string
}

/** A target: its key and the label to show. */
export interface Target {
  key: string
  label: string
}

/** The statements of some layers, with the actors and targets they resolve to. */
export interface StatementSet {
  statements: Statement[]
  /** Every actor named by a statement's source, by key in code unit order. */
  actors: Actor[]
  /** Every target of a stance, by key in code unit order. */
  targets: Target[]
  /** The document property keys of the documents in the set, in order of first appearance. */
  propertyKeys: string[]
}

const NONE: DocumentProperties = {}

/** The statements of these layers, in order: layer by layer, each in text order (start, end, id). */
export function buildStatements(input: StatementsInput): StatementSet {
  const actorNames = new NameRegistry()
  const targetNames = new NameRegistry()
  const kinds = new Map<string, Map<string, number>>()
  const propertyKeys = new Set<string>()
  const stanceLabel = new Map(input.labels.map((l) => [l.id, l.attributes.some((a) => a.id === 'target')]))
  const statementLabel = new Set(input.labels.filter((l) => attributionTarget(input.labels, l.id) !== null).map((l) => l.id))
  const sourceLabel = new Set(input.labels.map((l) => attributionTarget(input.labels, l.id)).filter((l) => l !== null))
  const statements: Statement[] = []
  for (const layer of input.layers) {
    const doc = layer.document
    const properties = input.properties && Object.hasOwn(input.properties, doc.id) ? input.properties[doc.id]! : NONE
    for (const key of Object.keys(properties)) propertyKeys.add(key)
    const date = documentDate(properties)
    const byId = new Map<string, LayerAnnotation>()
    const sources: LayerAnnotation[] = []
    for (const a of layer.annotations) {
      byId.set(a.id, a)
      if (sourceLabel.has(a.label)) sources.push(a)
    }
    // A link that fits the rule ends at a source, so looking among the sources finds every one.
    const sourceOf = attributedSources(
      sources,
      fittingAttributions(input.labels, layer.links, (id) => byId.get(id)),
    )
    const refPrefix = `${doc.id}/${layer.annotator}/`
    // Each source annotation is resolved (and its spelling and kind counted) once, however many statements cite it.
    const resolved = new Map<string, { source: StatementSource; actorKey: string | null }>()
    for (const a of inTextOrder(layer.annotations)) {
      if (!statementLabel.has(a.label)) continue
      const s = sourceOf.get(a.id)
      let attributed: { source: StatementSource; actorKey: string | null } | null = null
      if (s) {
        attributed = resolved.get(s.id) ?? null
        if (!attributed) {
          const source: StatementSource = {
            id: s.id,
            text: s.target.quote.exact,
            name: s.attributes.name ?? '',
            kind: s.attributes.kind ?? '',
          }
          const actorKey = actorNames.add(actorName(source))
          if (actorKey !== null && source.kind !== '') {
            let k = kinds.get(actorKey)
            if (!k) kinds.set(actorKey, (k = new Map()))
            k.set(source.kind, (k.get(source.kind) ?? 0) + 1)
          }
          resolved.set(s.id, (attributed = { source, actorKey }))
        }
      }
      const stance = stanceLabel.get(a.label) ?? false
      const target = stance ? (a.attributes.target ?? '') : ''
      statements.push({
        ref: refPrefix + a.id,
        documentId: doc.id,
        documentTitle: doc.title,
        properties,
        date,
        layer: layer.annotator,
        id: a.id,
        label: a.label,
        start: a.target.position.start,
        end: a.target.position.end,
        quote: a.target.quote.exact,
        stance,
        target,
        targetKey: stance ? targetNames.add(target) : null,
        polarity: stance ? polarityOf(a.attributes.polarity) : null,
        otherPolarity: stance && polarityOf(a.attributes.polarity) === null ? (a.attributes.polarity ?? '') : '',
        source: attributed?.source ?? null,
        actorKey: attributed?.actorKey ?? null,
      })
    }
  }
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  return {
    statements,
    actors: actorNames
      .keys()
      .map((key) => ({ key, label: actorNames.label(key), kind: kinds.has(key) ? mostFrequent(kinds.get(key)!) : '' }))
      .sort(byKey),
    targets: targetNames
      .keys()
      .map((key) => ({ key, label: targetNames.label(key) }))
      .sort(byKey),
    propertyKeys: [...propertyKeys],
  }
}

function polarityOf(value: string | undefined): Polarity | null {
  return value === 'favor' || value === 'against' || value === 'neutral' ? value : null
}

/** Each document's properties (project.json's documents[].properties), by document id. */
export function documentProperties(documents: readonly DocumentEntry[]): Record<string, DocumentProperties> {
  const out: Record<string, DocumentProperties> = {}
  for (const d of documents) out[d.id] = d.properties ?? NONE
  return out
}

/** Stances by polarity: favor, against, neutral, unset (no polarity), and all of them. */
export interface StanceCounts {
  favor: number
  against: number
  neutral: number
  unset: number
  total: number
}

/** Counts of zero. */
export function noStances(): StanceCounts {
  return { favor: 0, against: 0, neutral: 0, unset: 0, total: 0 }
}

/** Count one stance of this polarity (null: unset) into `counts`. */
export function countStance(counts: StanceCounts, polarity: Polarity | null, n = 1): void {
  if (polarity === 'favor') counts.favor += n
  else if (polarity === 'against') counts.against += n
  else if (polarity === 'neutral') counts.neutral += n
  else counts.unset += n
  counts.total += n
}
