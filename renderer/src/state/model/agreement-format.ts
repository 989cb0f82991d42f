/**
 * How agreement figures read on screen: two decimals, "—" for an undefined figure (null in the
 * report, never 0) with the reason in a sentence, and the shade of a confusion-matrix cell. Pure,
 * so the wording of "why is this empty" is tested.
 */
import type { AttributeAgreement, Figure, SpanPairAgreement, SpanScores, TokenAlpha, TokenPair } from '../../../../shared/agreement/report'
import { UNSET } from '../../../../shared/agreement/span-agreement'
import { READABLE, contrastRatio, over, parseHex, toHex } from '../../../../shared/contrast'
import { paletteOf, type Scheme } from './theme'

export { formatFigure } from '../../../../shared/agreement/figure'

/**
 * The pair the Agreement view shows first: the one with the most documents in common, then the
 * most spans between them, so a newcomer's nearly empty layer does not open the view.
 */
export function busiestPair(pairs: readonly Pick<SpanPairAgreement, 'documents' | 'exact'>[]): number {
  let best = 0
  let bestScore = [-1, -1]
  pairs.forEach((p, i) => {
    const all = p.exact.find((s) => s.label === 'all')
    const score = [p.documents, all ? 2 * all.tp + all.fp + all.fn : 0]
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = i
      bestScore = score
    }
  })
  return best
}

/** A share as a percentage: "96%", or "—". */
export function formatShare(value: Figure): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`
}

/** Why a pair's kappa is undefined (null when it is defined). */
/**
 * The heading of an alpha column beside a pair's figures: alpha is over every compared annotator,
 * so with more than two it says so ("Krippendorff’s α (all 3)"), not to be read as the pair's.
 */
export function alphaHeading(annotators: number): string {
  return annotators > 2 ? `Krippendorff’s α (all ${annotators})` : 'Krippendorff’s α'
}

export function whyKappaMissing(pair: Pick<TokenPair, 'kappa' | 'n' | 'observed'>): string | null {
  if (pair.kappa !== null) return null
  if (pair.n === 0) return 'Nothing to compare: no document both annotators have a layer for.'
  return `Only one category in use (${formatShare(pair.observed)} raw agreement): kappa is undefined.`
}

/** Why alpha is undefined (null when it is defined). */
export function whyAlphaMissing(alpha: Pick<TokenAlpha, 'alpha' | 'units'>): string | null {
  if (alpha.alpha !== null) return null
  if (alpha.units === 0) return 'Nothing to compare: no token has values from two annotators.'
  return 'Everyone used one and the same category: alpha is undefined.'
}

/** Why precision, recall or F1 is undefined (null when defined); a is the reference, b the other. */
export function whyScoreMissing(s: SpanScores, metric: 'precision' | 'recall' | 'f1', a: string, b: string): string | null {
  if (s[metric] !== null) return null
  if (metric === 'precision') return `${b} marked no ${s.label === 'all' ? 'span' : s.label}: precision is undefined.`
  if (metric === 'recall') return `${a} marked no ${s.label === 'all' ? 'span' : s.label}: recall is undefined.`
  return `Neither marked any ${s.label === 'all' ? 'span' : s.label}: F1 is undefined.`
}

/** Why an agreement share over matched pairs is undefined. */
export function whyPairsMissing(n: number): string | null {
  return n === 0 ? 'Nothing to compare: no matched pair of annotations.' : null
}

/**
 * Whether neither annotator set an attribute on any matched pair: every pair compares "(unset)"
 * with "(unset)", which counts as equal, so the share reads 100% though nobody used it.
 */
export function neitherSet(x: Pick<AttributeAgreement, 'n' | 'confusion'>): boolean {
  return x.n > 0 && x.confusion.categories.length === 1 && x.confusion.categories[0] === UNSET
}

/** Why an attribute's share equal is not shown (null: it is). */
export function whyAttributeShareMissing(x: Pick<AttributeAgreement, 'n' | 'confusion'>): string | null {
  return whyPairsMissing(x.n) ?? (neitherSet(x) ? `Neither annotator set it on any of the ${x.n} matched pairs.` : null)
}

/** Why an attribute's kappa is undefined (null when defined). */
export function whyAttributeKappaMissing(x: Pick<AttributeAgreement, 'n' | 'confusion' | 'kappa' | 'agreement'>): string | null {
  return whyAttributeShareMissing(x) ?? whyKappaMissing({ kappa: x.kappa, n: x.n, observed: x.agreement })
}

/** The line under an attribute's kappa: its share equal and how many pairs, or that nobody set it. */
export function attributeDetail(x: Pick<AttributeAgreement, 'n' | 'confusion' | 'agreement'>): string {
  return neitherSet(x) ? `not set · n ${x.n}` : `${formatShare(x.agreement)} equal · n ${x.n}`
}

/** The shade (0–1) of a confusion cell: its share of its row, so a large "(none)" row does not wash out the rest. */
export function cellShade(count: number, rowTotal: number): number {
  return rowTotal === 0 ? 0 : count / rowTotal
}

/** The heatmap's colours: green where both chose the same, red where they differ, each scheme's own. */
const HEAT = { same: { light: '#2e6b3a', dark: '#5fb873' }, different: { light: '#a3261b', dark: '#e8675b' } }

/**
 * A confusion cell's background for its shade (more opaque the larger its share of the row, laid
 * over the page), and a text colour that reads on it at 4.5:1: the page's ink when it does, else
 * black or white, whichever stands out more (one of them always reaches 4.5:1).
 */
export function heatCell(shade: number, same: boolean, scheme: Scheme): { background: string; color: string } {
  const { surface, ink } = paletteOf(scheme)
  const base = parseHex(HEAT[same ? 'same' : 'different'][scheme])
  const background = over(base, 0.06 + shade * 0.84, surface)
  const black = parseHex('#000000')
  const white = parseHex('#ffffff')
  const color =
    contrastRatio(ink, background) >= READABLE ? ink : contrastRatio(black, background) >= contrastRatio(white, background) ? black : white
  return { background: toHex(background), color: toHex(color) }
}

/** Every pair of annotators, in report order (i < j). */
export function pairKey(a: string, b: string): string {
  return `${a} × ${b}`
}

/**
 * A token category of the confusion matrix as the tag set names it now: a label's name, or the
 * labels of overlapping spans joined by "+" ("claim+source" → "Assertion+Speaker"); "(none)" as is.
 */
export function tokenCategoryName(category: string, names: ReadonlyMap<string, string>): string {
  return category
    .split('+')
    .map((id) => names.get(id) ?? id)
    .join('+')
}
