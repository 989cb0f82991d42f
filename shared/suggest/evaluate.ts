/**
 * How good the suggestions are, measured against an annotator's (or the reviewed) layer with the
 * agreement module's span matching, so a suggestion counts exactly as an annotator's span would:
 * precision, recall and F1 per label (source, claim; and micro "all"), by exact match (same label,
 * start and end) and overlap match (same label, a code point in common, one to one, greedy by
 * IoU); attribution links, where a suggested link counts when its claim and its source are
 * overlap-matched to a gold claim and a gold source that the gold layer links; and, on
 * overlap-matched sources, how often the proposed kind and canonical name equal the gold ones.
 * Counts are pooled over documents (micro), as in the agreement report.
 */
import type { Figure } from '../agreement/figure'
import { ratio } from '../agreement/figure'
import type { AgreementLayer } from '../agreement/layer'
import { spanOfAnnotation } from '../agreement/layer'
import { spanScores, type SpanCounts, type SpanScores } from '../agreement/span-agreement'
import { matchExact, matchOverlap } from '../agreement/span-match'
import type { Suggestions } from './types'

export const EVALUATION_FORMAT = 'marginalia-suggestion-evaluation'

/** The labels suggestions are made for, in report order. */
export const SUGGESTED_LABELS = ['source', 'claim'] as const

/** One document: what was suggested, and the layer it is judged against. */
export interface EvaluationDocument {
  id: string
  suggestions: Suggestions
  gold: AgreementLayer
}

export interface EvaluationOptions {
  /**
   * Gold labels to count as another label, e.g. { stance: 'claim' }: annotators mark attributed
   * positions as stances, and the engine proposes them as claims. Default: none (strict).
   */
  fold?: Readonly<Record<string, string>>
  /** Only suggestions of at least this confidence are judged (default 0: all). */
  minConfidence?: number
}

/** Agreement of an attribute on overlap-matched sources where the gold layer sets it. */
export interface AttributeAccuracy {
  attribute: 'kind' | 'name'
  /** Matched sources whose gold value is set. */
  n: number
  /** Of those, suggestions with the same value (names compared without case). */
  same: number
  /** Suggestions that proposed no value. */
  unset: number
  accuracy: Figure
}

/** The figures for a set of documents. */
export interface EvaluationScores {
  documents: number
  exact: SpanScores[]
  overlap: SpanScores[]
  links: SpanScores
  attributes: AttributeAccuracy[]
}

export interface EvaluationReport extends EvaluationScores {
  format: typeof EVALUATION_FORMAT
  version: 1
  fold: Record<string, string>
  minConfidence: number
  perDocument: (EvaluationScores & { id: string })[]
}

/** The suggestions as a layer the agreement module can match (ids are the suggestions' ids). */
export function suggestionLayer(s: Suggestions, minConfidence = 0): AgreementLayer {
  const spans = s.spans.filter((x) => x.confidence >= minConfidence)
  const ids = new Set(spans.map((x) => x.id))
  return {
    annotations: spans.map((x) => ({
      id: x.id,
      label: x.label,
      attributes: { ...x.attributes },
      target: { position: { start: x.start, end: x.end } },
    })),
    links: s.links.filter((l) => ids.has(l.from) && ids.has(l.to)).map((l) => ({ type: 'attribution' as const, from: l.from, to: l.to })),
  }
}

interface Tally {
  exact: Record<string, SpanCounts>
  overlap: Record<string, SpanCounts>
  links: SpanCounts
  attributes: Record<'kind' | 'name', { n: number; same: number; unset: number }>
}

function emptyTally(): Tally {
  const counts = () => Object.fromEntries(SUGGESTED_LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]))
  return {
    exact: counts(),
    overlap: counts(),
    links: { tp: 0, fp: 0, fn: 0 },
    attributes: { kind: { n: 0, same: 0, unset: 0 }, name: { n: 0, same: 0, unset: 0 } },
  }
}

/** Compare one document's suggestions with its gold layer, adding to the tally. */
function tallyDocument(t: Tally, doc: EvaluationDocument, options: EvaluationOptions): void {
  const fold = options.fold ?? {}
  const labels = new Set<string>(SUGGESTED_LABELS)
  const goldAll = doc.gold.annotations.map((a) => ({ a, label: fold[a.label] ?? a.label })).filter((x) => labels.has(x.label))
  const gold = goldAll.map((x) => ({ ...spanOfAnnotation(x.a), label: x.label }))
  const mine = suggestionLayer(doc.suggestions, options.minConfidence ?? 0)
  const spans = mine.annotations.map(spanOfAnnotation)
  for (const [kind, pairs] of [
    ['exact', matchExact(gold, spans)],
    ['overlap', matchOverlap(gold, spans)],
  ] as const) {
    for (const label of SUGGESTED_LABELS) {
      const tp = pairs.filter(([i]) => gold[i]!.label === label).length
      t[kind][label]!.tp += tp
      t[kind][label]!.fn += gold.filter((g) => g.label === label).length - tp
      t[kind][label]!.fp += spans.filter((s) => s.label === label).length - tp
    }
  }
  const pairs = matchOverlap(gold, spans)
  const goldOf = new Map(pairs.map(([i, j]) => [mine.annotations[j]!.id, goldAll[i]!.a.id]))
  const goldLinks = new Set(doc.gold.links.filter((l) => l.type === 'attribution').map((l) => `${l.from}\u0000${l.to}`))
  const goldIds = new Set(goldAll.map((x) => x.a.id))
  const linkable = doc.gold.links.filter((l) => l.type === 'attribution' && goldIds.has(l.from) && goldIds.has(l.to)).length
  let tp = 0
  for (const l of mine.links) {
    const from = goldOf.get(l.from)
    const to = goldOf.get(l.to)
    if (from !== undefined && to !== undefined && goldLinks.has(`${from}\u0000${to}`)) tp++
  }
  t.links.tp += tp
  t.links.fp += mine.links.length - tp
  t.links.fn += linkable - tp
  for (const [i, j] of pairs) {
    if (gold[i]!.label !== 'source') continue
    const want = goldAll[i]!.a.attributes
    const got = mine.annotations[j]!.attributes
    for (const attribute of ['kind', 'name'] as const) {
      const value = want[attribute]
      if (!value) continue
      const a = t.attributes[attribute]
      a.n++
      if (!got[attribute]) a.unset++
      else if (got[attribute]!.toLowerCase() === value.toLowerCase()) a.same++
    }
  }
}

function scoresOf(t: Tally, documents: number): EvaluationScores {
  const rows = (by: Record<string, SpanCounts>) => {
    const all = Object.values(by).reduce((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), { tp: 0, fp: 0, fn: 0 })
    return [...SUGGESTED_LABELS.map((l) => spanScores(l, by[l]!)), spanScores('all', all)]
  }
  return {
    documents,
    exact: rows(t.exact),
    overlap: rows(t.overlap),
    links: spanScores('link', t.links),
    attributes: (['kind', 'name'] as const).map((attribute) => ({
      attribute,
      ...t.attributes[attribute],
      accuracy: ratio(t.attributes[attribute].same, t.attributes[attribute].n),
    })),
  }
}

/** Precision, recall and F1 of the suggestions against the gold layers, pooled and per document. */
export function evaluateSuggestions(documents: readonly EvaluationDocument[], options: EvaluationOptions = {}): EvaluationReport {
  const total = emptyTally()
  const perDocument = documents.map((doc) => {
    const t = emptyTally()
    tallyDocument(t, doc, options)
    tallyDocument(total, doc, options)
    return { id: doc.id, ...scoresOf(t, 1) }
  })
  return {
    format: EVALUATION_FORMAT,
    version: 1,
    fold: { ...options.fold },
    minConfidence: options.minConfidence ?? 0,
    ...scoresOf(total, documents.length),
    perDocument,
  }
}
