/**
 * Agreement timings: the whole report over the sample project (issue target: under 100 ms), and
 * over 2 annotators x 10,000 annotations on a ~1 MB text; and computing review units for
 * 3 annotators x 2,000 annotations (part of opening review mode).
 */
import { join } from 'node:path'
import { agreementReport, reportToCsvRows } from '../shared/agreement/report'
import { syntheticProject } from '../shared/agreement/synthetic-project'
import { defaultLabels } from '../shared/model/labels'
import type { Annotation } from '../shared/model/annotation'
import { reviewUnits } from '../shared/review/units'
import { projectAgreement } from '../electron/core/app/agreement-service'
import { Project } from '../electron/core/project/project'

export interface Timing {
  name: string
  runs: number
  medianMs: number
  p95Ms: number
}

/** Median and p95 of `runs` runs of `work` (after one warm-up run). */
export async function time(name: string, runs: number, work: () => unknown | Promise<unknown>): Promise<Timing> {
  await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { name, runs, medianMs: times[Math.floor(runs / 2)]!, p95Ms: times[Math.min(runs - 1, Math.floor(runs * 0.95))]! }
}

/** Review units over synthetic layers: `annotators` x `count` annotations on one text. */
function syntheticReviewLayers(annotators: number, count: number) {
  const stamp = '2026-11-01T10:00:00.000Z'
  return Array.from({ length: annotators }, (_unused, w) => ({
    annotator: `a${w}`,
    links: [],
    annotations: Array.from({ length: count }, (_, i): Annotation => {
      const start = i * 50 + ((i * 7 + w * 3) % 5)
      return {
        id: `a${w}-${i}`,
        label: ['claim', 'source', 'stance'][(i + (i % 11 === 0 ? w : 0)) % 3]!,
        target: {
          position: { type: 'TextPositionSelector', start, end: start + 20 + ((i + w) % 4) },
          quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
        },
        attributes: {},
        note: '',
        author: `a${w}`,
        created: stamp,
        modified: stamp,
      }
    }),
  }))
}

/** Every agreement and review timing. */
export async function measureAgreement(): Promise<Timing[]> {
  const sample = await Project.open(join(import.meta.dirname, '..', 'fixtures', 'sample-project'))
  const big = syntheticProject(defaultLabels, 1, 1_000_000, 10_000)
  const layers = syntheticReviewLayers(3, 2000)
  return [
    await time('agreement report, sample project (3 docs x 2 annotators, from disk cache)', 20, () => projectAgreement(sample, null, null)),
    await time('agreement report + CSV rows, 2 x 10,000 annotations on 1 MB', 5, () => reportToCsvRows(agreementReport(big))),
    await time('review units, 3 annotators x 2,000 annotations', 10, () => reviewUnits(layers)),
  ]
}
