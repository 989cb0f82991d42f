/**
 * The Retrieve view's host side: every annotation of the project indexed once (every annotator's
 * layer and the reviewed layer), filtered and grouped per request, and sent a window of rows at a
 * time, so the view stays quick with 100,000 annotations. The index is dropped whenever a layer
 * changes (a save, an import, a colleague's change on disk) and rebuilt when next asked for.
 */
import { attributionTarget } from '../../../shared/annotations/links'
import { findLabel } from '../../../shared/model/labels'
import { displayName, mostFrequent, nameKey } from '../../../shared/discourse/names'
import {
  LayerRows,
  RetrieveIndex,
  groupRows,
  sourceName,
  type RetrieveFacets,
  type RetrieveFilter,
  type RetrieveGrouping,
  type RetrieveResult,
  type RetrieveRow,
} from '../../../shared/retrieve/rows'
import { selectLayers } from '../interchange/export-layers'
import type { Project } from '../project/project'

/** The Retrieve view's index of one project. */
export class RetrieveService {
  private index: Promise<RetrieveIndex> | null = null
  private last: { key: string; grouped: ReturnType<typeof groupRows> } | null = null
  /** Each layer's rows, by "document/layer", kept until that layer changes. */
  private readonly parts = new Map<string, LayerRows>()

  constructor(private readonly project: Project) {}

  /** Forget everything: layers may have changed anywhere (a colleague's sync, an import). */
  clear(): void {
    this.index = null
    this.last = null
    this.parts.clear()
  }

  /** One layer changed (a save): only its rows are made again. */
  changed(document: string, layer: string): void {
    this.index = null
    this.last = null
    this.parts.delete(`${document}/${layer}`)
  }

  /** A document's replies or statuses changed: every layer's rows of it are made again. */
  changedDocument(document: string): void {
    this.index = null
    this.last = null
    for (const key of this.parts.keys()) if (key.startsWith(`${document}/`)) this.parts.delete(key)
  }

  private rows(): Promise<RetrieveIndex> {
    if (!this.index) {
      const built = selectLayers(this.project, { annotators: 'all', reviewed: true }).then((layers) => {
        const parts = layers.map((l) => {
          const key = `${l.document.id}/${l.annotator}`
          let part = this.parts.get(key)
          if (!part) this.parts.set(key, (part = new LayerRows(l)))
          return part
        })
        return new RetrieveIndex(parts)
      })
      built.catch(() => (this.index = null))
      this.index = built
    }
    return this.index
  }

  /** The rows a filter keeps, grouped, from `offset` (at most `limit`), with the facets when asked for. */
  async query(filter: RetrieveFilter, grouping: RetrieveGrouping, offset: number, limit: number, facets: boolean): Promise<RetrieveResult> {
    const index = await this.rows()
    const key = JSON.stringify([filter, grouping])
    if (this.last?.key !== key) {
      const labels = this.project.labels
      const name = (id: string) => findLabel(labels, id)?.name ?? id
      const sources = new Set(labels.map((l) => attributionTarget(labels, l.id)).filter((l) => l !== null))
      this.last = { key, grouped: groupRows(index.filter(filter), grouping, name, (id) => sources.has(id)) }
    }
    const { groups, rows, groupOfRow } = this.last.grouped
    return {
      total: rows.length,
      groups,
      offset,
      rows: rows.slice(offset, offset + limit),
      groupOfRow: groupOfRow.slice(offset, offset + limit),
      all: index.size,
      facets: facets ? facetsOf(index.rows) : null,
    }
  }

  /** The keys of the rows a filter keeps, for exporting exactly those. */
  async kept(filter: RetrieveFilter): Promise<Set<string>> {
    return new Set((await this.rows()).filter(filter).map((r) => rowKey(r.document, r.layer, r.id)))
  }
}

/** A row's key: its document, layer and annotation id. */
export function rowKey(document: string, layer: string, id: string): string {
  return `${document}\u0000${layer}\u0000${id}`
}

function counted<K>(keys: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>()
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1)
  return m
}

/** The linked sources by actor (as the Analysis counts them), with how often each spelling is cited. */
function sourcesByKey(rows: readonly RetrieveRow[]): Map<string, Map<string, number>> {
  const byKey = new Map<string, Map<string, number>>()
  for (const r of rows) {
    const name = sourceName(r)
    const key = nameKey(name)
    if (key === '') continue
    const spelling = displayName(name)
    const spellings = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!
    spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1)
  }
  return byKey
}

function facetsOf(rows: readonly RetrieveRow[]): RetrieveFacets {
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count
  const titles = new Map(rows.map((r) => [r.document, r.title]))
  // Values by their name key (as the filter matches them), each shown by its most used spelling.
  const attributes: Record<string, Map<string, Map<string, number>>> = {}
  for (const r of rows) {
    for (const [attribute, value] of Object.entries(r.attributes)) {
      const byKey = (attributes[`${r.label}.${attribute}`] ??= new Map())
      const key = nameKey(value)
      const spellings = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!
      spellings.set(value, (spellings.get(value) ?? 0) + 1)
    }
  }
  return {
    labels: [...counted(rows.map((r) => r.label))].map(([id, count]) => ({ id, count })).sort(byCount),
    layers: [...counted(rows.map((r) => r.layer))].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name)),
    documents: [...counted(rows.map((r) => r.document))].map(([id, count]) => ({ id, title: titles.get(id) ?? id, count })),
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([k, byKey]) => [
        k,
        [...byKey.values()]
          .map((spellings) => ({ value: mostFrequent(spellings), count: [...spellings.values()].reduce((n, c) => n + c, 0) }))
          .sort(byCount)
          .slice(0, 500),
      ]),
    ),
    sources: [...sourcesByKey(rows).values()]
      .map((spellings) => ({ name: mostFrequent(spellings), count: [...spellings.values()].reduce((n, c) => n + c, 0) }))
      .sort(byCount)
      .slice(0, 500),
  }
}
