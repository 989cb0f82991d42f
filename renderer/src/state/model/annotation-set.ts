/**
 * The open document's layer as the UI holds it: annotations by id, the same annotations in text
 * order (kept sorted by binary insertion, so a change costs one search, not a sort), and the
 * attribution links. The maps and the order are updated in place (a book's 50,000 entries are not
 * copied on every key: the cost of a change does not grow with the layer); `snapshot()` hands React
 * a new object after every change, so whatever reads the layer reads it again, while unchanged
 * Annotation objects keep their identity, so memoised rows of the side panel only re-render when
 * their own annotation changed. What depends on the layer depends on the snapshot, not its order.
 */
import { suggestionKey, type Annotation, type Link, type SuggestionRecord } from '../../../../shared/model/annotation'
import type { LayerState } from '../../../../shared/annotations/apply'
import { linkEnds } from '../../../../shared/annotations/links'
import { ById, type ReadonlyById } from '../../../../shared/model/by-id'

/** What React renders from; a new object after every change. */
export interface LayerSnapshot {
  version: number
  /** Annotations in text order. */
  order: readonly Annotation[]
  byId: ReadonlyById<Annotation>
  /** Attribution link by the id of the annotation it starts from. */
  attribution: ReadonlyMap<string, Link>
  /** The links of the project's other link types (supports, responds to, …). */
  typed: readonly Link[]
  /** Decisions on suggestions, by suggestionKey (rejected, and accepted with their annotation). */
  suggestions: ReadonlyMap<string, SuggestionRecord>
}

function compare(a: Annotation, b: Annotation): number {
  const pa = a.target.position
  const pb = b.target.position
  return pa.start - pb.start || pb.end - pa.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Index of the first element of `order` that does not sort before `a`. */
function lowerBound(order: readonly Annotation[], a: Annotation): number {
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(order[mid]!, a) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** One document's annotations and links. */
export class AnnotationSet implements LayerState {
  readonly annotations: ById<Annotation>
  readonly links = new Map<string, Link>()
  private order: Annotation[] = []
  private attribution = new Map<string, Link>()
  private typed: Link[] = []
  /** Links by the annotations at their ends (applyOps looks there, not at every link); most have one. */
  private readonly ends = new Map<string, Link[]>()
  readonly suggestions = new Map<string, SuggestionRecord>()
  private version = 0
  /**
   * The host's copy of the layer these links are, with the changes sent since applied
   * (ApplyResult.layerToken), or null when not known: the next save then brings the host's links.
   */
  hostCopy: string | null = null

  constructor(annotations: readonly Annotation[], links: readonly Link[], suggestions: readonly SuggestionRecord[] = []) {
    this.setSuggestions(suggestions)
    this.annotations = new ById(annotations)
    this.order = [...this.annotations.values()].sort(compare)
    this.setLinks(links)
  }

  /** Put new or changed annotations and drop removed ones. */
  apply(put: readonly Annotation[], removed: readonly string[]): void {
    const order = this.order
    // What is in `order` for each id touched so far (the by-id index is updated once, at the end).
    const current = new Map<string, Annotation | undefined>()
    const take = (id: string) => {
      const old = current.has(id) ? current.get(id) : this.annotations.get(id)
      current.set(id, undefined)
      if (!old) return
      const i = lowerBound(order, old)
      if (order[i]?.id === id) order.splice(i, 1)
    }
    for (const id of removed) take(id)
    for (const a of put) {
      take(a.id)
      order.splice(lowerBound(order, a), 0, a)
      current.set(a.id, a)
    }
    this.annotations.apply(put, removed)
    this.version++
  }

  /**
   * Replace all links (opening a layer, or the host's copy after a save, named by `hostCopy`:
   * nothing to redraw when they are the same).
   */
  setLinks(links: readonly Link[], hostCopy: string | null = null): void {
    this.hostCopy = hostCopy
    if (this.holdsLinks(links)) return
    this.links.clear()
    this.ends.clear()
    this.attribution = new Map()
    this.typed = []
    for (const l of links) this.addLink(l)
    this.version++
  }

  /**
   * Take out the links `removed` names and put `put` in (a link put again moves after the others),
   * as applyOps gives them: the cost of the change, not of the layer's links. The list of typed
   * links is a new array when one of them changed (the Links field reads it), else the same.
   */
  applyLinks(put: readonly Link[], removed: readonly string[]): void {
    let typedChanged = false
    for (const id of [...removed, ...put.map((l) => l.id)]) if (this.removeLink(id) === 'typed') typedChanged = true
    if (!typedChanged) typedChanged = put.some((l) => l.type !== 'attribution')
    if (typedChanged) this.typed = this.typed.filter((l) => this.links.has(l.id))
    for (const l of put) this.addLink(l)
    this.version++
  }

  /** Whether the layer has these links already, in this order (comparing is a fraction of rebuilding the indexes). */
  private holdsLinks(links: readonly Link[]): boolean {
    if (links.length !== this.links.size) return false
    let i = 0
    for (const l of this.links.values()) {
      const o = links[i++]!
      if (o.id !== l.id || o.type !== l.type || o.from !== l.from || o.to !== l.to || o.author !== l.author || o.created !== l.created)
        return false
    }
    return true
  }

  /** The links with this annotation at either end. */
  linksAt(id: string): readonly Link[] {
    return this.ends.get(id) ?? []
  }

  private addLink(l: Link): void {
    // A file that holds one id twice (edited by hand): the later one, as the map keeps it.
    if (this.links.has(l.id) && this.removeLink(l.id) === 'typed') this.typed = this.typed.filter((t) => this.links.has(t.id))
    this.links.set(l.id, l)
    for (const end of linkEnds(l)) {
      const at = this.ends.get(end)
      if (at) at.push(l)
      else this.ends.set(end, [l])
    }
    if (l.type === 'attribution') this.attribution.set(l.from, l)
    else this.typed.push(l)
  }

  /** Take a link out of the maps (not out of `typed`); what kind it was, or null when there was none. */
  private removeLink(id: string): 'attribution' | 'typed' | null {
    const l = this.links.get(id)
    if (!l) return null
    this.links.delete(id)
    for (const end of linkEnds(l)) {
      const at = this.ends.get(end)
      const i = at?.findIndex((x) => x.id === id) ?? -1
      if (i >= 0) at!.splice(i, 1)
      if (at?.length === 0) this.ends.delete(end)
    }
    if (l.type !== 'attribution') return 'typed'
    if (this.attribution.get(l.from)?.id === id) this.attribution.delete(l.from)
    return 'attribution'
  }

  /** Replace all decisions on suggestions. */
  setSuggestions(records: readonly SuggestionRecord[]): void {
    this.suggestions.clear()
    for (const r of records) this.suggestions.set(suggestionKey(r), r)
    this.version++
  }

  /** The current state for rendering. */
  snapshot(): LayerSnapshot {
    return {
      version: this.version,
      order: this.order,
      byId: this.annotations,
      attribution: this.attribution,
      typed: this.typed,
      suggestions: new Map(this.suggestions),
    }
  }
}

/** Where `a` is in `order` (text order, or a part of it kept in that order), or -1: a binary search. */
export function indexInOrder(order: readonly Annotation[], a: Annotation): number {
  const at = lowerBound(order, a)
  return order[at]?.id === a.id ? at : -1
}

/**
 * The annotation after (step 1) or before (step -1) a place in the text, in text order: after or
 * before the selected annotation; else, from the caret, the first starting at or after it or the
 * last starting before it; with neither, the first or the last. Undefined past either end.
 */
export function neighbourOf(
  order: readonly Annotation[],
  selected: Annotation | null,
  caret: number | null,
  step: 1 | -1,
): Annotation | undefined {
  if (selected) {
    const at = lowerBound(order, selected)
    if (order[at]?.id === selected.id) return order[at + step]
  }
  if (caret === null) return step === 1 ? order[0] : order[order.length - 1]
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (order[mid]!.target.position.start < caret) lo = mid + 1
    else hi = mid
  }
  return step === 1 ? order[lo] : order[lo - 1]
}
