/**
 * The engine's suggestions as one annotator sees them in one document: mapped onto the project's
 * labels (the labels with ids `claim` and `source`, when present and not retired), a source's kind
 * and canonical name kept only where the tag set has that attribute (and, for a choice, that
 * option), and without what the annotator rejected or already has in their layer (the same label
 * and offsets, or accepted from that suggestion with edited boundaries). Pure: the host computes it; the UI draws it.
 */
import { suggestionKey, type Annotation, type SuggestionRecord } from '../model/annotation'
import { findLabel, valueProblem, type LabelDef, type LabelSchema } from '../model/labels'
import type { NameProposal, Suggestions } from './types'

/** One proposed annotation, in the project's labels. */
export interface ProposedSpan {
  /** The engine's id: label and offsets ("source-120-138"). */
  id: string
  /** The project's label id (`claim` or `source`). */
  label: string
  start: number
  end: number
  text: string
  confidence: number
  /** The cue pattern (docs/suggestions.md) and the cue words. */
  pattern: string
  cue: string
  /** Attribute values the project's label can hold (a source's kind and canonical name, when known). */
  attributes: Record<string, string>
  /** A claim whose speaker is a pronoun: proposed without a source. */
  speakerIsPronoun?: boolean
}

/** A proposed attribution: the claim at `from` is attributed to the source at `to` (each proposed, or already in the layer). */
export interface ProposedLink {
  from: { start: number; end: number }
  to: { start: number; end: number }
  confidence: number
}

/** What Suggest proposes for one annotator in one document. */
export interface DocumentSuggestions {
  document: string
  /** Set when nothing can be proposed in this project (no Claim or Source label): one sentence. */
  notice: string | null
  /** In text order. */
  spans: ProposedSpan[]
  links: ProposedLink[]
  /** Canonical-name proposals with more than one mention, for the annotator to confirm. */
  names: NameProposal[]
  /** How many suggestions were left out: rejected before, or already in the layer. */
  left: { rejected: number; existing: number }
}

/** The project's label for the engine's `claim` or `source`: the label with that id, unless retired. */
export function suggestLabel(labels: LabelSchema, label: 'claim' | 'source'): LabelDef | null {
  const found = findLabel(labels, label)
  return found && !found.retired ? found : null
}

/** The sentence Suggest says when the project has neither label. */
export const NO_SUGGEST_LABELS =
  'This project has no Claim or Source label, so there is nothing to suggest (Project → Labels… can add them).'

/** The engine's suggestions for one layer (see the module comment). */
export function suggestionsForLayer(
  document: string,
  found: Suggestions,
  labels: LabelSchema,
  layer: { annotations: readonly Annotation[]; suggestions: readonly SuggestionRecord[] },
): DocumentSuggestions {
  const claim = suggestLabel(labels, 'claim')
  const source = suggestLabel(labels, 'source')
  if (!claim && !source) return { document, notice: NO_SUGGEST_LABELS, spans: [], links: [], names: [], left: { rejected: 0, existing: 0 } }
  const rejected = new Set(layer.suggestions.filter((r) => r.decision === 'rejected').map(suggestionKey))
  const existing = new Set(layer.annotations.map((a) => suggestionKey({ label: a.label, ...a.target.position })))
  // Accepted with its boundaries edited: the annotation sits elsewhere, but the suggestion is taken.
  const ids = new Set(layer.annotations.map((a) => a.id))
  for (const r of layer.suggestions) if (r.decision === 'accepted' && r.annotation && ids.has(r.annotation)) existing.add(suggestionKey(r))
  const left = { rejected: 0, existing: 0 }
  const spans: ProposedSpan[] = []
  const kept = new Set<string>()
  for (const s of found.spans) {
    const def = s.label === 'claim' ? claim : source
    if (!def) continue
    const key = suggestionKey({ label: def.id, start: s.start, end: s.end })
    if (rejected.has(key)) {
      left.rejected++
      continue
    }
    if (existing.has(key)) {
      left.existing++
      kept.add(s.id)
      continue
    }
    kept.add(s.id)
    const attributes: Record<string, string> = {}
    for (const [id, value] of Object.entries(s.attributes)) {
      const attr = def.attributes.find((a) => a.id === id)
      if (!attr || attr.retired || !value || valueProblem(attr, value)) continue
      if (attr.type === 'choice' && attr.options.find((o) => o.value === value)?.retired) continue
      attributes[id] = value
    }
    spans.push({
      id: s.id,
      label: def.id,
      start: s.start,
      end: s.end,
      text: s.text,
      confidence: s.confidence,
      pattern: s.cue.pattern,
      cue: s.cue.text,
      attributes,
      ...(s.speakerIsPronoun ? { speakerIsPronoun: true } : {}),
    })
  }
  const byId = new Map(found.spans.map((s) => [s.id, s]))
  const linked = claim && source && claim.attributedTo === source.id
  const links: ProposedLink[] = linked
    ? found.links
        .filter((l) => kept.has(l.from) && kept.has(l.to))
        .map((l) => {
          const from = byId.get(l.from)!
          const to = byId.get(l.to)!
          return { from: { start: from.start, end: from.end }, to: { start: to.start, end: to.end }, confidence: l.confidence }
        })
    : []
  const names = source ? found.names.filter((n) => n.mentions.length > 1) : []
  return { document, notice: null, spans, links, names, left }
}
