/**
 * Document properties end to end in the core: filled at import from a web page's <meta> tags and
 * a Word file's core properties, edited through the contract (set, change, remove; refused names
 * in one sentence), and saved with compare-and-swap, so two windows changing properties of the
 * same document at once keep both changes.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/api'
import { ProjectFile } from '../../../shared/model/project'
import { createHandlers } from '../app/handlers'
import { Workbench } from '../app/workbench'
import { Project } from '../project/project'
import { projectWith, tempDir } from '../testing'
import { docxCoreProperties } from './import-docx'
import { htmlToText } from './import-html'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const PAGE = `<!DOCTYPE html><html><head>
<title>Ceasefire talks stall - World News</title>
<meta property="og:site_name" content="World News">
<meta name="author" content="  A.   Writer ">
<meta name="date" content="2023-10-01">
<meta property="article:published_time" content="2023-10-12T14:40:00-04:00">
<meta property="og:url" content="https://news.example/ceasefire">
<link rel="canonical" href="https://news.example/other">
</head><body><article><p>Talks stalled, officials said.</p></article></body></html>`

/** A minimal Word file: one paragraph, and core properties when given. */
function docx(text: string, core: string | null): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  }
  if (core !== null) {
    files['docProps/core.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${core}</cp:coreProperties>`,
    )
  }
  return zipSync(files, { mtime: new Date('2026-10-01T00:00:00Z') })
}

describe('properties at import', () => {
  it("takes a web page's date, outlet, author and address from its meta tags, the most trusted name first", () => {
    const page = htmlToText('page.html', PAGE)
    expect(page.properties).toEqual({
      date: '2023-10-12T14:40:00-04:00',
      outlet: 'World News',
      author: 'A. Writer',
      url: 'https://news.example/ceasefire',
    })
    expect(page.text).toBe('Talks stalled, officials said.\n')
  })

  it("titles a page by the headline it gives its sharers, without the site's name that <title> adds", () => {
    const head = (metas: string) =>
      `<html><head><title>Talks stall | The Daily Planet</title>${metas}</head><body><h1>Talks</h1><p>x</p></body></html>`
    expect(htmlToText('a.html', head('<meta property="og:title" content=" Talks  stall ">')).title).toBe('Talks stall')
    expect(htmlToText('b.html', head('<meta name="twitter:title" content="Talks stall, again">')).title).toBe('Talks stall, again')
    expect(htmlToText('c.html', head('<meta property="og:title" content="  ">')).title).toBe('Talks stall | The Daily Planet')
    expect(htmlToText('d.html', '<h1>Only a heading</h1><p>x</p>').title).toBe('Only a heading')
  })

  it('gives a page without meta tags no properties, and takes a canonical link as its address', () => {
    expect(htmlToText('bare.html', '<p>Just text.</p>').properties).toBeNull()
    const linked = htmlToText(
      'linked.html',
      '<head><link rel="canonical" href="https://a.example/x"><meta name="DC.Date" content="2023-11-07"></head><p>x</p>',
    )
    expect(linked.properties).toEqual({ url: 'https://a.example/x', date: '2023-11-07' })
  })

  it("takes a Word file's title, author (creator) and date (created) from its core properties", () => {
    const core =
      '<dc:title>Interview on the ceasefire</dc:title><dc:creator>Rita Sousa</dc:creator><cp:lastModifiedBy>Someone Else</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2023-10-19T08:00:00Z</dcterms:created>'
    expect(docxCoreProperties(docx('Text.', core))).toEqual({
      title: 'Interview on the ceasefire',
      properties: { author: 'Rita Sousa', date: '2023-10-19T08:00:00Z' },
    })
    expect(docxCoreProperties(docx('Text.', null))).toEqual({ title: null, properties: null })
  })

  it('stores them in project.json with the document, and the list shows them', async () => {
    const core = '<dc:title>Interview on the ceasefire</dc:title><dc:creator>Rita Sousa &amp; Co</dc:creator>'
    const { project, cleanup } = await projectWith({ 'page.html': PAGE, 'interview.docx': docx('The minister said no.', core) })
    cleanups.push(cleanup)
    // One import's documents follow their file names' order.
    const [word, page] = project.documents
    expect(page).toMatchObject({ title: 'Ceasefire talks stall - World News', properties: { outlet: 'World News', author: 'A. Writer' } })
    expect(word).toMatchObject({ title: 'Interview on the ceasefire', properties: { author: 'Rita Sousa & Co' } })
    const onDisk = ProjectFile.parse(JSON.parse(await readFile(join(project.dir, 'project.json'), 'utf8')))
    expect(onDisk.documents.map((d) => d.properties)).toEqual([{ author: 'Rita Sousa & Co' }, page!.properties])
  })

  it('keeps every CSV column but the text as a property, the title and id too, trimmed; a blank cell adds none', async () => {
    const csv = 'id,headline,author,outlet,text\r\nA-17,Talks stall, ,  Daily Planet ,The talks failed.\r\n'
    const { project, cleanup } = await projectWith({ 'corpus.csv': csv })
    cleanups.push(cleanup)
    const [doc] = project.documents
    expect(doc).toMatchObject({ title: 'Talks stall', properties: { id: 'A-17', headline: 'Talks stall', outlet: 'Daily Planet' } })
    expect(Object.keys(doc!.properties!)).toEqual(['id', 'headline', 'outlet'])
  })
})

describe('editing properties (documents.setProperties)', () => {
  async function workbenches(n: number) {
    const { dir, cleanup } = await tempDir()
    cleanups.push(cleanup)
    const project = await Project.create(join(dir, 'project'), 'Properties')
    const { imported } = await project.importFiles([{ name: 'talks.txt', bytes: strToU8('The talks failed, the minister said.') }])
    const wbs: Workbench[] = []
    for (let i = 0; i < n; i++) {
      const wb = await Workbench.start({ configDir: join(dir, `config-${i}`), host: 'browser', version: 'test' })
      cleanups.push(() => wb.close())
      await wb.setAnnotator('maria')
      await wb.open(project.dir)
      wbs.push(wb)
    }
    return { wbs, doc: imported[0]!.id, file: join(project.dir, 'project.json') }
  }

  it('sets, changes and removes keys, leaving the others as they are, and shows them in the list', async () => {
    const { wbs, doc, file } = await workbenches(1)
    const handlers = createHandlers(wbs[0]!)
    const set = await dispatch(handlers, 'documents.setProperties', {
      id: doc,
      properties: { date: ' 2023-10-12 ', outlet: 'CBC News', url: 'https://cbc.example/a' },
    })
    expect(set).toMatchObject({
      ok: true,
      value: { id: doc, properties: { date: '2023-10-12', outlet: 'CBC News', url: 'https://cbc.example/a' } },
    })
    await dispatch(handlers, 'documents.setProperties', { id: doc, properties: { outlet: 'CBC', url: null, author: '  ' } })
    expect((await wbs[0]!.listDocuments())[0]!.properties).toEqual({ date: '2023-10-12', outlet: 'CBC' })
    await dispatch(handlers, 'documents.setProperties', { id: doc, properties: { date: null, outlet: null } })
    const onDisk = ProjectFile.parse(JSON.parse(await readFile(file, 'utf8')))
    expect(onDisk.documents[0]).not.toHaveProperty('properties')
  })

  it('keeps both changes when two windows set properties of the same document at once', async () => {
    const { wbs, doc, file } = await workbenches(2)
    const [one, two] = wbs as [Workbench, Workbench]
    await Promise.all([
      one.setProperties(doc, { date: '2023-10-12' }),
      two.setProperties(doc, { outlet: 'CBC News' }),
      two.rename(doc, 'Talks'),
    ])
    const onDisk = ProjectFile.parse(JSON.parse(await readFile(file, 'utf8')))
    expect(onDisk.documents[0]).toMatchObject({ title: 'Talks', properties: { date: '2023-10-12', outlet: 'CBC News' } })
  })

  it('refuses a name with control characters or spaces at its ends, and an unknown document, in one sentence', async () => {
    const { wbs, doc } = await workbenches(1)
    const handlers = createHandlers(wbs[0]!)
    const bad = await dispatch(handlers, 'documents.setProperties', { id: doc, properties: { ' date': '2023-10-12' } })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: '" date" starts or ends with a space; give the property a name without one.' },
    })
    const line = await dispatch(handlers, 'documents.setProperties', { id: doc, properties: { 'out\nlet': 'CBC' } })
    expect(line).toMatchObject({
      error: { code: 'invalid', message: expect.stringMatching(/holds a control character \(such as a line break\)/) },
    })
    const missing = await dispatch(handlers, 'documents.setProperties', { id: 'no-such-doc', properties: { date: '2023-10-12' } })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'There is no document "no-such-doc" in this project; it may have been removed.' },
    })
    expect((await wbs[0]!.listDocuments())[0]!.properties).toEqual({})
  })
})
