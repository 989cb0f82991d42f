/**
 * What a project holds, in numbers: documents and their size, annotators, annotations per label
 * and per attribute value, links, notes, and the reviewed layer — for `marginalia stats` and
 * for scripts (the JSON form).
 */
import { REVIEWED_LAYER_NAME } from '../../../shared/csv'
import { stateCounts, type DocumentState } from '../../../shared/model/status'
import { selectLayers } from '../interchange/export-layers'
import type { Project } from '../project/project'
import { plural } from '../../../shared/plural'

export interface LayerCounts {
  documents: number
  annotations: number
  links: number
  notes: number
  /** Annotations per label id. */
  labels: Record<string, number>
}

export interface ProjectStats {
  name: string
  documents: number
  /** Total length of the texts in code points. */
  characters: number
  annotators: string[]
  /** Every layer together (the reviewed layer included). */
  total: LayerCounts
  /** Per annotator, and "_reviewed" for the reviewed layer. */
  layers: Record<string, LayerCounts>
  /** "label.attribute" -> value -> count, over every layer. */
  attributes: Record<string, Record<string, number>>
  /** Per document: its title, length and annotations per layer. */
  perDocument: { id: string; title: string; length: number; annotations: Record<string, number> }[]
  /** Per annotator: how many documents they have in each status (docs/format.md#document-status). */
  states: Record<string, Record<DocumentState, number>>
}

function empty(): LayerCounts {
  return { documents: 0, annotations: 0, links: 0, notes: 0, labels: {} }
}

/** Count everything in a project. */
export async function projectStats(project: Project): Promise<ProjectStats> {
  const layers = await selectLayers(project, { annotators: 'all', reviewed: true })
  const stats: ProjectStats = {
    name: project.name,
    documents: project.documents.length,
    characters: project.documents.reduce((n, d) => n + d.length, 0),
    annotators: await project.annotators(),
    total: empty(),
    layers: {},
    attributes: {},
    perDocument: project.documents.map((d) => ({ id: d.id, title: d.title, length: d.length, annotations: {} })),
    states: {},
  }
  for (const annotator of stats.annotators) {
    const states: DocumentState[] = []
    for (const doc of project.documents)
      states.push((await project.hasStoreFile(annotator, doc.id)) ? (await project.layer(annotator, doc.id)).state : 'not-started')
    stats.states[annotator] = stateCounts(states)
  }
  for (const label of project.labels) stats.total.labels[label.id] = 0
  for (const layer of layers) {
    const counts = (stats.layers[layer.annotator] ??= { ...empty(), labels: Object.fromEntries(project.labels.map((l) => [l.id, 0])) })
    counts.documents++
    for (const target of [counts, stats.total]) {
      target.annotations += layer.annotations.length
      target.links += layer.links.length
      target.notes += layer.annotations.filter((a) => a.note !== '').length
      for (const a of layer.annotations) target.labels[a.label] = (target.labels[a.label] ?? 0) + 1
    }
    for (const a of layer.annotations) {
      for (const [id, value] of Object.entries(a.attributes)) {
        const values = (stats.attributes[`${a.label}.${id}`] ??= {})
        values[value] = (values[value] ?? 0) + 1
      }
    }
    const doc = stats.perDocument.find((d) => d.id === layer.document.id)!
    doc.annotations[layer.annotator] = layer.annotations.length
  }
  stats.total.documents = new Set(layers.map((l) => l.document.id)).size
  return stats
}

/** The stats as a few readable tables. */
export function statsSummary(stats: ProjectStats): string {
  const lines = [
    `${stats.name}: ${plural(stats.documents, 'document')}, ${plural(stats.characters, 'character')}, ${plural(stats.annotators.length, 'annotator')}`,
  ]
  const labels = Object.keys(stats.total.labels)
  const names = Object.keys(stats.layers)
  const width = Math.max(12, ...names.map((n) => n.length + 2))
  lines.push('', `${'layer'.padEnd(width)}${['documents', 'annotations', ...labels, 'links', 'notes'].map((h) => h.padStart(12)).join('')}`)
  const row = (name: string, c: { documents: number; annotations: number; labels: Record<string, number>; links: number; notes: number }) =>
    `${name.padEnd(width)}${[c.documents, c.annotations, ...labels.map((l) => c.labels[l] ?? 0), c.links, c.notes].map((v) => String(v).padStart(12)).join('')}`
  for (const name of names) lines.push(row(name === REVIEWED_LAYER_NAME ? '(reviewed)' : name, stats.layers[name]!))
  lines.push(row('all', stats.total))
  lines.push('', 'document status (not started / in progress / done / done, nothing to tag):')
  for (const [annotator, c] of Object.entries(stats.states))
    lines.push(`  ${annotator}: ${c['not-started']} / ${c['in-progress']} / ${c.done} / ${c['nothing-to-tag']}`)
  const attributes = Object.entries(stats.attributes).sort(([a], [b]) => a.localeCompare(b))
  if (attributes.length > 0) {
    lines.push('', 'attribute values (all layers):')
    for (const [key, values] of attributes) {
      const top = Object.entries(values).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      lines.push(
        `  ${key}: ${top
          .slice(0, 8)
          .map(([v, n]) => `${v} ${n}`)
          .join(', ')}${top.length > 8 ? `, … (${top.length} values)` : ''}`,
      )
    }
  }
  return lines.join('\n')
}
