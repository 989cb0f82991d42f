/**
 * What the user does to annotations, in their words: tag the selection, select, delete, relabel,
 * set an attribute or note, attribute to a source. Each builds the ops for one change and hands
 * them to Annotating; the UI (keys, toolbar, side panel, clicks in the text) only calls these.
 */
import { indefinite, plural } from '../../../../shared/plural'
import { attributionTarget, fittingLinks } from '../../../../shared/annotations/links'
import { draftOf } from '../../../../shared/annotations/stored-form'
import type { Annotation, AnnotationOp } from '../../../../shared/model/annotation'
import { ATTRIBUTION, findLabel, type LabelSchema } from '../../../../shared/model/labels'
import { truncate } from '../model/describe'
import { newId } from '../model/ids'
import type { SessionState } from '../model/session-state'
import type { Store } from '../model/store'
import type { SpanRef } from '../model/text-surface'
import { EMPTY_SPAN, nudge, nudgeCharacter, placeBoundary, snapToWords } from '../model/word-nudge'
import { READ_ONLY_HINT, type Annotating } from './annotating'

/** The annotation commands of the open document. */
export class Commands {
  constructor(
    private readonly store: Store<SessionState>,
    private readonly work: Annotating,
  ) {}

  private get labels(): LabelSchema {
    return this.store.get().info?.project?.labels ?? []
  }

  private annotation(id: string): Annotation | undefined {
    return this.work.layer?.annotations.get(id)
  }

  /** Show a short message above the text (null clears it). */
  hint(text: string | null, tone: 'info' | 'error' = 'info'): void {
    this.store.set({ hint: text === null ? null : { text, tone } })
  }

  /** True when the open document is read-only (its text is damaged), said in a short line: the banner above holds the whole sentence. */
  private readOnly(): boolean {
    const readOnly = this.store.get().doc?.readOnly
    if (readOnly) this.hint(READ_ONLY_HINT, 'error')
    return Boolean(readOnly)
  }

  /** Tag the selected text with a label: drawn at once, then saved. */
  tag(labelId: string): void {
    if (this.readOnly()) return
    const surface = this.work.surface
    const label = findLabel(this.labels, labelId)
    if (!surface || !label) return
    const selected = surface.selectedSpan()
    const index = this.work.index
    const snap = this.store.get().info?.preferences.snapToWords ?? true
    const span = selected && index && snap ? snapToWords(index, selected) : selected
    if (!span) return this.hint(`Select some text first, then press ${label.key} or click ${label.name}.`)
    const id = newId()
    // One redraw draws the highlight, marks it selected and puts the caret after it; the side
    // panel (React) follows after that frame is painted.
    this.store.afterPaint(() => {
      const put: AnnotationOp = { op: 'put', annotation: { id, label: label.id, ...span, attributes: {}, note: '' } }
      this.work.change([put], 'new', { select: id, caretAfter: span })
      this.store.set({ selectedId: id, linking: null, hint: null })
    })
  }

  /** Select an annotation (null deselects); `reveal` scrolls to it and flashes it. */
  select(id: string | null, reveal = false): void {
    this.work.flush()
    const known = id !== null && this.annotation(id) ? id : null
    if (this.store.get().selectedId !== known) {
      // Another annotation chosen: a passing remark about the last one goes (an error stays).
      const hint = this.store.get().hint?.tone === 'info' ? null : this.store.get().hint
      this.store.set({ selectedId: known, linking: null, hint })
    }
    this.work.surface?.showSelected(known)
    if (known && reveal) this.work.surface?.reveal(known)
  }

  /** A click in the text: select what is under it, or finish attributing to a source. */
  clickText(covering: SpanRef[]): void {
    const linking = this.store.get().linking
    if (linking) {
      const target = covering.find((s) => linking.targets.includes(s.label) && s.id !== linking.from)
      if (!target) {
        const names = linking.targets.map((t) => this.labelName(t)).join(' or ')
        return this.hint(`Click a ${names} highlight or its row in the list, or press Escape to stop linking.`)
      }
      return this.finishLinking(target.id)
    }
    this.select(covering[0]?.id ?? null)
  }

  /**
   * A row of the annotation list chosen (a click, or Enter on it): while linking, a row that fits
   * finishes the link, as a click on its highlight does, so the keyboard can link too; otherwise
   * the annotation is selected and shown.
   */
  chooseRow(id: string): void {
    const linking = this.store.get().linking
    const a = this.annotation(id)
    if (linking && a && linking.targets.includes(a.label) && id !== linking.from) return this.finishLinking(id)
    this.select(id, true)
  }

  private finishLinking(targetId: string): void {
    const linking = this.store.get().linking
    if (!linking) return
    if (linking.type === ATTRIBUTION) this.setSource(linking.from, targetId)
    else this.addLink(linking.type, linking.from, targetId)
    this.store.set({ linking: null, hint: null })
    this.work.surface?.reveal(targetId)
  }

  private labelName(id: string): string {
    return findLabel(this.labels, id)?.name ?? id
  }

  /** Delete an annotation, with the links to and from it. */
  remove(id: string): void {
    if (this.readOnly() || !this.annotation(id)) return
    const links = [...(this.work.layer?.linksAt(id) ?? [])]
    // As when tagging: the text is redrawn at once, and the side panel (React) follows after that
    // frame is painted.
    this.store.afterPaint(() => {
      this.work.change([...links.map((l): AnnotationOp => ({ op: 'unlink', id: l.id })), { op: 'delete', id }])
      this.hint(
        links.length === 0
          ? 'Annotation deleted. Ctrl+Z brings it back.'
          : links.length === 1
            ? 'Annotation deleted, with its link. Ctrl+Z brings both back.'
            : `Annotation deleted, with its ${plural(links.length, 'link')}. Ctrl+Z brings them all back.`,
      )
    })
  }

  /** Give an annotation another label, dropping attributes that no longer fit (links that no longer fit go by the shared rules, and come back with undo). */
  relabel(id: string, labelId: string): void {
    const a = this.annotation(id)
    const label = findLabel(this.labels, labelId)
    if (!a || !label || a.label === labelId) return
    const keep = new Set(label.attributes.map((d) => d.id))
    const attributes = Object.fromEntries(Object.entries(a.attributes).filter(([k]) => keep.has(k)))
    // The links the new label cannot have go with the change (the shared rule drops them): said,
    // so nobody who changes the label back believes they are still there.
    const layer = this.work.layer
    const touching = [...(layer?.linksAt(id) ?? [])]
    const tagSet = { labels: this.labels, linkTypes: this.store.get().info?.project?.linkTypes ?? [] }
    const relabelled = { label: label.id }
    const kept = fittingLinks(tagSet, touching, (other) => (other === id ? relabelled : layer?.annotations.get(other))).length
    const dropped = touching.length - kept
    this.work.change([{ op: 'put', annotation: { ...draftOf(a), label: label.id, attributes } }])
    if (dropped > 0)
      this.hint(
        `Now ${indefinite(label.name)}: ${plural(dropped, 'link')} ${indefinite(label.name)} cannot have ${dropped === 1 ? 'was' : 'were'} removed. Ctrl+Z brings ${dropped === 1 ? 'it' : 'them'} back.`,
      )
  }

  /**
   * Move a boundary of an annotation by a word (or, `byCharacter`, one character): Alt+arrows move
   * the start, Alt+Shift+arrows the end. One change each, so Ctrl+Z takes it back.
   */
  moveBoundary(id: string, boundary: 'start' | 'end', dir: 1 | -1, byCharacter = false): void {
    if (this.readOnly()) return
    const a = this.annotation(id)
    const index = this.work.index
    if (!a || !index) return
    const span = { start: a.target.position.start, end: a.target.position.end }
    const next = byCharacter ? nudgeCharacter(index, span, boundary, dir) : nudge(index, span, boundary, dir)
    if (next.start === span.start && next.end === span.end) return
    this.work.change([{ op: 'put', annotation: { ...draftOf(a), start: next.start, end: next.end } }], 'new', { select: id })
  }

  /**
   * Put one end of an annotation where a drag left it (a code point offset): snapped to the word
   * it falls in when whole-word snapping is on; refused, with a hint, when the span would be empty
   * or turned inside out. One undo step.
   */
  setBoundary(id: string, boundary: 'start' | 'end', offset: number): void {
    if (this.readOnly()) return
    const a = this.annotation(id)
    const index = this.work.index
    if (!a || !index) return
    const span = { start: a.target.position.start, end: a.target.position.end }
    const next = placeBoundary(index, span, boundary, offset, this.store.get().info?.preferences.snapToWords ?? true)
    if (!next) return this.hint(EMPTY_SPAN)
    if (next.start === span.start && next.end === span.end) return
    this.work.change([{ op: 'put', annotation: { ...draftOf(a), start: next.start, end: next.end } }], 'new', { select: id })
  }

  /** Set a choice attribute (saved at once) or a text attribute (saved when typing pauses). */
  setAttribute(id: string, attribute: string, value: string, typing: boolean): void {
    const a = this.annotation(id)
    if (!a) return
    const attributes = { ...a.attributes, [attribute]: value }
    if (value === '') delete attributes[attribute]
    if (typing) this.work.editBuffered(id, { attributes })
    else this.work.change([{ op: 'put', annotation: { ...draftOf(a), attributes } }])
  }

  /** Change the note (saved when typing pauses). */
  setNote(id: string, note: string): void {
    this.work.editBuffered(id, { note })
  }

  /** Attribute a claim or stance to a source (null removes the attribution). */
  setSource(id: string, sourceId: string | null): void {
    const existing = this.work.layer?.snapshot().attribution.get(id)
    if ((existing?.to ?? null) === sourceId) return
    const ops: AnnotationOp[] = existing ? [{ op: 'unlink', id: existing.id }] : []
    if (sourceId !== null) ops.push({ op: 'link', link: { id: newId(), from: id, to: sourceId } })
    this.work.change(ops)
  }

  /** Start attributing the selected annotation: the next click on a source links it. */
  startLinking(): void {
    if (this.readOnly()) return
    const id = this.store.get().selectedId
    const a = id === null ? undefined : this.annotation(id)
    const target = a ? attributionTarget(this.labels, a.label) : null
    if (!a || target === null) return this.hint('Select a claim or stance first, then press A to attribute it to a source.')
    this.store.set({ linking: { from: a.id, type: ATTRIBUTION, targets: [target] } })
    this.hint(
      `Attribute to…: click ${indefinite(this.labelName(target))} highlight in the text, or choose its row in the list (Escape cancels).`,
    )
  }

  /** Start a link of one of the project's link types from the selected annotation: the next click on a fitting highlight makes it. */
  startTypedLink(type: string): void {
    if (this.readOnly()) return
    const id = this.store.get().selectedId
    const a = id === null ? undefined : this.annotation(id)
    const def = this.store.get().info?.project?.linkTypes.find((t) => t.id === type)
    if (!a || !def || !def.from.includes(a.label)) return
    this.store.set({ linking: { from: a.id, type, targets: def.to } })
    const names = def.to.map((t) => this.labelName(t)).join(' or ')
    this.hint(`${def.name}: click ${indefinite(names)} highlight in the text, or choose its row in the list (Escape cancels).`)
  }

  /** Link two annotations with one of the project's link types (a type that allows one replaces the old link). */
  addLink(type: string, from: string, to: string): void {
    const def = this.store.get().info?.project?.linkTypes.find((t) => t.id === type)
    if (!def) return
    const links = [...(this.work.layer?.linksAt(from) ?? [])]
    if (links.some((l) => l.type === type && l.from === from && l.to === to)) return this.hint(`Already linked: ${def.name}.`)
    const ops: AnnotationOp[] = def.multiple
      ? []
      : links.filter((l) => l.type === type && l.from === from).map((l): AnnotationOp => ({ op: 'unlink', id: l.id }))
    ops.push({ op: 'link', link: { id: newId(), type, from, to } })
    this.work.change(ops)
  }

  /** Remove one link (of any type). */
  unlink(linkId: string): void {
    if (this.readOnly() || !this.work.layer?.links.has(linkId)) return
    this.work.change([{ op: 'unlink', id: linkId }])
  }

  /** Undo the last change of this document. */
  undo(): void {
    if (this.readOnly()) return
    const done = this.work.undoLast()
    if (done === false) return this.hint('Nothing to undo.')
    this.afterHistory(done, 'Undone')
  }

  /** Redo the last undone change. */
  redo(): void {
    if (this.readOnly()) return
    const done = this.work.redoLast()
    if (done === false) return this.hint('Nothing to redo.')
    this.afterHistory(done, 'Redone')
  }

  /**
   * What an undo or redo changed is shown, wherever it is in the text (the history outlives a
   * visit to another document): one annotation back or changed is selected and scrolled to; one
   * taken away is scrolled to, flashed where it was, and named in the hint line.
   */
  private afterHistory(done: ReturnType<Annotating['undoLast']>, verb: 'Undone' | 'Redone'): void {
    const put = done ? done.put : []
    const gone = done ? done.gone.filter((a) => !put.some((p) => p.id === a.id)) : []
    this.hint(null)
    if (put.length === 1) this.select(put[0]!.id, true)
    else if (gone.length > 0) {
      const first = gone[0]!
      this.select(null)
      this.work.surface?.revealRange({ start: first.target.position.start, end: first.target.position.end })
      const more = gone.length > 1 ? ` and ${plural(gone.length - 1, 'other annotation')}` : ''
      this.hint(
        `${verb}: the ${this.labelName(first.label)} “${truncate(first.target.quote.exact, 60)}”${more} removed (flashed where it was).`,
      )
    }
  }

  /** Escape: stop attributing, else deselect, else clear the hint. */
  escape(): boolean {
    const s = this.store.get()
    if (s.linking) {
      this.store.set({ linking: null })
      this.hint(null)
      return true
    }
    if (s.selectedId !== null) {
      this.select(null)
      return true
    }
    if (s.hint) {
      this.hint(null)
      return true
    }
    return false
  }
}
