/**
 * Items by id, kept in one array sorted by id: a lookup is a binary search, a change moves part of
 * the array, and a large batch of changes is merged in one pass. The page keeps its layer's
 * annotations and the text view its live spans this way (50,000 of each in a book): a Map's hash
 * table costs about 23 bytes an entry, this array 4, and neither is looked up on a hot path.
 */

/** What a reader of items by id uses: a ById, or a Map (the host's layers). */
export interface ReadonlyById<T> {
  readonly size: number
  get(id: string): T | undefined
  has(id: string): boolean
  values(): Iterable<T>
  keys(): Iterable<string>
}

const byIdOrder = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Sorted by id, and of several items with one id only the last given (as `Map.set` one after another leaves it). */
function sortedUnique<T extends { readonly id: string }>(items: Iterable<T>): T[] {
  // A stable sort keeps equal ids in the order given, so the last of each run is the one kept.
  const sorted = [...items].sort(byIdOrder)
  const kept: T[] = []
  for (let i = 0; i < sorted.length; i++) if (i + 1 === sorted.length || sorted[i + 1]!.id !== sorted[i]!.id) kept.push(sorted[i]!)
  return kept
}

/** Batches larger than this are merged in one pass instead of one insertion each. */
const ONE_BY_ONE = 32

export class ById<T extends { readonly id: string }> implements ReadonlyById<T> {
  private items: T[]

  constructor(items: Iterable<T> = []) {
    this.items = sortedUnique(items)
  }

  get size(): number {
    return this.items.length
  }

  /** Index of the first item whose id does not sort before `id`. */
  private lowerBound(id: string): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.items[mid]!.id < id) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  get(id: string): T | undefined {
    const item = this.items[this.lowerBound(id)]
    return item?.id === id ? item : undefined
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  /** Put `item` in, replacing the one with its id. */
  set(item: T): void {
    const i = this.lowerBound(item.id)
    if (this.items[i]?.id === item.id) this.items[i] = item
    else this.items.splice(i, 0, item)
  }

  /** Take out the item with this id; whether there was one. */
  delete(id: string): boolean {
    const i = this.lowerBound(id)
    if (this.items[i]?.id !== id) return false
    this.items.splice(i, 1)
    return true
  }

  /** Take out `removed`, then put `put` in (replacing items with their ids): a batch of any size. */
  apply(put: readonly T[], removed: readonly string[]): void {
    if (put.length + removed.length <= ONE_BY_ONE) {
      for (const id of removed) this.delete(id)
      for (const item of put) this.set(item)
      return
    }
    const incoming = sortedUnique(put)
    const drop = new Set(removed)
    for (const item of incoming) drop.add(item.id)
    const kept = drop.size ? this.items.filter((item) => !drop.has(item.id)) : this.items
    // Merge two runs sorted by id (no id in both).
    const merged = Array.from<T>({ length: kept.length + incoming.length })
    let i = 0
    let j = 0
    let k = 0
    while (i < kept.length && j < incoming.length) merged[k++] = kept[i]!.id < incoming[j]!.id ? kept[i++]! : incoming[j++]!
    while (i < kept.length) merged[k++] = kept[i++]!
    while (j < incoming.length) merged[k++] = incoming[j++]!
    this.items = merged
  }

  /** Every item, in id order. */
  values(): readonly T[] {
    return this.items
  }

  /** Every id, in order. */
  *keys(): Generator<string> {
    for (const item of this.items) yield item.id
  }
}
