import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { agreementCsv, projectAgreement } from './agreement-service'
import { Project } from '../project/project'
import { FIXTURES } from '../testing'

const sample = () => Project.open(join(FIXTURES, 'sample-project'))

describe('agreement over a project on disk', () => {
  it("compares the sample project's two annotators per label, per document and pooled", async () => {
    const report = await projectAgreement(await sample(), null, null)
    expect(report.annotators).toEqual(['jonas', 'maria'])
    expect(report.documents).toHaveLength(3)
    const overall = report.project.tokens.overall.pairs[0]!
    expect(overall.kappa).toBeGreaterThan(0.5)
    expect(overall.kappa).toBeLessThan(1)
    const f1 = report.project.spans[0]!.exact.find((s) => s.label === 'all')!
    // The fixture's README: about 70% of spans agree exactly in span and label.
    expect(f1.f1).toBeCloseTo(0.697, 2)
  })

  it('gives one document on request, and refuses annotators who have no annotations', async () => {
    const project = await sample()
    const doc = project.documents[0]!.id
    const report = await projectAgreement(project, ['maria', 'jonas'], doc)
    expect(report.documents.map((d) => d.scope)).toEqual([doc])
    expect(report.annotators).toEqual(['maria', 'jonas'])
    await expect(projectAgreement(project, ['maria', 'nobody'], null)).rejects.toThrow(/no annotations by "nobody"/)
    await expect(projectAgreement(project, ['maria'], null)).rejects.toThrow(
      'Agreement compares two or more annotators, and only maria was named; this project’s annotators are jonas, maria.',
    )
  })

  it('exports a long CSV table with empty cells for undefined figures', async () => {
    const csv = agreementCsv(await projectAgreement(await sample(), null, null))
    const rows = parse(csv, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual(['scope', 'label', 'metric', 'annotator_a', 'annotator_b', 'value', 'n'])
    const kappa = rows.find((r) => r.scope === 'project' && r.label === 'all' && r.metric === 'token_kappa')!
    expect(Number(kappa.value)).toBeGreaterThan(0.5)
    for (const r of rows) expect(r.value === '' || Number.isFinite(Number(r.value))).toBe(true)
  })
})
