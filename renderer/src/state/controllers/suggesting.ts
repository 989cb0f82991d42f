/**
 * Suggest in the Annotate view: asks the host what the suggestion engine proposes for the open
 * document, outlines the open suggestions in the text, and accepts (Enter) or rejects (Backspace)
 * them through Annotating, so each decision is one change that one Ctrl+Z takes back and that is
 * saved like any other. The picked one's boundaries can be moved before accepting it (a draft kept
 * in the suggestions' state until Enter). Which suggestions are open follows from the layer (model/suggestions.ts),
 * so undo and redo bring them back and take them away without anything else to keep in step.
 */
import type { Client } from '../../../../shared/api'
import { findLabel } from '../../../../shared/model/labels'
import { messageOf } from '../model/errors'
import { newId } from '../model/ids'
import type { SessionState } from '../model/session-state'
import type { Store } from '../model/store'
import {
  acceptOps,
  editSpan,
  mergeSuggestions,
  openSuggestions,
  rejectOp,
  shownSpan,
  stepSuggestion,
  nothingToName,
  unnamedMentions,
  type SuggestState,
} from '../model/suggestions'
import { EMPTY_SPAN, nudge, nudgeCharacter, placeBoundary } from '../model/word-nudge'
import type { Annotating } from './annotating'
import type { AnnotationOp } from '../../../../shared/model/annotation'
import { draftOf } from '../../../../shared/annotations/stored-form'
import type { ProposedSpan } from '../../../../shared/api'
import { plural } from '../../../../shared/plural'

/** The suggestions of the open document. */
export class Suggesting {
  private drawnFor: unknown = null

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    private readonly work: Annotating,
  ) {
    // The layer changed (an accept, a reject, an undo, a colleague's change): redraw the outlines.
    store.subscribe(() => this.redraw())
  }

  private get state(): SuggestState | null {
    const s = this.store.get().suggest
    return s && s.document === this.store.get().doc?.id ? s : null
  }

  private hint(text: string | null, tone: 'info' | 'error' = 'info'): void {
    this.store.set({ hint: text === null ? null : { text, tone } })
  }

  /** The suggestions still open, in text order. */
  open(): ProposedSpan[] {
    const s = this.state
    const layer = this.store.get().layer
    return s && layer ? openSuggestions(s, layer) : []
  }

  /** Suggest: ask the host for the open document's suggestions and outline them. */
  async run(): Promise<void> {
    const doc = this.store.get().doc
    if (!doc) return
    if (doc.readOnly) return this.hint(doc.readOnly, 'error')
    const before = this.store.get().suggest
    this.store.set({ suggest: { ...(before?.document === doc.id ? before : emptyState(doc.id)), loading: true } })
    try {
      const found = await this.client.call('suggestions.document', { document: doc.id })
      if (this.store.get().doc?.id !== doc.id) return
      const next = mergeSuggestions(this.store.get().suggest, found)
      this.store.set({ suggest: next })
      if (found.notice) return this.hint(found.notice)
      const open = this.open()
      const first = open.find((s) => s.id === next.current) ?? open[0] ?? null
      this.select(first?.id ?? null)
      // The keys (Enter, Backspace, Tab) work from the text.
      if (first) this.work.surface?.focus()
      const left = found.left.rejected + found.left.existing
      this.hint(
        open.length === 0
          ? `Nothing new to suggest here${left ? ` (${left} left out: already yours or rejected)` : ''}.`
          : `${plural(open.length, 'suggestion')}: Enter accepts, Backspace rejects, Tab moves to the next.`,
      )
    } catch (e) {
      this.store.set({ suggest: { ...(this.store.get().suggest ?? emptyState(doc.id)), loading: false } })
      this.hint(messageOf(e), 'error')
    }
  }

  /** Take the outlines away (the decisions stay). */
  close(): void {
    // A passing remark about the suggestions ("Nothing new to suggest here…") goes with them.
    this.store.set({ suggest: null, ...(this.store.get().hint?.tone === 'info' ? { hint: null } : {}) })
    this.work.surface?.showSuggestions([], null)
    this.drawnFor = null
  }

  /** Pick a suggestion (null: none): outlined strongly and scrolled to. */
  select(id: string | null, reveal = true): void {
    const s = this.state
    if (!s) return
    if (id !== null && this.store.get().selectedId !== null) {
      this.store.set({ selectedId: null })
      this.work.surface?.showSelected(null)
    }
    this.store.set({ suggest: { ...s, current: id } })
    this.redraw(true)
    const span = id === null ? undefined : s.spans.find((x) => x.id === id)
    if (span && reveal) this.work.surface?.revealRange(shownSpan(s, span))
  }

  /** The picked suggestion, at its boundaries as edited (null: none picked, or it is no longer open). */
  current(): ProposedSpan | null {
    const s = this.state
    const span = s?.current ? this.open().find((x) => x.id === s.current) : undefined
    return s && span ? shownSpan(s, span) : null
  }

  /**
   * Alt(+Shift)(+Ctrl)+arrows on a picked suggestion: move its start (or end) by a word or a
   * character before accepting it, as the same keys do on an annotation. A draft: nothing is
   * saved until Enter accepts it there.
   */
  moveBoundary(boundary: 'start' | 'end', dir: 1 | -1, byCharacter = false): void {
    const span = this.current()
    const index = this.work.index
    if (!span || !index) return
    const next = byCharacter ? nudgeCharacter(index, span, boundary, dir) : nudge(index, span, boundary, dir)
    this.setSpan(next)
  }

  /** Put one end of the picked suggestion where a drag left it (snapped to words when that is on). */
  setBoundary(boundary: 'start' | 'end', offset: number): void {
    const span = this.current()
    const index = this.work.index
    if (!span || !index) return
    const next = placeBoundary(index, span, boundary, offset, this.store.get().info?.preferences.snapToWords ?? true)
    if (!next) return this.hint(EMPTY_SPAN)
    this.setSpan(next)
  }

  /** Put the picked suggestion back at the boundaries it was proposed with. */
  resetBoundaries(): void {
    const s = this.state
    const span = s?.spans.find((x) => x.id === s.current)
    if (s && span) this.setSpan({ start: span.start, end: span.end })
  }

  private setSpan(next: { start: number; end: number }): void {
    const s = this.state
    const proposed = s?.spans.find((x) => x.id === s.current)
    const index = this.work.index
    if (!s || !proposed || !index) return
    this.store.set({ suggest: editSpan(s, proposed, { ...next, text: index.slice(next.start, next.end) }) })
    this.redraw(true)
    this.work.surface?.revealRange(next)
  }

  /** Tab / Shift+Tab: the next or previous open suggestion. */
  step(dir: 1 | -1): void {
    const next = stepSuggestion(this.open(), this.state?.current ?? null, dir)
    if (next) this.select(next.id)
    else this.hint('No suggestions are open here; press Suggest to look again.')
  }

  /** Enter: accept the current suggestion into your layer (with its link and a source's kind and name). */
  accept(id = this.state?.current ?? null): void {
    const s = this.state
    const layer = this.store.get().layer
    const open = this.open()
    const span = open.find((x) => x.id === id)
    if (!s || !layer || !span) return
    const after = stepSuggestion(open, span.id, 1)
    const edited = span.id in s.edits
    if (this.work.change(acceptOps(s, [span], layer, newId))) {
      this.moveOn(after?.id === span.id ? null : (after?.id ?? null))
      this.hint(`Accepted as ${this.labelName(span.label)}${edited ? ' with the boundaries you set' : ''}. Ctrl+Z takes it back.`)
    }
  }

  /** Backspace / Delete: reject the current suggestion; it is not proposed to you again in this document. */
  reject(id = this.state?.current ?? null): void {
    const open = this.open()
    const span = open.find((x) => x.id === id)
    if (!span) return
    const after = stepSuggestion(open, span.id, 1)
    if (this.work.change([rejectOp(span)])) {
      this.moveOn(after?.id === span.id ? null : (after?.id ?? null))
      this.hint('Rejected: it will not be suggested again. Ctrl+Z takes it back.')
    }
  }

  /** Accept every open suggestion of one label in this document, as one change. */
  acceptAll(label: string): void {
    const s = this.state
    const layer = this.store.get().layer
    const spans = this.open().filter((x) => x.label === label)
    if (!s || !layer || spans.length === 0) return
    if (this.work.change(acceptOps(s, spans, layer, newId))) {
      this.moveOn(this.open()[0]?.id ?? null)
      this.hint(
        // "8 suggestions as Claim": the label's name is the user's, never made plural by an added s.
        `Accepted ${plural(spans.length, 'suggestion')} as ${this.labelName(label)}. Ctrl+Z takes ${spans.length === 1 ? 'it' : 'them'} back.`,
      )
    }
  }

  /** Confirm a canonical-name proposal: its sources in your layer get that name (one change). */
  confirmName(name: string): void {
    const s = this.state
    const layer = this.store.get().layer
    const proposal = s?.names.find((n) => n.name === name)
    const def = findLabel(this.store.get().info?.project?.labels ?? [], 'source')
    if (!s || !layer || !proposal || !def?.attributes.some((a) => a.id === 'name' && !a.retired)) return
    const ops: AnnotationOp[] = unnamedMentions(proposal, layer).map((a) => ({
      op: 'put',
      annotation: { ...draftOf(a), attributes: { ...a.attributes, name } },
    }))
    if (ops.length === 0) {
      // Say what is true of the mentions: still to accept, named already, or never tagged.
      const why = nothingToName(proposal, layer, this.open())
      return this.hint(
        why === 'suggested'
          ? `Accept the sources first: ${name}'s mentions are still suggestions, not in your layer.`
          : why === 'named'
            ? `Every mention of ${name} tagged as a source in your layer has that name already.`
            : `None of ${name}'s mentions is tagged as a source in your layer; tag them (select, then the Source key), then name them.`,
        'info',
      )
    }
    if (this.work.change(ops)) this.hint(`${plural(ops.length, 'source')} named ${name}. Ctrl+Z takes it back.`)
  }

  /** Dismiss a canonical-name proposal: gone at once, and remembered by the host so it is not proposed in this document again. */
  dismissName(name: string): void {
    const s = this.state
    if (!s) return
    this.store.set({ suggest: { ...s, dismissedNames: [...s.dismissedNames, name] } })
    this.client
      .call('settings.remember', { dismissName: { document: s.document, name } })
      .catch((e: unknown) => this.hint(`Dismissed for now, but not remembered: ${messageOf(e)}`, 'error'))
  }

  private moveOn(next: string | null): void {
    const s = this.state
    if (!s) return
    this.store.set({ suggest: { ...s, current: next } })
    this.redraw(true)
    const span = next === null ? undefined : s.spans.find((x) => x.id === next)
    if (span) this.work.surface?.revealRange(shownSpan(s, span))
  }

  private labelName(id: string): string {
    return findLabel(this.store.get().info?.project?.labels ?? [], id)?.name ?? id
  }

  /** Outline the open suggestions when the layer or the suggestions changed since they were drawn. */
  redraw(force = false): void {
    const surface = this.work.surface
    const s = this.state
    const layer = this.store.get().layer
    if (!surface) return
    const key = s && layer ? [s, layer.version, surface] : null
    if (!force && sameKey(key, this.drawnFor)) return
    this.drawnFor = key
    surface.showSuggestions(s && layer ? openSuggestions(s, layer).map((x) => shownSpan(s, x)) : [], s?.current ?? null)
  }
}

function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!Array.isArray(a) || !Array.isArray(b)) return false
  return a.every((x, i) => x === b[i])
}

function emptyState(document: string): SuggestState {
  return { document, loading: false, notice: null, spans: [], links: [], names: [], current: null, dismissedNames: [], edits: {} }
}
