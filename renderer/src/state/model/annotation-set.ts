/**
 * The open document's layer as the UI holds it: annotations by id, the same annotations in text
 * order (kept sorted by binary insertion, so a change costs one search, not a sort), and the
 * attribution links. Maps are updated in place; `snapshot()` hands React a new object with a new
 * order array after every change, while unchanged Annotation objects keep their identity, so
 * memoised rows of the side panel only re-render when their own annotation changed.
 */
import type { Annotation, Link } from '../../../../shared/model/annotation'
import type { LayerState } from '../../../../shared/annotations/apply'

/** What React renders from; a new object after every change. */
export interface LayerSnapshot {
  version: number
  /** Annotations in text order. */
  order: readonly Annotation[]
  byId: ReadonlyMap<string, Annotation>
  /** Attribution link by the id of the annotation it starts from. */
  attribution: ReadonlyMap<string, Link>
  /** The links of the project's other link types (supports, responds to, …). */
  typed: readonly Link[]
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
  readonly annotations = new Map<string, Annotation>()
  readonly links = new Map<string, Link>()
  private order: Annotation[] = []
  private attribution = new Map<string, Link>()
  private typed: Link[] = []
  private version = 0

  constructor(annotations: readonly Annotation[], links: readonly Link[]) {
    for (const a of annotations) this.annotations.set(a.id, a)
    this.order = [...this.annotations.values()].sort(compare)
    this.setLinks(links)
  }

  /** Put new or changed annotations and drop removed ones. */
  apply(put: readonly Annotation[], removed: readonly string[]): void {
    const order = this.order.slice()
    const take = (id: string) => {
      const old = this.annotations.get(id)
      if (!old) return
      const i = lowerBound(order, old)
      if (order[i]?.id === id) order.splice(i, 1)
      this.annotations.delete(id)
    }
    for (const id of removed) take(id)
    for (const a of put) {
      take(a.id)
      order.splice(lowerBound(order, a), 0, a)
      this.annotations.set(a.id, a)
    }
    this.order = order
    this.version++
  }

  /** Replace all links. */
  setLinks(links: readonly Link[]): void {
    this.links.clear()
    this.attribution = new Map()
    this.typed = []
    for (const l of links) {
      this.links.set(l.id, l)
      if (l.type === 'attribution') this.attribution.set(l.from, l)
      else this.typed.push(l)
    }
    this.version++
  }

  /** The current state for rendering. */
  snapshot(): LayerSnapshot {
    return { version: this.version, order: this.order, byId: this.annotations, attribution: this.attribution, typed: this.typed }
  }
}
