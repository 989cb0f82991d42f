/**
 * Suggest in the Annotate view, as pure state: what the host proposed for the open document, which
 * of those are still open (a function of the layer: a suggestion goes when its label and offsets
 * are in the layer or it was rejected there, and comes back when an undo takes that away), and the
 * ops that accept or reject one — each one change, so one Ctrl+Z takes it back.
 */
import type { DocumentSuggestions, ProposedLink, ProposedSpan } from '../../../../shared/api'
import { suggestionKey, type Annotation, type AnnotationOp } from '../../../../shared/model/annotation'
import type { NameProposal } from '../../../../shared/suggest/types'
import type { LayerSnapshot } from './annotation-set'

/** The suggestions shown on the open document. */
export interface SuggestState {
  document: string
  loading: boolean
  /** Why nothing can be proposed (no Claim or Source label), or a failure: one sentence. */
  notice: string | null
  /** Everything proposed in this document since Suggest was first pressed, in text order. */
  spans: readonly ProposedSpan[]
  links: readonly ProposedLink[]
  names: readonly NameProposal[]
  /** The suggestion picked with a click or Tab (its id), or null. */
  current: string | null
  /** Canonical-name proposals the annotator dismissed (by name) since Suggest was pressed; the host leaves out the ones remembered from before. */
  dismissedNames: readonly string[]
  /**
   * Boundaries the annotator moved before accepting, by suggestion id (a draft of this session:
   * accepting puts the annotation there; the decision stays keyed by the proposed offsets).
   */
  edits: Readonly<Record<string, SpanEdit>>
}

/** A suggestion's boundaries as the annotator moved them, with the text they now cover. */
export interface SpanEdit {
  start: number
  end: number
  text: string
}

/** A suggestion as shown and as it would be accepted: at its edited boundaries, when it has some. */
export function shownSpan(state: Pick<SuggestState, 'edits'>, s: ProposedSpan): ProposedSpan {
  const edit = state.edits[s.id]
  return edit ? { ...s, start: edit.start, end: edit.end, text: edit.text } : s
}

/** The state with one suggestion's boundaries set (or reset, when they equal the proposed ones). */
export function editSpan(state: SuggestState, s: ProposedSpan, edit: SpanEdit): SuggestState {
  const edits = { ...state.edits }
  if (edit.start === s.start && edit.end === s.end) delete edits[s.id]
  else edits[s.id] = edit
  return { ...state, edits }
}

/** The host's answer merged into what was shown before (a suggestion taken back by undo stays known). */
export function mergeSuggestions(before: SuggestState | null, found: DocumentSuggestions): SuggestState {
  const same = before?.document === found.document ? before : null
  const spans = new Map((same?.spans ?? []).map((s) => [s.id, s]))
  for (const s of found.spans) spans.set(s.id, s)
  const links = new Map((same?.links ?? []).map((l) => [linkKey(l), l]))
  for (const l of found.links) links.set(linkKey(l), l)
  return {
    document: found.document,
    loading: false,
    notice: found.notice,
    spans: [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label)),
    links: [...links.values()],
    names: found.names,
    current: same?.current ?? null,
    dismissedNames: same?.dismissedNames ?? [],
    edits: same?.edits ?? {},
  }
}

function linkKey(l: ProposedLink): string {
  return `${l.from.start}-${l.from.end}>${l.to.start}-${l.to.end}`
}

const keyOf = (label: string, a: { start: number; end: number }) => suggestionKey({ label, start: a.start, end: a.end })

/**
 * The suggestions still open in this layer: not rejected, not already annotated with the same
 * label and offsets, and not accepted (perhaps with edited boundaries) as an annotation that is
 * still there. As proposed: `shownSpan` gives the boundaries to draw.
 */
export function openSuggestions(state: SuggestState, layer: LayerSnapshot): ProposedSpan[] {
  const taken = new Set(layer.order.map((a) => keyOf(a.label, a.target.position)))
  return state.spans.filter((s) => {
    const key = keyOf(s.label, s)
    const record = layer.suggestions.get(key)
    if (record?.decision === 'rejected') return false
    if (record?.decision === 'accepted' && record.annotation && layer.byId.has(record.annotation)) return false
    return !taken.has(key)
  })
}

/** The open suggestion after (dir 1) or before (dir -1) the current one, wrapping; the first when none is current. */
export function stepSuggestion(open: readonly ProposedSpan[], current: string | null, dir: 1 | -1): ProposedSpan | null {
  if (open.length === 0) return null
  const i = open.findIndex((s) => s.id === current)
  if (i < 0) return dir === 1 ? open[0]! : open[open.length - 1]!
  return open[(i + dir + open.length) % open.length]!
}

/**
 * The ops that accept these suggestions into the layer as one change: each annotation (with its
 * kind and canonical name when proposed), its provenance record, and the attribution links the
 * engine proposed whose other end is in the layer or accepted in the same change, when the claim
 * has no source yet. `newId` names the annotations.
 */
export function acceptOps(
  state: SuggestState,
  accepted: readonly ProposedSpan[],
  layer: LayerSnapshot,
  newId: () => string,
): AnnotationOp[] {
  const ops: AnnotationOp[] = []
  // The annotation at each proposed place: the same label and offsets, or accepted from there with
  // its boundaries edited.
  const at = new Map<string, string>()
  for (const a of layer.order) at.set(keyOf(a.label, a.target.position), a.id)
  for (const [key, r] of layer.suggestions)
    if (r.decision === 'accepted' && r.annotation && layer.byId.has(r.annotation)) at.set(key, r.annotation)
  const fresh = new Set<string>()
  for (const s of accepted) {
    const id = newId()
    const place = shownSpan(state, s)
    at.set(keyOf(s.label, s), id)
    fresh.add(id)
    ops.push({
      op: 'put',
      annotation: { id, label: s.label, start: place.start, end: place.end, attributes: { ...s.attributes }, note: '' },
    })
    ops.push({
      op: 'decide',
      suggestion: {
        label: s.label,
        start: s.start,
        end: s.end,
        decision: 'accepted',
        annotation: id,
        pattern: s.pattern,
        confidence: s.confidence,
      },
    })
  }
  const attributed = new Set(layer.attribution.keys())
  for (const l of state.links) {
    // Suggestions use the labels with ids claim and source (shared/suggest/for-layer.ts).
    const from = at.get(keyOf('claim', l.from))
    const to = at.get(keyOf('source', l.to))
    if (!from || !to || (!fresh.has(from) && !fresh.has(to)) || attributed.has(from)) continue
    attributed.add(from)
    ops.push({ op: 'link', link: { id: newId(), from, to } })
  }
  return ops
}

/** The op that rejects a suggestion (remembered in the annotator's store). */
export function rejectOp(s: ProposedSpan): AnnotationOp {
  return { op: 'decide', suggestion: { label: s.label, start: s.start, end: s.end, decision: 'rejected' } }
}

/** A proposal's mentions tagged as sources in the layer. */
function taggedMentions(proposal: NameProposal, layer: LayerSnapshot): Annotation[] {
  const spans = new Set(proposal.mentions.map((m) => `${m.start}-${m.end}`))
  return layer.order.filter((a) => a.label === 'source' && spans.has(`${a.target.position.start}-${a.target.position.end}`))
}

/** The sources a canonical-name proposal would name: its mentions in the layer that lack that name. */
export function unnamedMentions(proposal: NameProposal, layer: LayerSnapshot): Annotation[] {
  return taggedMentions(proposal, layer).filter((a) => (a.attributes.name ?? '') !== proposal.name)
}

/**
 * Why a proposal has no source to name (unnamedMentions is empty): its mentions are still open
 * suggestions ('suggested'), every one tagged has the name already ('named'), or none is tagged
 * and none suggested ('untagged').
 */
export function nothingToName(
  proposal: NameProposal,
  layer: LayerSnapshot,
  open: readonly ProposedSpan[],
): 'suggested' | 'named' | 'untagged' {
  const spans = new Set(proposal.mentions.map((m) => `${m.start}-${m.end}`))
  if (open.some((o) => o.label === 'source' && spans.has(`${o.start}-${o.end}`))) return 'suggested'
  return taggedMentions(proposal, layer).length > 0 ? 'named' : 'untagged'
}
