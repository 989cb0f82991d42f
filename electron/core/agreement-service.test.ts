import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { agreementCsv, projectAgreement } from './agreement-service'
import { Project } from './project'

const sample = () => Project.open(join(import.meta.dirname, '..', '..', 'fixtures', 'sample-project'))

describe('agreement over a project on disk', () => {
  it('compares the sample project\'s two annotators per label, per document and pooled', async () => {
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
    await expect(projectAgreement(project, ['maria', 'nobody'], null)).rejects.toThrow(/no annotations by nobody/)
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

describe('a layer exists only where its annotator saved something', () => {
  it('opening documents writes nothing, and the app and the CLI give the same figures', async () => {
    const { cp, mkdtemp, readdir, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { Workbench } = await import('./workbench')
    const { createHandlers } = await import('./handlers')
    const { dispatch } = await import('../../shared/api')
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-layers-'))
    try {
      const projectDir = join(dir, 'project')
      await cp(join(import.meta.dirname, '..', '..', 'fixtures', 'sample-project'), projectDir, { recursive: true })
      const wb = await Workbench.start({ configDir: join(dir, 'config'), host: 'browser', version: 'test' })
      const call = async (method: string, args: unknown) => {
        const result = await dispatch(createHandlers(wb), method, args)
        if (!result.ok) throw new Error(result.error.message)
        return result.value as never
      }
      await call('settings.setAnnotator', { name: 'rita' })
      await call('project.open', { path: projectDir })
      const [first, ...others] = (await call('documents.list', {})) as { id: string }[]
      await call('annotations.apply', { document: first!.id, ops: [{ op: 'put', annotation: { id: 'rita-001', label: 'claim', start: 0, end: 6, attributes: {}, note: '' } }] })
      for (const d of others) await call('documents.open', { id: d.id })
      await call('review.progress', { annotators: null })
      expect(await readdir(join(projectDir, 'annotations', 'rita'))).toEqual([`${first!.id}.json`])

      const inApp = await call('agreement.report', { annotators: null, document: null })
      const fromCli = await projectAgreement(await Project.open(projectDir), null, null)
      expect(inApp).toEqual(fromCli)
      const exported = (await call('export.annotations', { format: 'brat', layer: 'all' })) as { documents: number; annotations: number }
      expect(exported.documents).toBe(3)
      wb.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
