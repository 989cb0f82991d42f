/**
 * Span-level agreement between two annotators' layers of a document, A taken as reference and B
 * as prediction: true positives are matched spans (span-match.ts), false positives B's unmatched
 * spans, false negatives A's unmatched spans. Precision = TP / (TP + FP), recall = TP / (TP + FN),
 * F1 = 2TP / (2TP + FP + FN). Swapping A and B swaps precision and recall and keeps F1, so F1 is
 * the symmetric figure to show. "all" pools every label's counts (micro average).
 *
 * On the overlap-matched pairs (which include every exact match) two more figures:
 * - attributes: for each choice attribute of a label (stance polarity, source kind), the share of
 *   matched pairs with the same value and Cohen's kappa over those pairs. An attribute left unset
 *   counts as the value "(unset)", so a forgotten polarity shows as a disagreement.
 * - links: for each label that may be attributed to a source (claim, stance), the share of matched
 *   pairs whose attributions agree: both unlinked, or both linked and the linked source spans are
 *   themselves overlap-matched to each other (with several links, the two sets must correspond
 *   exactly through the matching).
 *
 * A comparison holds counts and value lists, so comparisons of many documents add up
 * (sumComparisons) before they are summarised into figures (summarizeComparison).
 */
import type { LabelSchema } from '../model/labels'
import { cohenKappa, type ConfusionMatrix } from './cohen-kappa'
import { figure, ratio, type Figure } from './figure'
import { spanOfAnnotation, type AgreementLayer } from './layer'
import { matchExact, matchOverlap } from './span-match'

/** The value an unset attribute is compared as. */
export const UNSET = '(unset)'

/** Matched (tp), B-only (fp) and A-only (fn) spans. */
export interface SpanCounts {
  tp: number
  fp: number
  fn: number
}

/** The values of one choice attribute on matched pairs: a[i] and b[i] belong to pair i. */
export interface AttributeValuePairs {
  label: string
  attribute: string
  a: string[]
  b: string[]
}

/** How the attributions of matched pairs of one label compare. */
export interface LinkCounts {
  /** Matched pairs of this label. */
  pairs: number
  bothUnlinked: number
  /** Both linked, to sources that are matched to each other. */
  sameSource: number
  /** Both linked, to sources that are not matched to each other. */
  differentSource: number
  /** One linked, the other not. */
  oneLinked: number
}

/** Everything compared between two layers, in additive form. */
export interface LayerComparison {
  /** By label id, every label of the schema. */
  exact: Record<string, SpanCounts>
  overlap: Record<string, SpanCounts>
  /** One entry per choice attribute, in schema order. */
  attributes: AttributeValuePairs[]
  /** By label id, every label that may be attributed to a source. */
  links: Record<string, LinkCounts>
}

/** Counts with precision, recall and F1 (null where the denominator is 0). */
export interface SpanScores extends SpanCounts {
  label: string
  precision: Figure
  recall: Figure
  f1: Figure
}

/** Agreement on one choice attribute over matched pairs. */
export interface AttributeAgreement {
  label: string
  attribute: string
  /** Matched pairs compared. */
  n: number
  /** Share of pairs with equal values. */
  agreement: Figure
  kappa: Figure
  /** Pairs where at least one side left the attribute unset. */
  unset: number
  confusion: ConfusionMatrix
}

/** Agreement on attributions over matched pairs of one label. */
export interface LinkAgreement extends LinkCounts {
  label: string
  /** (bothUnlinked + sameSource) / pairs. */
  agreement: Figure
}

/** The figures of a comparison. */
export interface ComparisonSummary {
  /** Per label in schema order, then "all" (micro). */
  exact: SpanScores[]
  overlap: SpanScores[]
  attributes: AttributeAgreement[]
  /** Per linkable label in schema order, then "all". */
  links: LinkAgreement[]
}

/** An empty comparison for a schema (what sumComparisons starts from). */
export function emptyComparison(labels: LabelSchema): LayerComparison {
  const counts = () => Object.fromEntries(labels.map((l) => [l.id, { tp: 0, fp: 0, fn: 0 }]))
  return {
    exact: counts(),
    overlap: counts(),
    attributes: labels.flatMap((l) =>
      l.attributes.filter((d) => d.type === 'choice').map((d) => ({ label: l.id, attribute: d.id, a: [], b: [] })),
    ),
    links: Object.fromEntries(
      labels
        .filter((l) => l.attributedTo !== null)
        .map((l) => [l.id, { pairs: 0, bothUnlinked: 0, sameSource: 0, differentSource: 0, oneLinked: 0 }]),
    ),
  }
}

/** Compares layer b (prediction) with layer a (reference) under a label schema. */
export function compareLayers(labels: LabelSchema, a: AgreementLayer, b: AgreementLayer): LayerComparison {
  const known = new Set(labels.map((l) => l.id))
  const annA = a.annotations.filter((x) => known.has(x.label))
  const annB = b.annotations.filter((x) => known.has(x.label))
  const spansA = annA.map(spanOfAnnotation)
  const spansB = annB.map(spanOfAnnotation)
  const result = emptyComparison(labels)

  const count = (into: Record<string, SpanCounts>, pairs: [number, number][]) => {
    for (const s of spansA) into[s.label]!.fn++
    for (const s of spansB) into[s.label]!.fp++
    for (const [i] of pairs) {
      const c = into[spansA[i]!.label]!
      c.tp++
      c.fn--
      c.fp--
    }
  }
  count(result.exact, matchExact(spansA, spansB))
  const overlap = matchOverlap(spansA, spansB)
  count(result.overlap, overlap)

  for (const attr of result.attributes) {
    for (const [i, j] of overlap) {
      if (annA[i]!.label !== attr.label) continue
      attr.a.push(annA[i]!.attributes[attr.attribute] ?? UNSET)
      attr.b.push(annB[j]!.attributes[attr.attribute] ?? UNSET)
    }
  }

  const partnerOf = new Map<string, string>() // A annotation id -> matched B annotation id
  for (const [i, j] of overlap) partnerOf.set(annA[i]!.id, annB[j]!.id)
  const targetsA = attributions(a)
  const targetsB = attributions(b)
  for (const [i, j] of overlap) {
    const label = annA[i]!.label
    const tally = Object.hasOwn(result.links, label) ? result.links[label] : undefined
    if (!tally) continue
    tally.pairs++
    const ta = targetsA.get(annA[i]!.id) ?? []
    const tb = targetsB.get(annB[j]!.id) ?? []
    if (ta.length === 0 && tb.length === 0) tally.bothUnlinked++
    else if (ta.length === 0 || tb.length === 0) tally.oneLinked++
    else {
      const mapped = new Set(ta.map((t) => partnerOf.get(t)))
      const same = mapped.size === tb.length && tb.every((t) => mapped.has(t))
      if (same) tally.sameSource++
      else tally.differentSource++
    }
  }
  return result
}

/** Distinct attribution targets (that exist in the layer) of each annotation id. */
function attributions(layer: AgreementLayer): Map<string, string[]> {
  const ids = new Set(layer.annotations.map((x) => x.id))
  const out = new Map<string, string[]>()
  for (const l of layer.links) {
    if (l.type !== 'attribution' || !ids.has(l.from) || !ids.has(l.to)) continue
    const list = out.get(l.from)
    if (!list) out.set(l.from, [l.to])
    else if (!list.includes(l.to)) list.push(l.to)
  }
  return out
}

/** The sum of comparisons under one schema: counts added, value lists joined in order. */
export function sumComparisons(labels: LabelSchema, comparisons: readonly LayerComparison[]): LayerComparison {
  const total = emptyComparison(labels)
  for (const c of comparisons) {
    for (const [into, from] of [
      [total.exact, c.exact],
      [total.overlap, c.overlap],
    ] as const) {
      for (const [k, v] of Object.entries(from)) {
        if (!Object.hasOwn(into, k)) continue
        const t = into[k]!
        t.tp += v.tp
        t.fp += v.fp
        t.fn += v.fn
      }
    }
    c.attributes.forEach((v, i) => {
      const t = total.attributes[i]
      if (!t) return
      for (const x of v.a) t.a.push(x)
      for (const x of v.b) t.b.push(x)
    })
    for (const [k, v] of Object.entries(c.links)) {
      if (!Object.hasOwn(total.links, k)) continue
      const t = total.links[k]!
      t.pairs += v.pairs
      t.bothUnlinked += v.bothUnlinked
      t.sameSource += v.sameSource
      t.differentSource += v.differentSource
      t.oneLinked += v.oneLinked
    }
  }
  return total
}

/** Precision, recall and F1 of span counts. */
export function spanScores(label: string, c: SpanCounts): SpanScores {
  return {
    label,
    ...c,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
  }
}

/** The figures of a comparison: scores per label and micro "all", attribute and link agreement. */
export function summarizeComparison(c: LayerComparison): ComparisonSummary {
  const scores = (by: Record<string, SpanCounts>) => {
    const rows = Object.entries(by).map(([label, counts]) => spanScores(label, counts))
    const total = rows.reduce((s, r) => ({ tp: s.tp + r.tp, fp: s.fp + r.fp, fn: s.fn + r.fn }), { tp: 0, fp: 0, fn: 0 })
    return [...rows, spanScores('all', total)]
  }
  const linkRows = Object.entries(c.links).map(([label, t]) => ({ label, ...t }))
  const linkTotal = linkRows.reduce(
    (s, t) => ({
      label: 'all',
      pairs: s.pairs + t.pairs,
      bothUnlinked: s.bothUnlinked + t.bothUnlinked,
      sameSource: s.sameSource + t.sameSource,
      differentSource: s.differentSource + t.differentSource,
      oneLinked: s.oneLinked + t.oneLinked,
    }),
    { label: 'all', pairs: 0, bothUnlinked: 0, sameSource: 0, differentSource: 0, oneLinked: 0 },
  )
  return {
    exact: scores(c.exact),
    overlap: scores(c.overlap),
    attributes: c.attributes.map((v) => {
      const k = cohenKappa(v.a, v.b)
      return {
        label: v.label,
        attribute: v.attribute,
        n: v.a.length,
        agreement: figure(k.observed),
        kappa: figure(k.kappa),
        unset: v.a.filter((x, i) => x === UNSET || v.b[i] === UNSET).length,
        confusion: k.confusion,
      }
    }),
    links: [...linkRows, linkTotal].map((t) => ({ ...t, agreement: ratio(t.bothUnlinked + t.sameSource, t.pairs) })),
  }
}
