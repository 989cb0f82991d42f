/**
 * The Analysis view's state, pure: what the user chose (layer, date range, documents, labels,
 * source kinds, duplicates, the network and the time unit), what they clicked (a matrix cell, a
 * node, the unlinked stances), and how those become the contract's filter and narrowing. Also the
 * document filter the document list and the analysis share, and the colours of a matrix cell.
 */
import type { DocumentSummary } from '../../../../shared/api'
import type { AnalysisFilter, AnalysisView, Narrow, NetworkChoice, OverTimeChoice } from '../../../../shared/discourse/analysis-view'
import type { Polarity, StanceCounts } from '../../../../shared/discourse/statements'
import { findLabel, type LabelSchema } from '../../../../shared/model/labels'
import { foldForMatching } from '../../../../shared/search/folded-text'

/** The reviewed layer's name. */
export const REVIEWED_LAYER = '_reviewed'

/** The tabs of the Analysis view. */
export type AnalysisTab = 'matrix' | 'network' | 'time' | 'statements'

/** What the user chose in the filter bar. */
export interface AnalysisChoice {
  /** 'default' (the reviewed layer once a review has settled something, else every annotator), 'all' (every annotator), or one layer's name. */
  layer: string
  /** yyyy-mm-dd or ''. */
  from: string
  to: string
  /** Documents whose title or properties hold this text ('' for all). */
  documents: string
  /** Label ids to keep, or null for all. */
  labels: string[] | null
  /** Source kinds to keep ('' for sources with no kind), or null for all. */
  kinds: string[] | null
  /** Count a stance repeated in one document once. */
  oncePerDocument: boolean
}

/** What was clicked: a matrix cell, an actor or a target, or the unlinked stances. */
export type AnalysisSelection =
  | { kind: 'cell'; actor: string; target: string; actorLabel: string; targetLabel: string }
  | { kind: 'actor'; key: string; label: string }
  | { kind: 'target'; key: string; label: string }
  | { kind: 'unlinked' }

/** Nothing chosen: every statement of the default layer. */
export const noChoice: AnalysisChoice = {
  layer: 'default',
  from: '',
  to: '',
  documents: '',
  labels: null,
  kinds: null,
  oncePerDocument: false,
}

/** The network and time unit shown first. */
export const firstNetwork: NetworkChoice = { mode: 'actor-target', normalization: 'none', isolates: false }
export const firstOverTime: OverTimeChoice = { by: 'actor', unit: 'month' }

/** Whether a document's title or one of its properties (name or value) holds the text, in any case. */
export function documentMatches(doc: Pick<DocumentSummary, 'title' | 'properties'>, query: string): boolean {
  // Folded as Find and the list filters fold: "cafe" finds "Café", "unicode" finds "Ünïcödé".
  const q = foldForMatching(query.trim())
  if (q === '') return true
  if (foldForMatching(doc.title).includes(q)) return true
  return Object.entries(doc.properties).some(([k, v]) => foldForMatching(`${k}: ${v}`).includes(q))
}

/** The contract's filter for a choice: the document text resolved to ids, the layer to names. */
export function filterOf(
  choice: AnalysisChoice,
  documents: readonly Pick<DocumentSummary, 'id' | 'title' | 'properties'>[],
  layers: readonly string[],
): AnalysisFilter {
  const annotators = layers.filter((l) => l !== REVIEWED_LAYER)
  return {
    layers: choice.layer === 'default' ? null : choice.layer === 'all' ? (annotators.length > 0 ? annotators : null) : [choice.layer],
    documents: choice.documents.trim() === '' ? null : documents.filter((d) => documentMatches(d, choice.documents)).map((d) => d.id),
    from: choice.from === '' ? null : choice.from,
    to: choice.to === '' ? null : choice.to,
    labels: choice.labels,
    sourceKinds: choice.kinds,
    duplicates: choice.oncePerDocument ? 'document' : 'include',
  }
}

/** The statements a selection stands for (null: all of them). */
export function narrowOf(selection: AnalysisSelection | null, search = ''): Narrow {
  const base = { stances: false, search }
  if (!selection) return base
  if (selection.kind === 'cell') return { ...base, actor: selection.actor, target: selection.target, stances: true }
  if (selection.kind === 'actor') return { ...base, actor: selection.key, stances: true }
  if (selection.kind === 'target') return { ...base, target: selection.key, stances: true }
  return { ...base, actor: null, stances: true }
}

/** "Kremlin on ceasefire", "Stances by Kremlin", … */
export function selectionTitle(selection: AnalysisSelection, source = 'source'): string {
  if (selection.kind === 'cell') return `${selection.actorLabel} on ${selection.targetLabel}`
  if (selection.kind === 'actor') return `Stances by ${selection.label}`
  if (selection.kind === 'target') return `Stances on ${selection.label}`
  return `Stances with no ${source}`
}

/** A layer's name as the user reads it. */
export function layerName(layer: string): string {
  return layer === REVIEWED_LAYER ? 'Reviewed layer' : layer
}

/** What the layer menu offers: the default, every annotator, each layer; each number is of statements. */
export function layerOptions(view: Pick<AnalysisView, 'layers' | 'reviewed'> | null): { value: string; label: string }[] {
  const layers = view?.layers ?? []
  const annotators = layers.filter((l) => l.name !== REVIEWED_LAYER)
  const all = annotators.reduce((n, l) => n + l.statements, 0)
  const reviewed = layers.find((l) => l.name === REVIEWED_LAYER)
  // The reviewed layer is listed once: as the default, with its statements, once it exists.
  return [
    {
      value: 'default',
      label: view?.reviewed ? `Reviewed layer (${reviewed?.statements ?? 0}, the default)` : 'All annotators (default)',
    },
    ...(view?.reviewed ? [{ value: 'all', label: `All annotators (${all})` }] : []),
    ...(view?.reviewed ? annotators : layers).map((l) => ({ value: l.name, label: `${layerName(l.name)} (${l.statements})` })),
  ]
}

/** The colours of polarities, as the matrix, the network and the chart draw them (the light scheme's). */
export const POLARITY_COLOURS = { favor: '#2e7d4f', against: '#b3362b', neutral: '#7a7f87', unset: '#c9c3b8' } as const

/** What the network and the chart draw with, per colour scheme: lighter marks on the dark surface. */
export const CHART_COLOURS = {
  light: {
    polarity: POLARITY_COLOURS,
    actor: '#2b5a87',
    target: '#d0508a',
    tie: '#8d8779',
    ink: '#1f2328',
    faded: '#6b7078',
    labelBack: 'rgb(255 255 255 / 0.8)',
    axis: '#c9c3b8',
  },
  dark: {
    polarity: { favor: '#5fb873', against: '#e8675b', neutral: '#9aa0a8', unset: '#6b675f' },
    actor: '#6fa3d6',
    target: '#e07aa8',
    tie: '#9a948a',
    ink: '#e7e4de',
    faded: '#9aa0a8',
    labelBack: 'rgb(28 31 35 / 0.8)',
    axis: '#5d5a54',
  },
} as const

/**
 * A cell's background: the colour of its leaning (favor − against over the polarised stances:
 * green for favor, red for against, grey for neutral or balanced), stronger the more stances it
 * holds relative to the fullest cell.
 */
export function cellColour(counts: StanceCounts, fullest: number): string {
  const polar = counts.favor + counts.against
  const lean = polar === 0 ? 0 : (counts.favor - counts.against) / polar
  const alpha = 0.12 + 0.55 * Math.min(1, Math.sqrt(counts.total / Math.max(1, fullest)))
  const rgb = lean > 0.2 ? '46 125 79' : lean < -0.2 ? '179 54 43' : '122 127 135'
  return `rgb(${rgb} / ${alpha.toFixed(3)})`
}

/** How the views name each polarity: "for", "against", "neutral" unless the tag set renamed the option. */
export type PolarityNames = Readonly<Record<Polarity, string>>

export const DEFAULT_POLARITY_NAMES: PolarityNames = { favor: 'for', against: 'against', neutral: 'neutral' }

/**
 * The polarities as the project's tag set names them: an option of the stance label's polarity
 * attribute (or of the first label that has one) renamed in Labels… shows by its name here too.
 */
export function polarityNames(labels: LabelSchema): PolarityNames {
  const holder = [findLabel(labels, 'stance'), ...labels].find((l) => l?.attributes.some((a) => a.id === 'polarity' && a.type === 'choice'))
  const def = holder?.attributes.find((a) => a.id === 'polarity')
  const named = (p: Polarity) => {
    const option = def?.type === 'choice' ? def.options.find((o) => o.value === p) : undefined
    // An option still named as its value reads as the views always said ("3 for").
    return option && option.name !== option.value ? option.name : DEFAULT_POLARITY_NAMES[p]
  }
  return { favor: named('favor'), against: named('against'), neutral: named('neutral') }
}

/** "3 for, 1 against, 2 neutral" (parts that are 0 left out; "1 with no polarity" when some have none). */
export function countsSentence(c: StanceCounts, names: PolarityNames = DEFAULT_POLARITY_NAMES): string {
  const parts = [
    c.favor && `${c.favor} ${names.favor}`,
    c.against && `${c.against} ${names.against}`,
    c.neutral && `${c.neutral} ${names.neutral}`,
    c.unset && `${c.unset} with no polarity`,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : 'none'
}

/**
 * "2 stances have a polarity other than for, against and neutral (mixed 2); Analysis counts them as
 * having none.": the stances whose polarity option is none of the three.
 */
export function otherPolaritiesSentence(
  others: readonly { value: string; stances: number }[],
  names: PolarityNames,
  name: (value: string) => string,
): string {
  const n = others.reduce((sum, o) => sum + o.stances, 0)
  const which = others.map((o) => `${name(o.value)} ${o.stances}`).join(', ')
  return `${n} stance${n === 1 ? ' has' : 's have'} a polarity other than ${names.favor}, ${names.against} and ${names.neutral} (${which}); Analysis counts ${n === 1 ? 'it' : 'them'} as having none.`
}
