/**
 * Find in the open document and in the project, and tag what was found. Plain queries run here,
 * on the stored text of the open document (shared/search: case and diacritics folded, whole words,
 * code point offsets), so a book is searched whatever part of it is drawn; regular expressions are
 * sent to the host, which stops one that takes too long. Every hit is marked in the text through
 * the TextSurface; stepping moves the current one and scrolls to it. Tagging the hits is one
 * change, so one Ctrl+Z takes it back; hits already tagged with that label at the same offsets are
 * skipped and counted.
 */
import { keptAttributeValue } from '../../../../shared/annotations/attribute-value'
import type { Client, ProjectSearch } from '../../../../shared/api'
import type { AnnotationOp } from '../../../../shared/model/annotation'
import { findLabel } from '../../../../shared/model/labels'
import { Searchable, findAll, type Hit, type Query } from '../../../../shared/search/find'
import type { TextIndex } from '../../../../shared/offsets'
import { messageOf } from '../model/errors'
import { newId } from '../model/ids'
import type { FindState, SessionState } from '../model/session-state'
import type { Store } from '../model/store'
import type { Annotating } from './annotating'

/** How long typing must pause before a query runs. */
const TYPING_PAUSE_MS = 120

/** Tagging more hits than this at once asks first. */
export const TAG_MANY = 50_000

/** What tagging the hits did. */
export interface TagOutcome {
  tagged: number
  skipped: number
}

/** The find bar's work: queries, hits, the current hit, project results and tagging. */
export class Finding {
  private searchable: { index: TextIndex; searchable: Searchable } | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private ticket = 0
  /** The query the hits shown were found for (the last one run). */
  private ran: Query | null = null

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    private readonly work: Annotating,
    private readonly openAt: (document: string, hit: Hit) => Promise<void>,
  ) {}

  private get state(): FindState {
    return this.store.get().find
  }

  private set(patch: Partial<FindState>): void {
    this.store.set({ find: { ...this.state, ...patch } })
  }

  /** Open the find bar (with the selected words as the query, when some are selected). */
  open(): void {
    const span = this.work.surface?.selectedSpan()
    const selected = span && this.work.index && span.end - span.start <= 100 ? this.work.index.slice(span.start, span.end).trim() : ''
    const query = selected && !selected.includes('\n') ? { ...this.state.query, text: selected } : this.state.query
    this.set({ open: true, query, focus: this.state.focus + 1 })
    if (query.text !== '') this.run()
  }

  /**
   * Close the find bar: the hits go, and the keyboard goes back to the text with the current hit
   * selected (as a browser's find leaves it), so a label's key tags it and Shift+arrows go on from it.
   */
  close(): void {
    clearTimeout(this.timer)
    this.ticket++
    this.ran = null
    const hit = this.state.current === null ? undefined : this.state.hits[this.state.current]
    this.set({ open: false, hits: [], current: null, problem: null, searching: false, truncated: false })
    // A passing remark about the hits ("Tagged 2 as Stance…") goes with them; an error stays.
    if (this.store.get().hint?.tone === 'info') this.store.set({ hint: null })
    this.work.surface?.showHits([], null)
    if (hit) this.work.surface?.selectSpan(hit)
    this.work.surface?.focus()
  }

  /** Change the query or its options; it runs once typing pauses. */
  setQuery(patch: Partial<Query>): void {
    this.set({ query: { ...this.state.query, ...patch } })
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.run(), TYPING_PAUSE_MS)
  }

  /**
   * Enter (1) or Shift+Enter (-1) in the find field: a query typed since the last search is found
   * now (the first hit becomes the current one); otherwise the next or previous hit does, as the
   * ↓ and ↑ buttons step. While a search is still running, Enter waits for it.
   */
  enter(dir: 1 | -1): void {
    if (this.ran !== this.state.query) return this.run()
    if (!this.state.searching) this.step(dir)
  }

  /** Find the query in the open document now (and again in the project when its results are shown). */
  run(): void {
    clearTimeout(this.timer)
    const ticket = ++this.ticket
    const query = this.state.query
    this.ran = query
    const index = this.work.index
    const document = this.store.get().doc?.id
    if (query.text === '' || !index || !document) return this.showHits([], false, null)
    // The first hit shown is the first from where the user is (the selection, else the top of the
    // view), as a browser's find goes on from there; past the last one, the first in the text.
    const surface = this.work.surface
    const here = surface ? { start: surface.selectedSpan()?.start ?? surface.topOffset() } : undefined
    if (query.mode === 'plain') {
      const found = findAll(this.searchableOf(index), query)
      if ('problem' in found) return this.showHits([], false, found.problem.message)
      this.showHits(found.hits, found.truncated, null, here)
    } else {
      this.set({ searching: true })
      this.client.call('search.document', { document, query }).then(
        (found) => ticket === this.ticket && this.showHits(found.hits, found.truncated, null, here),
        (e: unknown) => ticket === this.ticket && this.showHits([], false, messageOf(e)),
      )
    }
    if (this.state.project) void this.searchProject()
  }

  private searchableOf(index: TextIndex): Searchable {
    if (this.searchable?.index !== index) this.searchable = { index, searchable: new Searchable(index) }
    return this.searchable.searchable
  }

  private showHits(hits: Hit[], truncated: boolean, problem: string | null, near?: { start: number }): void {
    const current =
      hits.length === 0
        ? null
        : near
          ? Math.max(
              0,
              hits.findIndex((h) => h.start >= near.start),
            )
          : 0
    this.set({ hits, current, truncated, problem, searching: false, ticked: [] })
    this.work.surface?.showHits(hits, current)
    if (current !== null) this.work.surface?.revealRange(hits[current]!)
  }

  /** Step to the next (1) or previous (-1) hit, scrolling it into view. */
  step(dir: 1 | -1): void {
    const { hits, current } = this.state
    if (hits.length === 0) return
    const next = current === null ? 0 : (current + dir + hits.length) % hits.length
    this.set({ current: next })
    this.work.surface?.showCurrentHit(next)
    this.work.surface?.revealRange(hits[next]!)
  }

  /** A text view attached to the open document: mark the hits in it, and show the current one. */
  attached(): void {
    const { hits, current } = this.state
    this.work.surface?.showHits(hits, current)
    if (current !== null && hits[current]) this.work.surface?.revealRange(hits[current])
  }

  /** The open document changed: find the same query in it. */
  documentOpened(near?: Hit): void {
    if (!this.state.open || this.state.query.text === '') return
    if (near && this.state.query.mode === 'plain' && this.work.index) {
      const found = findAll(this.searchableOf(this.work.index), this.state.query)
      if ('hits' in found) return this.showHits(found.hits, found.truncated, null, near)
    }
    this.run()
  }

  /** Find the query in every document of the project. */
  async searchProject(): Promise<void> {
    const query = this.state.query
    if (query.text === '') return this.set({ project: null })
    this.set({ projectSearching: true })
    try {
      const project: ProjectSearch = await this.client.call('search.project', { query })
      if (this.state.query === query) this.set({ project, projectSearching: false, problem: null })
    } catch (e) {
      this.set({ projectSearching: false, problem: messageOf(e) })
    }
  }

  /** Show or hide the list of this document's hits. */
  list(shown: boolean): void {
    this.set({ listed: shown })
  }

  /** Tick or untick one hit in the list (null: all of them, or none). */
  tick(index: number | null, on: boolean): void {
    const ticked = new Set(this.state.ticked)
    if (index === null) return this.set({ ticked: on ? this.state.hits.map((_, i) => i) : [] })
    if (on) ticked.add(index)
    else ticked.delete(index)
    this.set({ ticked: [...ticked].sort((a, b) => a - b) })
  }

  /** Make a hit the current one and scroll to it (a click in the list). */
  go(index: number): void {
    const hit = this.state.hits[index]
    if (!hit) return
    this.set({ current: index })
    this.work.surface?.showCurrentHit(index)
    this.work.surface?.revealRange(hit)
  }

  /** Close the project results. */
  closeProject(): void {
    this.set({ project: null })
  }

  /** Open a document of the project results at one of its hits. */
  async openResult(document: string, hit: Hit): Promise<void> {
    await this.openAt(document, hit)
  }

  /**
   * The hits (all, or those at `indices`) not yet tagged with this label at their offsets, each
   * place once, and how many are skipped because they are: what Tag all would add.
   */
  untagged(labelId: string, indices: readonly number[] | null = null): { fresh: Hit[]; skipped: number } {
    const hits = indices === null ? this.state.hits : indices.map((i) => this.state.hits[i]).filter((h): h is Hit => h !== undefined)
    const tagged = new Set<string>()
    for (const a of this.work.layer?.annotations.values() ?? [])
      if (a.label === labelId) tagged.add(`${a.target.position.start}:${a.target.position.end}`)
    const fresh: Hit[] = []
    for (const h of hits) {
      const key = `${h.start}:${h.end}`
      if (tagged.has(key)) continue
      tagged.add(key)
      fresh.push(h)
    }
    return { fresh, skipped: hits.length - fresh.length }
  }

  /**
   * Tag hits (all, or those at `indices`) with a label and, for the batch, attribute values: one
   * change (one undo step). Hits already tagged with this label at the same offsets are skipped.
   * Returns what was done, or null when there was nothing to tag or the change was refused.
   */
  tag(labelId: string, attributes: Record<string, string> = {}, indices: readonly number[] | null = null): TagOutcome | null {
    const labels = this.store.get().info?.project?.labels ?? []
    const label = findLabel(labels, labelId)
    const layer = this.work.layer
    const doc = this.store.get().doc
    if (!label || !layer || !doc) return null
    if (doc.readOnly) {
      this.store.set({ hint: { text: doc.readOnly, tone: 'error' } })
      return null
    }
    const { fresh, skipped } = this.untagged(label.id, indices)
    this.store.set({ find: { ...this.store.get().find, tagLabel: label.id } })
    const values: Record<string, string> = {}
    for (const [k, v] of Object.entries(attributes)) {
      const def = label.attributes.find((d) => d.id === k)
      const kept = def ? keptAttributeValue(def, v) : v
      if (kept !== '') values[k] = kept
    }
    const ops: AnnotationOp[] = fresh.map((h) => ({
      op: 'put',
      annotation: { id: newId(), label: label.id, start: h.start, end: h.end, attributes: values, note: '' },
    }))
    const outcome = { tagged: ops.length, skipped }
    const already = skipped > 0 ? `, ${skipped.toLocaleString()} already tagged` : ''
    if (ops.length === 0) {
      this.store.set({ hint: { text: `Nothing new to tag: ${skipped.toLocaleString()} already tagged as ${label.name}.`, tone: 'info' } })
      return outcome
    }
    if (!this.work.change(ops)) return null
    this.store.set({
      hint: {
        text: `Tagged ${ops.length.toLocaleString()} as ${label.name}${already}. Ctrl+Z takes ${ops.length === 1 ? 'it' : 'them all'} back.`,
        tone: 'info',
      },
    })
    return outcome
  }
}
