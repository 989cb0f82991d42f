import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../model/labels'
import { agreementReport, reportToCsvRows } from './report'
import { syntheticProject } from './synthetic-project'

/** The fastest of a few runs, in milliseconds: the figure least disturbed by other work on the machine. */
function fastest(runs: number, work: () => void): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

describe('agreement performance', () => {
  it('computes a 3-document, 2-annotator project far under 100 ms', () => {
    const project = syntheticProject(defaultLabels, 3, 8000, 15)
    expect(fastest(3, () => reportToCsvRows(agreementReport(project)))).toBeLessThan(100)
  })

  it('computes 2 x 10,000 annotations on a ~1 MB text well under a second', () => {
    const project = syntheticProject(defaultLabels, 1, 1_000_000, 10_000)
    let tokens = 0
    const ms = fastest(2, () => {
      tokens = agreementReport(project).project.tokens.tokens
    })
    expect(tokens).toBeGreaterThan(100_000)
    expect(ms).toBeLessThan(1000)
  })
})
