/**
 * The agreement report: one call turns a project's documents and annotators' layers into every
 * figure the UI, the JSON/CSV export and `marginalia agreement --json` show, per document and for
 * the whole project. Project figures pool units across documents (tokens for kappa and alpha,
 * span counts and matched pairs for P/R/F1 and attribute/link agreement), which is not the mean
 * of the documents' figures. The report is plain JSON: undefined figures are null (see figure.ts),
 * and nothing in it depends on the time or the machine it was computed on.
 */
import type { LabelSchema } from '../model/labels'
import { compareCategories } from './cohen-kappa'
import type { Figure } from './figure'
import type { AgreementLayer } from './layer'
import {
  compareLayers,
  summarizeComparison,
  sumComparisons,
  type AttributeAgreement,
  type LayerComparison,
  type LinkAgreement,
  type SpanScores,
} from './span-agreement'
import { ALL_LABELS, summarizeTokenTallies, tallyTokens, type TokenAgreement } from './token-agreement'
import { TOKENIZATION, tokenize } from './tokens'

export type { AttributeAgreement, LinkAgreement, SpanScores } from './span-agreement'
export type { TokenAgreement, TokenAlpha, TokenLabelAgreement, TokenPair } from './token-agreement'
export type { ConfusionMatrix } from './cohen-kappa'
export type { Figure } from './figure'

export const AGREEMENT_FORMAT = 'marginalia-agreement'
export const AGREEMENT_VERSION = 1

/** One document with each annotator's layer; a missing key or undefined means no layer (never opened). */
export interface AgreementDocumentInput {
  id: string
  title: string
  /** The stored text the annotations' code point offsets refer to. */
  text: string
  layers: Readonly<Record<string, AgreementLayer | undefined>>
}

/** What the report is computed from. */
export interface AgreementInput {
  labels: LabelSchema
  documents: readonly AgreementDocumentInput[]
  /** Whose layers to compare, in this order; default: everyone with a layer somewhere, sorted by name. */
  annotators?: readonly string[]
}

/** How much one annotator marked in a scope. */
export interface AnnotatorCounts {
  annotator: string
  /** Documents this annotator has a layer for. */
  layers: number
  /** Annotations with a label of the schema. */
  annotations: number
  byLabel: Record<string, number>
}

/** Span-level agreement of one pair of annotators in a scope (a as reference, b as prediction). */
export interface SpanPairAgreement {
  a: string
  b: string
  /** Documents both have a layer for: the ones compared. */
  documents: number
  /** Per label in schema order, then "all" (micro). */
  exact: SpanScores[]
  overlap: SpanScores[]
  /** Choice attributes (e.g. stance polarity) on overlap-matched pairs. */
  attributes: AttributeAgreement[]
  /** Attribution links on overlap-matched pairs, per linkable label, then "all". */
  links: LinkAgreement[]
}

/** All figures for one scope: the project, or one document. */
export interface ScopeAgreement {
  /** "project", or the document id. */
  scope: string
  documents: number
  annotators: AnnotatorCounts[]
  /** Token-level kappa per pair and alpha, overall and per label. */
  tokens: TokenAgreement
  /** One entry per pair of annotators, in the order of the report's annotators. */
  spans: SpanPairAgreement[]
}

/** A document's figures, with who has no layer for it. */
export interface DocumentAgreement extends ScopeAgreement {
  title: string
  /** Annotators without a layer for this document (missing data, not "nothing marked"). */
  missing: string[]
}

/** The whole report. */
export interface AgreementReport {
  format: typeof AGREEMENT_FORMAT
  version: typeof AGREEMENT_VERSION
  /** The tokenization rule the token units follow. */
  tokenization: string
  annotators: string[]
  /** Label ids in schema order. */
  labels: string[]
  project: ScopeAgreement
  documents: DocumentAgreement[]
}

/** Every agreement figure for a project, per document and pooled. */
export function agreementReport(input: AgreementInput): AgreementReport {
  const { labels, documents } = input
  const labelIds = labels.map((l) => l.id)
  const annotators = input.annotators
    ? [...input.annotators]
    : [...new Set(documents.flatMap((d) => Object.keys(d.layers).filter((k) => d.layers[k] !== undefined)))].sort(compareCategories)

  const perDocument = documents.map((d) => {
    // Own keys only: an annotator may be called "constructor".
    const layers = annotators.map((a) => (Object.hasOwn(d.layers, a) ? d.layers[a] : undefined))
    const tally = tallyTokens({ tokens: tokenize(d.text), layers }, annotators.length, labelIds)
    const comparisons = pairsOf(annotators).map(([i, j]) => {
      const a = layers[i]
      const b = layers[j]
      return a && b ? compareLayers(labels, a, b) : undefined
    })
    return { input: d, layers, tally, comparisons }
  })

  const scope = (name: string, docs: typeof perDocument): ScopeAgreement => ({
    scope: name,
    documents: docs.length,
    annotators: annotators.map((annotator, i) => {
      const byLabel = Object.fromEntries(labelIds.map((l) => [l, 0]))
      let layerCount = 0
      for (const d of docs) {
        const layer = d.layers[i]
        if (!layer) continue
        layerCount++
        for (const a of layer.annotations) if (Object.hasOwn(byLabel, a.label)) byLabel[a.label]!++
      }
      return { annotator, layers: layerCount, annotations: Object.values(byLabel).reduce((s, x) => s + x, 0), byLabel }
    }),
    tokens: summarizeTokenTallies(
      docs.map((d) => d.tally),
      annotators,
      labelIds,
    ),
    spans: pairsOf(annotators).map(([i, j], p) => {
      const compared = docs.map((d) => d.comparisons[p]).filter((c): c is LayerComparison => c !== undefined)
      return { a: annotators[i]!, b: annotators[j]!, documents: compared.length, ...summarizeComparison(sumComparisons(labels, compared)) }
    }),
  })

  return {
    format: AGREEMENT_FORMAT,
    version: AGREEMENT_VERSION,
    tokenization: TOKENIZATION,
    annotators,
    labels: labelIds,
    project: scope('project', perDocument),
    documents: perDocument.map((d) => ({
      ...scope(d.input.id, [d]),
      title: d.input.title,
      missing: annotators.filter((_, i) => !d.layers[i]),
    })),
  }
}

/** Index pairs (i, j), i < j, in order. */
function pairsOf(annotators: readonly string[]): [number, number][] {
  const pairs: [number, number][] = []
  for (let i = 0; i < annotators.length; i++) for (let j = i + 1; j < annotators.length; j++) pairs.push([i, j])
  return pairs
}

/** The columns of the long agreement table, in order. */
export const AGREEMENT_CSV_COLUMNS = ['scope', 'label', 'metric', 'annotator_a', 'annotator_b', 'value', 'n'] as const

/** One figure: in a scope, for a label (or "all"), of a metric, for one annotator, a pair, or everyone (""). */
export interface AgreementCsvRow {
  scope: string
  label: string
  metric: string
  annotator_a: string
  annotator_b: string
  /** null where undefined: write an empty cell. */
  value: Figure
  /** The units the figure is computed over (see README: tokens, spans, matched pairs, layers). */
  n: number
}

/** The report as a tidy long table, one figure per row, project first, then each document. */
export function reportToCsvRows(report: AgreementReport): AgreementCsvRow[] {
  const rows: AgreementCsvRow[] = []
  for (const s of [report.project, ...report.documents]) {
    const add = (label: string, metric: string, a: string, b: string, value: Figure, n: number) =>
      rows.push({ scope: s.scope, label, metric, annotator_a: a, annotator_b: b, value, n })
    for (const c of s.annotators) {
      for (const [label, count] of Object.entries(c.byLabel)) add(label, 'annotations', c.annotator, '', count, c.layers)
      add(ALL_LABELS, 'annotations', c.annotator, '', c.annotations, c.layers)
    }
    for (const v of [s.tokens.overall, ...s.tokens.byLabel]) {
      add(v.label, 'token_alpha', '', '', v.alpha.alpha, v.alpha.units)
      for (const p of v.pairs) {
        add(v.label, 'token_kappa', p.a, p.b, p.kappa, p.n)
        add(v.label, 'token_observed_agreement', p.a, p.b, p.observed, p.n)
        add(v.label, 'token_expected_agreement', p.a, p.b, p.expected, p.n)
      }
    }
    for (const p of s.spans) {
      for (const mode of ['exact', 'overlap'] as const) {
        for (const r of p[mode]) {
          add(r.label, `span_${mode}_precision`, p.a, p.b, r.precision, r.tp + r.fp)
          add(r.label, `span_${mode}_recall`, p.a, p.b, r.recall, r.tp + r.fn)
          add(r.label, `span_${mode}_f1`, p.a, p.b, r.f1, 2 * r.tp + r.fp + r.fn)
          add(r.label, `span_${mode}_tp`, p.a, p.b, r.tp, 2 * r.tp + r.fp + r.fn)
          add(r.label, `span_${mode}_fp`, p.a, p.b, r.fp, 2 * r.tp + r.fp + r.fn)
          add(r.label, `span_${mode}_fn`, p.a, p.b, r.fn, 2 * r.tp + r.fp + r.fn)
        }
      }
      for (const x of p.attributes) {
        add(x.label, `${x.attribute}_agreement`, p.a, p.b, x.agreement, x.n)
        add(x.label, `${x.attribute}_kappa`, p.a, p.b, x.kappa, x.n)
      }
      for (const l of p.links) add(l.label, 'link_agreement', p.a, p.b, l.agreement, l.pairs)
    }
  }
  return rows
}
