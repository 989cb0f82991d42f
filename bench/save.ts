/**
 * Save latency: from an annotation change to its store fsynced, in a 3-document and a
 * 3,000-document project. Both must cost the same: a save writes one annotator's store of one
 * document, never anything that grows with the project.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Project } from '../electron/core/project/project'

export interface SaveResult {
  documents: number
  saves: number
  medianMs: number
  p95Ms: number
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

/** Median and p95 of `saves` single-annotation saves in a project of `documents` documents. */
export async function measureSave(documents: number, saves = 60): Promise<SaveResult> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-'))
  try {
    const project = await Project.create(join(root, 'p'), `bench ${documents}`)
    const paragraph = 'The minister said the talks had failed, officials in Moscow told reporters on Tuesday. '
    const files = Array.from({ length: documents }, (_, i) => ({
      name: `doc-${i}.txt`,
      bytes: new TextEncoder().encode(`Document ${i}\n\n${paragraph.repeat(40)}`),
    }))
    for (let i = 0; i < files.length; i += 500) await project.importFiles(files.slice(i, i + 500))
    const doc = project.documents[Math.floor(documents / 2)]!
    const text = await project.text(doc.id)
    const layer = await project.layer('bench', doc.id)
    const times: number[] = []
    for (let i = 0; i < saves; i++) {
      const start = performance.now()
      await layer.apply(
        [{ op: 'put', annotation: { id: `a${i}`, label: 'claim', start: 20 + i, end: 60 + i, attributes: {}, note: '' } }],
        text,
        project.tagSet,
        new Date().toISOString(),
      )
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    return { documents, saves, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
