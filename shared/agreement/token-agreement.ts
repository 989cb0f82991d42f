/**
 * Token-level agreement: every token of a document (see tokens.ts) is a unit, and each annotator
 * gives it a category. Two views:
 *
 * - per label: "claim" if one of the annotator's claim annotations overlaps the token, else
 *   "(none)" (a binary category per label; other labels do not matter);
 * - overall ("all"): the set of labels whose annotations overlap the token, joined by "+" in
 *   schema order ("claim+stance"), or "(none)" if none does.
 *
 * For each view: Cohen's kappa for every pair of annotators over the tokens of the documents both
 * have a layer for, and Krippendorff's alpha over all annotators, where an annotator without a
 * layer for a document gives no value for its tokens (missing data). An existing empty layer says
 * "(none)" for every token. Documents are pooled as more units, so one call over many documents
 * gives project figures. Annotations whose label is not among `labels` are ignored.
 *
 * Cost: tokens × (labels + pairs) array passes with typed arrays; no per-token objects.
 */
import { kappaFromConfusion, type ConfusionMatrix } from './cohen-kappa'
import { figure, type Figure } from './figure'
import { addUnitsToCoincidence, alphaFromCoincidence } from './krippendorff-alpha'
import type { AgreementLayer } from './layer'
import { coverage, type Tokens } from './tokens'

/** The category of a token no annotation of the view covers. */
export const NO_LABEL = '(none)'
/** The label name of the overall view. */
export const ALL_LABELS = 'all'

/** One document's tokens and each annotator's layer (layers[i] for annotators[i]; undefined = no layer). */
export interface TokenDocument {
  tokens: Tokens
  layers: readonly (AgreementLayer | undefined)[]
}

/** Cohen's kappa between annotators a and b over the n tokens of the documents both annotated. */
export interface TokenPair {
  a: string
  b: string
  kappa: Figure
  observed: Figure
  expected: Figure
  n: number
  /** Rows: a's category, columns: b's; categories as in the view. */
  confusion: ConfusionMatrix
}

/** Krippendorff's alpha over all annotators, missing layers as missing values. */
export interface TokenAlpha {
  alpha: Figure
  observedDisagreement: Figure
  expectedDisagreement: Figure
  /** Pairable values: tokens × annotators, over tokens with at least two values. */
  values: number
  /** Pairable units: tokens with at least two annotators' values. */
  units: number
  /** Annotators who gave values (had a layer for at least one document). */
  coders: string[]
}

/** Agreement in one view: a label, or ALL_LABELS. */
export interface TokenLabelAgreement {
  label: string
  /** Sorted category names (the rows and columns of each confusion matrix). */
  categories: string[]
  pairs: TokenPair[]
  alpha: TokenAlpha
}

/** Token-level agreement over some documents. */
export interface TokenAgreement {
  /** Tokens in these documents, whoever annotated them. */
  tokens: number
  overall: TokenLabelAgreement
  byLabel: TokenLabelAgreement[]
}

interface CodedDocument {
  count: number
  /** byLabel[l][i]: 1 where annotator i's annotations of label l cover the token. */
  byLabel: (Uint8Array | undefined)[][]
  /** overall[i]: index of annotator i's overall category for each token. */
  overall: (Int32Array | undefined)[]
}

/** Token agreement of annotators over documents, per label and overall. */
export function tokenAgreement(
  documents: readonly TokenDocument[],
  annotators: readonly string[],
  labels: readonly string[],
): TokenAgreement {
  if (labels.length > 52) throw new RangeError('token agreement handles at most 52 labels')
  const labelIndex = new Map(labels.map((l, i) => [l, i]))
  const maskCategory = new Map<number, number>()
  const maskNames: string[] = []
  const categoryOf = (mask: number): number => {
    let c = maskCategory.get(mask)
    if (c === undefined) {
      c = maskNames.length
      maskCategory.set(mask, c)
      maskNames.push(mask === 0 ? NO_LABEL : labels.filter((_, l) => Math.floor(mask / 2 ** l) % 2 === 1).join('+'))
    }
    return c
  }

  const coded: CodedDocument[] = documents.map(({ tokens, layers }) => {
    const byLabel: (Uint8Array | undefined)[][] = labels.map(() => annotators.map(() => undefined))
    const overall = annotators.map((_, i): Int32Array | undefined => {
      const layer = layers[i]
      if (!layer) return undefined
      const spans: { start: number; end: number }[][] = labels.map(() => [])
      for (const a of layer.annotations) {
        const l = labelIndex.get(a.label)
        if (l !== undefined) spans[l]!.push(a.target.position)
      }
      const mask = new Float64Array(tokens.count)
      for (let l = 0; l < labels.length; l++) {
        const covered = coverage(tokens, spans[l]!)
        byLabel[l]![i] = covered
        const bit = 2 ** l
        for (let t = 0; t < tokens.count; t++) if (covered[t]) mask[t]! += bit
      }
      const codes = new Int32Array(tokens.count)
      let lastMask = -1
      let lastCode = -1
      for (let t = 0; t < tokens.count; t++) {
        const m = mask[t]!
        if (m !== lastMask) {
          lastMask = m
          lastCode = categoryOf(m)
        }
        codes[t] = lastCode
      }
      return codes
    })
    return { count: tokens.count, byLabel, overall }
  })

  // Overall categories sorted by name, as the kappa's confusion matrix wants; recode in place.
  const order = maskNames.map((_, c) => c).sort((x, y) => (maskNames[x]! < maskNames[y]! ? -1 : maskNames[x]! > maskNames[y]! ? 1 : 0))
  const rank = new Int32Array(order.length)
  order.forEach((c, r) => (rank[c] = r))
  for (const d of coded) for (const codes of d.overall) if (codes) for (let t = 0; t < codes.length; t++) codes[t] = rank[codes[t]!]!
  const overallCategories = order.map((c) => maskNames[c]!)
  if (overallCategories.length === 0) overallCategories.push(NO_LABEL)

  return {
    tokens: coded.reduce((s, d) => s + d.count, 0),
    overall: viewAgreement(
      ALL_LABELS,
      overallCategories,
      coded.map((d) => ({ count: d.count, coders: d.overall })),
      annotators,
    ),
    byLabel: labels.map((label, l) =>
      viewAgreement(
        label,
        [NO_LABEL, label],
        coded.map((d) => ({ count: d.count, coders: d.byLabel[l]! })),
        annotators,
      ),
    ),
  }
}

/** Pairwise kappa and alpha in one view, from category codes per annotator per document. */
function viewAgreement(
  label: string,
  categories: string[],
  documents: readonly { count: number; coders: readonly (ArrayLike<number> | undefined)[] }[],
  annotators: readonly string[],
): TokenLabelAgreement {
  const k = categories.length
  const pairs: TokenPair[] = []
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const flat = new Float64Array(k * k)
      for (const d of documents) {
        const a = d.coders[i]
        const b = d.coders[j]
        if (!a || !b) continue
        for (let t = 0; t < d.count; t++) flat[a[t]! * k + b[t]!]!++
      }
      const counts = Array.from({ length: k }, (_, r) => Array.from(flat.subarray(r * k, r * k + k)))
      const r = kappaFromConfusion({ categories, counts })
      pairs.push({
        a: annotators[i]!,
        b: annotators[j]!,
        kappa: figure(r.kappa),
        observed: figure(r.observed),
        expected: figure(r.expected),
        n: r.n,
        confusion: { categories, counts },
      })
    }
  }
  const o = new Float64Array(k * k)
  let units = 0
  for (const d of documents) units += addUnitsToCoincidence(o, k, d.coders, d.count)
  const alpha = alphaFromCoincidence(categories, o, units)
  return {
    label,
    categories,
    pairs,
    alpha: {
      alpha: figure(alpha.alpha),
      observedDisagreement: figure(alpha.observedDisagreement),
      expectedDisagreement: figure(alpha.expectedDisagreement),
      values: Math.round(alpha.values),
      units,
      coders: annotators.filter((_, i) => documents.some((d) => d.coders[i] !== undefined)),
    },
  }
}
