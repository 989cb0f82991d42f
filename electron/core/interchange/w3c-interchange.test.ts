/**
 * W3C Web Annotation exports that another tool validating its input accepts: every item checked on
 * its own against the model's MUSTs (with the collection's @context), under the project's URNs and
 * under a base the user gives; and annotations other W3C tools write (a single annotation, an
 * array, a page; texts named by web addresses) placed in the project's texts by quote and position.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isAbsoluteIri, sha256OfTextIri } from '../../../shared/interchange/iris'
import { annotationProblems, collectionProblems } from '../../../shared/interchange/web-annotation-musts'
import { sliceCodePoints } from '../../../shared/offsets'
import { exportProject } from './export-formats'
import { importAnnotations } from './import-annotations'
import type { Project } from '../project/project'
import { FIXTURES, sampleCopies } from '../testing'

const OTHER_TOOLS = join(FIXTURES, 'corpus/w3c-other-tools')
const NOW = '2026-11-02T10:00:00.000Z'

/** Copies of the sample project; with `annotations: false`, the same texts and no layers. */
const copies = sampleCopies()
afterEach(copies.cleanup)
const sample = copies.sample

type Item = Record<string, unknown> & { id: string; motivation: string; target: unknown; body: unknown }

async function exported(project: Project, base: string | null = null) {
  const out = await exportProject(project, { annotators: 'all', reviewed: true, format: 'w3c', base }, new Date(NOW))
  const json = JSON.parse(out.entries[0]!.content as string) as { '@context': unknown; first: { items: Item[] } } & Record<string, unknown>
  return { out, json, items: json.first.items }
}

describe('the W3C Web Annotation export', () => {
  it.each([
    ['the project’s URNs', null],
    ['a base the user gives', 'https://example.org/corpus/'],
  ])('keeps every MUST of the model, item by item, under %s', async (_, base) => {
    const { out, json, items } = await exported(await sample(), base)
    expect(collectionProblems(json)).toEqual([])
    expect(items.length).toBeGreaterThan(out.annotations)
    for (const item of items) expect(annotationProblems(item, json['@context'])).toEqual([])
    for (const item of items) {
      const ids = [item.id, ...(typeof item.target === 'string' ? [item.target] : [(item.target as { source: string }).source])]
      if (item.motivation === 'linking') ids.push((item.body as { source: string }).source)
      for (const iri of ids) expect(isAbsoluteIri(iri)).toBe(true)
      if (base) for (const iri of ids) expect(iri.startsWith(base)).toBe(true)
    }
  })

  it('names a text by its content, so its IRI gives its sha256, and an annotation by project, layer, document and id', async () => {
    const project = await sample()
    const { items } = await exported(project)
    const span = items.find((i) => i.motivation === 'tagging')!
    const source = (span.target as { source: string }).source
    expect(project.documents.map((d) => d.sha256)).toContain(sha256OfTextIri(source))
    expect(span.id).toMatch(new RegExp(`^urn:marginalia:${project.iriId}:(jonas|maria|_reviewed):[a-z0-9-]+:[a-z0-9-]+$`))
    expect(project.iriId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('gives the same bytes after export -> import into a colleague’s copy -> export, with and without a base', async () => {
    for (const base of [null, 'https://example.org/corpus/']) {
      const source = await sample()
      const target = await sample(false)
      const first = await exported(source, base)
      const file = join(target.dir, '..', 'export.jsonld')
      await writeFile(file, first.out.entries[0]!.content)
      const report = await importAnnotations(target, file, 'rita', null, NOW)
      expect(report.errors).toEqual([expect.stringMatching(/reviewed layer/)].slice(0, report.errors.length))
      expect(report.layers.flatMap((l) => l.unplaced)).toEqual([])
      const second = await exportProject(target, { annotators: 'all', reviewed: false, format: 'w3c', base }, new Date(NOW))
      const again = await exportProject(source, { annotators: 'all', reviewed: false, format: 'w3c', base }, new Date(NOW))
      expect(second.entries[0]!.content).toBe(again.entries[0]!.content)
    }
  })
})

describe('annotations from other W3C tools', () => {
  const putin = 'putin-s-muted-response-to-hamas-attack-speaks-vo-b6c2270f'

  it('places a single Hypothesis-style annotation on the text that holds its quote, in the account’s layer', async () => {
    const project = await sample(false)
    const report = await importAnnotations(project, join(OTHER_TOOLS, 'single-annotation.jsonld'), 'rita', null, NOW)
    expect(report.errors).toEqual([])
    expect(report.layers).toEqual([expect.objectContaining({ as: 'lena', document: putin, imported: 1, reanchored: 0, unplaced: [] })])
    const [a] = (await project.layer('lena', putin)).annotations
    expect(a).toMatchObject({
      label: 'source',
      created: '2026-10-20T08:15:00.000Z',
      modified: '2026-10-20T08:16:30.000Z',
      target: { quote: { exact: 'Russian President Vladimir Putin described' } },
    })
  })

  it('places an array of annotations: by position and quote, by quote alone, and by position alone when the other offsets hold', async () => {
    const project = await sample(false)
    const report = await importAnnotations(project, join(OTHER_TOOLS, 'annotations-array.json'), 'rita', null, NOW)
    expect(report.errors).toEqual([])
    expect(report.layers).toEqual([expect.objectContaining({ as: 'lena', document: putin, imported: 3, unplaced: [] })])
    const layer = await project.layer('lena', putin)
    const text = (await project.text(putin)).text
    expect(layer.annotations.map((a) => [a.label, a.target.quote.exact])).toEqual([
      ['claim', 'the importance of creating a Palestinian state'],
      ['source', 'Experts say'],
      ['stance', 'the level of violence'],
    ])
    expect(layer.annotations[0]!.note).toBe('He argues for a state, not for a side.')
    for (const a of layer.annotations)
      expect(sliceCodePoints(text, a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact)
  })

  it('re-anchors a page’s annotation whose position is off, and lists the one whose quote is not in the text', async () => {
    const project = await sample(false)
    const report = await importAnnotations(project, join(OTHER_TOOLS, 'annotation-page.jsonld'), 'rita', null, NOW)
    expect(report.layers).toEqual([
      expect.objectContaining({
        as: 'Lena Weber',
        document: putin,
        imported: 1,
        reanchored: 1,
        unplaced: [expect.objectContaining({ exact: 'words this article never says', reason: 'the quote is not in this text' })],
      }),
    ])
    const [a] = (await project.layer('Lena Weber', putin)).annotations
    expect(a!.target.quote.exact).toBe('After decades of friendly relations with Israel')
    expect(a!.created).toBe('2026-10-21T08:00:00.000Z')
  })
})
