/**
 * Save latency: from an annotation change to its store fsynced, in a 3-document and a
 * 3,000-document project. Both must cost the same: a save writes one annotator's store of one
 * document, never anything that grows with the project. And one annotation saved into a layer
 * that already holds 50,000 (the 5 MB text): a save rewrites its layer's whole store, so this is
 * the host's work after every key at that size (with its processor time: on two cores it competes
 * with the page's).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Project } from '../electron/core/project/project'
import { CASES, caseData, putOps } from './projects'

export interface SaveResult {
  documents: number
  saves: number
  medianMs: number
  p95Ms: number
  /** Set for the save into a full layer: how many annotations it held, and the median processor time. */
  layerAnnotations?: number
  cpuMedianMs?: number
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

/** Median and p95 of `saves` single-annotation saves into one annotator's layer of 50,000 annotations. */
export async function measureBigLayerSave(saves = 15): Promise<SaveResult> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-'))
  try {
    const big = CASES.find((c) => c.name === '5mb')!
    const { corpus, spans } = caseData(big)
    const project = await Project.create(join(root, 'p'), 'bench full layer')
    const { imported } = await project.importFiles([{ name: 'bench.txt', bytes: new TextEncoder().encode(corpus.text) }])
    const doc = imported[0]!
    const text = await project.text(doc.id)
    const layer = await project.layer('bench', doc.id)
    await layer.apply(putOps(spans, 'b'), text, project.tagSet, new Date().toISOString())
    const times: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < saves; i++) {
      const start = performance.now()
      const used = process.cpuUsage()
      await layer.apply(
        [{ op: 'put', annotation: { id: `extra${i}`, label: 'claim', start: 20 + i, end: 60 + i, attributes: {}, note: '' } }],
        text,
        project.tagSet,
        new Date().toISOString(),
      )
      const { user, system } = process.cpuUsage(used)
      times.push(performance.now() - start)
      cpu.push((user + system) / 1000)
    }
    times.sort((a, b) => a - b)
    cpu.sort((a, b) => a - b)
    return {
      documents: 1,
      saves,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      layerAnnotations: layer.annotations.length - saves,
      cpuMedianMs: quantile(cpu, 0.5),
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
