/** The contract methods the import and export dialogs use, called as the UI calls them. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportResult, CsvPreview, ExportedFile } from '../../../shared/api'
import { FIXTURES, contractHost } from '../testing'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function host() {
  const { call, dir, cleanup } = await contractHost()
  cleanups.push(cleanup)
  await call('settings.setAnnotator', { name: 'rita' })
  return { call, dir }
}

const file = (name: string) => ({ name, data: readFileSync(join(FIXTURES, 'corpus/formats', name)).toString('base64') })

describe('import and export through the contract', () => {
  it('previews a CSV, imports it by the chosen columns, and reports encodings', async () => {
    const { call, dir } = await host()
    await call('project.create', { path: join(dir, 'p'), name: 'P' })
    const preview = await call<CsvPreview>('documents.previewCsv', { file: file('corpus.csv') })
    expect(preview.suggested).toEqual({ text: 'text', title: 'title', id: 'id' })
    const result = await call<ImportResult>('documents.import', {
      files: [{ ...file('corpus.csv'), csv: { text: 'text', title: 'speaker' } }, file('windows-1252.txt')],
    })
    expect(result.imported.map((d) => [d.title, d.encoding])).toEqual([
      ['Minister Ní Bhriain', 'utf-8'],
      ['Zoe Nguyễn', 'utf-8'],
      ['Zoé (decomposed)', 'utf-8'],
      [expect.stringMatching(/^Der Sprecher/), 'windows-1252'],
    ])
    expect(result.imported[0]!.properties).toMatchObject({ id: 'sp-001', title: 'Opening statement' })
    expect(result.errors).toEqual([expect.objectContaining({ kind: 'refused', name: 'corpus.csv' })])
    await expect(call('documents.previewCsv', { file: file('broken-unclosed-quote.csv') })).rejects.toThrow(/is not a well-formed CSV file/)
  })

  it('exports every format as one file to save; brat and the archive as base64 zips', async () => {
    const { call, dir } = await host()
    const { cpSync } = await import('node:fs')
    cpSync(join(FIXTURES, 'sample-project'), join(dir, 'sample'), { recursive: true })
    await call('project.open', { path: join(dir, 'sample') })
    const w3c = await call<ExportedFile>('export.annotations', { format: 'w3c', annotator: 'maria' })
    expect(w3c).toMatchObject({ encoding: 'utf8', mediaType: 'application/ld+json', annotations: 44, documents: 3 })
    expect(w3c.filename).toMatch(/-annotations-\d{4}-\d\d-\d\d\.jsonld$/)
    const some = await call<ExportedFile>('export.annotations', {
      format: 'jsonl',
      documents: ['russia-and-iran-as-new-axis-against-the-west-7ff65345'],
    })
    expect(some.documents).toBe(1)
    // Named for the document it holds, not taken for the whole project's file; several by their number.
    expect(some.filename).toMatch(
      /^Sample-project-Russia-Iran-and-Hamas-in-the-news-Russia-and-Iran-as-new-axis-against-the-West-annotations-\d{4}-\d\d-\d\d\.jsonl$/,
    )
    const two = await call<ExportedFile>('export.annotations', {
      format: 'csv',
      documents: ['russia-and-iran-as-new-axis-against-the-west-7ff65345', (await call<{ id: string }[]>('documents.list', {}))[1]!.id],
    })
    expect(two.filename).toMatch(/^Sample-project-Russia-Iran-and-Hamas-in-the-news-2-documents-annotations-\d{4}-\d\d-\d\d\.csv$/)
    // One annotator's layer, or the reviewed layer only, is named in the file's name too.
    expect(w3c.filename).toMatch(/^Sample-project-Russia-Iran-and-Hamas-in-the-news-maria-annotations-/)
    const brat = await call<ExportedFile>('export.annotations', { format: 'brat' })
    expect(brat.encoding).toBe('base64')
    const names = Object.keys(unzipSync(Buffer.from(brat.content, 'base64')))
    expect(names.filter((n) => n.endsWith('.ann'))).toHaveLength(6)
    expect(names.some((n) => n.endsWith('/annotation.conf'))).toBe(true)
    const zip = await call<ExportedFile>('export.annotations', { format: 'zip' })
    expect(Object.keys(unzipSync(Buffer.from(zip.content, 'base64')))).toContain('sample/project.json')
    await expect(call('export.annotations', { format: 'brat', annotator: 'nobody' })).rejects.toThrow(
      'There are no annotations by "nobody" in this project',
    )
    // Mine only before rita has annotated, or the reviewed layer before any review: a sentence, not a file of headers.
    await expect(call('export.annotations', { format: 'csv', layer: 'mine' })).rejects.toThrow(
      'You (rita) have no annotations in this project yet, so Mine only has nothing to export; choose All layers.',
    )
    await expect(call('export.annotations', { format: 'csv', layer: 'reviewed' })).rejects.toThrow(
      'No document has a reviewed layer yet, so Reviewed layer only has nothing to export; settle a review first, or choose All layers.',
    )
    await call('review.acceptAgreed', { document: 'russia-and-iran-as-new-axis-against-the-west-7ff65345', annotators: ['jonas', 'maria'] })
    const reviewed = await call<ExportedFile>('export.annotations', { format: 'csv', layer: 'reviewed' })
    expect(reviewed.filename).toMatch(/^Sample-project-Russia-Iran-and-Hamas-in-the-news-reviewed-annotations-\d{4}-\d\d-\d\d\.csv$/)
  })
})
