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

/**
 * The additive form of one document's token agreement: per view, the category names, each pair's
 * confusion counts and the coincidence matrix. Tallies of many documents sum to the pooled figures,
 * so a report computes each document once and the project from the same tallies.
 */
export interface TokenTally {
  tokens: number
  /** Overall view first, then one per label in order. */
  views: ViewTally[]
}

interface ViewTally {
  label: string
  categories: string[]
  /** Per pair (i < j, in order): flat k×k confusion counts, or undefined if one layer is missing. */
  pairs: (Float64Array | undefined)[]
  /** Flat k×k coincidence matrix. */
  coincidence: Float64Array
  units: number
  /** present[i]: annotator i has a layer. */
  present: boolean[]
}

/** Token agreement of annotators over documents (pooled), per label and overall. */
export function tokenAgreement(
  documents: readonly TokenDocument[],
  annotators: readonly string[],
  labels: readonly string[],
): TokenAgreement {
  return summarizeTokenTallies(
    documents.map((d) => tallyTokens(d, annotators.length, labels)),
    annotators,
    labels,
  )
}

/** The tally of one document with layers for `annotatorCount` annotators. */
export function tallyTokens(document: TokenDocument, annotatorCount: number, labels: readonly string[]): TokenTally {
  if (labels.length > 52) throw new RangeError('token agreement handles at most 52 labels')
  const { tokens, layers } = document
  const count = tokens.count
  const labelIndex = new Map(labels.map((l, i) => [l, i]))
  const byLabel: (Uint8Array | undefined)[][] = labels.map(() => Array.from({ length: annotatorCount }, () => undefined))
  const masks: (Float64Array | undefined)[] = []
  for (let i = 0; i < annotatorCount; i++) {
    const layer = layers[i]
    if (!layer) {
      masks.push(undefined)
      continue
    }
    const spans: { start: number; end: number }[][] = labels.map(() => [])
    for (const a of layer.annotations) {
      const l = labelIndex.get(a.label)
      if (l !== undefined) spans[l]!.push(a.target.position)
    }
    const mask = new Float64Array(count)
    for (let l = 0; l < labels.length; l++) {
      const covered = coverage(tokens, spans[l]!)
      byLabel[l]![i] = covered
      const bit = 2 ** l
      for (let t = 0; t < count; t++) if (covered[t]) mask[t]! += bit
    }
    masks.push(mask)
  }

  // Overall categories: the label sets in use, named and sorted, as the confusion matrix wants.
  const distinct = new Set<number>()
  for (const mask of masks) {
    if (!mask) continue
    let last = -1
    for (let t = 0; t < count; t++) if (mask[t] !== last) distinct.add((last = mask[t]!))
  }
  if (distinct.size === 0) distinct.add(0)
  const named = [...distinct].map((m) => ({
    mask: m,
    name: m === 0 ? NO_LABEL : labels.filter((_, l) => Math.floor(m / 2 ** l) % 2 === 1).join('+'),
  }))
  named.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
  const codeOf = new Map(named.map((x, c) => [x.mask, c]))
  const overall = masks.map((mask) => {
    if (!mask) return undefined
    const codes = new Int32Array(count)
    let lastMask = -1
    let lastCode = -1
    for (let t = 0; t < count; t++) {
      if (mask[t] !== lastMask) lastCode = codeOf.get((lastMask = mask[t]!))!
      codes[t] = lastCode
    }
    return codes
  })

  return {
    tokens: count,
    views: [
      tallyView(
        ALL_LABELS,
        named.map((x) => x.name),
        overall,
        count,
      ),
      ...labels.map((label, l) => tallyView(label, [NO_LABEL, label], byLabel[l]!, count)),
    ],
  }
}

/** Confusion counts per pair and the coincidence matrix of one view of one document. */
function tallyView(label: string, categories: string[], coders: readonly (ArrayLike<number> | undefined)[], count: number): ViewTally {
  const k = categories.length
  const pairs: (Float64Array | undefined)[] = []
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const a = coders[i]
      const b = coders[j]
      if (!a || !b) {
        pairs.push(undefined)
        continue
      }
      const flat = new Float64Array(k * k)
      for (let t = 0; t < count; t++) flat[a[t]! * k + b[t]!]!++
      pairs.push(flat)
    }
  }
  const coincidence = new Float64Array(k * k)
  const units = addUnitsToCoincidence(coincidence, k, coders, count)
  return { label, categories, pairs, coincidence, units, present: coders.map((c) => c !== undefined) }
}

/** Pooled figures from the tallies of some documents (the same annotators and labels). */
export function summarizeTokenTallies(
  tallies: readonly TokenTally[],
  annotators: readonly string[],
  labels: readonly string[],
): TokenAgreement {
  const views = [ALL_LABELS, ...labels].map((label, v) =>
    summarizeView(
      label,
      tallies.map((t) => t.views[v]!),
      annotators,
    ),
  )
  return { tokens: tallies.reduce((s, t) => s + t.tokens, 0), overall: views[0]!, byLabel: views.slice(1) }
}

/** One view's pairwise kappa and alpha, from the documents' tallies, categories merged by name. */
function summarizeView(label: string, tallies: readonly ViewTally[], annotators: readonly string[]): TokenLabelAgreement {
  const names = new Set<string>(label === ALL_LABELS ? [] : [NO_LABEL, label])
  for (const t of tallies) for (const c of t.categories) names.add(c)
  if (names.size === 0) names.add(NO_LABEL)
  const categories = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
  const k = categories.length
  const index = new Map(categories.map((c, i) => [c, i]))
  // Adds a document's flat matrix over its own categories into a k×k matrix over the merged ones.
  const addInto = (into: Float64Array, t: ViewTally, flat: Float64Array) => {
    const map = t.categories.map((c) => index.get(c)!)
    const kt = map.length
    for (let r = 0; r < kt; r++) for (let c = 0; c < kt; c++) into[map[r]! * k + map[c]!]! += flat[r * kt + c]!
  }
  const rows = (flat: Float64Array) => Array.from({ length: k }, (_, r) => Array.from(flat.subarray(r * k, r * k + k)))

  const pairs: TokenPair[] = []
  let p = 0
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++, p++) {
      const flat = new Float64Array(k * k)
      for (const t of tallies) {
        const m = t.pairs[p]
        if (m) addInto(flat, t, m)
      }
      const counts = rows(flat)
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
  for (const t of tallies) {
    addInto(o, t, t.coincidence)
    units += t.units
  }
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
      coders: annotators.filter((_, i) => tallies.some((t) => t.present[i])),
    },
  }
}
