/**
 * Export -> import -> export gives identical output, for every format, on the sample project and
 * on the tricky corpus (emoji, combining marks, right-to-left text, CRLF, a very long paragraph).
 */
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExportFormat } from '../../../shared/api'
import { sha256OfTextIri } from '../../../shared/interchange/iris'
import { WebAnnotation, WebAnnotationCollection } from '../../../shared/interchange/web-annotation'
import { sliceCodePoints } from '../../../shared/offsets'
import { archiveProject, unpackArchive } from './export-archive'
import { exportProject, type ExportResult } from './export-formats'
import { importAnnotations } from './import-annotations'
import { Project } from '../project/project'
import { FIXTURES, tagOp, tempDir } from '../testing'
import { acceptAgreed } from '../app/review-service'

const TRICKY = ['emoji.txt', 'combining.txt', 'rtl.txt', 'crlf.txt', 'long-paragraph.txt']
const NOW = '2026-11-02T10:00:00.000Z'
const SELECTION = { annotators: 'all' as const, reviewed: false }

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function temp() {
  const t = await tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

/** A project with the tricky corpus imported, and (when annotated) two annotators' layers on every text. */
async function trickyProject(annotated: boolean): Promise<Project> {
  const project = await Project.create(join(await temp(), 'tricky'), 'Tricky', NOW)
  const files = await Promise.all(
    TRICKY.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(FIXTURES, 'corpus/tricky', name))) })),
  )
  const { errors } = await project.importFiles(files, NOW)
  expect(errors).toEqual([])
  if (!annotated) return project
  const spans: Record<string, [string, string, Record<string, string>, string][]> = {
    'emoji.txt': [
      ['said the talks 👩‍👩‍👧 had "failed"', 'claim', {}, 'ZWJ sequence inside'],
      ['Officials 😀', 'source', { kind: 'unnamed', name: 'Officials 😀' }, ''],
      [
        'denied it, calling the report 🤥 "fabricated".\nA spokesman',
        'stance',
        { polarity: 'against', target: 'the report 🤥' },
        'crosses a line\tand has a tab \\ and backslash',
      ],
    ],
    'combining.txt': [
      ['Zoe\u0301 Nguye\u0302\u0303n', 'source', { kind: 'person', name: 'Zoé Nguyễn' }, ''],
      ['"we will not accept this"', 'claim', {}, 'note with\nnewline'],
    ],
    'rtl.txt': [
      ['"ישראל במלחמה"', 'claim', {}, ''],
      ['حماس لن تستسلم', 'stance', { polarity: 'neutral', target: 'Israel & Hamas 100%' }, ''],
      ['The IDF', 'source', { kind: 'organization' }, ''],
    ],
    'crlf.txt': [
      ['the talks failed".\n\nSecond paragraph', 'claim', {}, 'spans a blank line'],
      ['the minister', 'source', { kind: 'government', name: 'Minister' }, ''],
    ],
    'long-paragraph.txt': [
      ['"the final claim"', 'claim', {}, ''],
      ['😀 and ends', 'stance', { polarity: 'favor' }, ''],
    ],
  }
  for (const doc of project.documents) {
    for (const annotator of ['maria', 'jonas']) {
      const ops = []
      let n = 0
      for (const [quote, label, attributes, note] of spans[doc.importedFrom]!) {
        if (annotator === 'jonas' && label === 'stance') continue
        ops.push(await tagOp(project, doc.id, quote, label, `${annotator}-${++n}`, attributes, annotator === 'maria' ? note : ''))
      }
      const ids = ops.map((o) => (o.op === 'put' ? o.annotation : null)!)
      const source = ids.find((a) => a.label === 'source')
      const linked = ids.filter((a) => a.label !== 'source')
      const links = source
        ? linked.map((a, i) => ({ op: 'link' as const, link: { id: `${annotator}-l-${i + 1}`, from: a.id, to: source.id } }))
        : []
      await (await project.layer(annotator, doc.id)).apply([...ops, ...links], await project.text(doc.id), project.tagSet, NOW)
    }
  }
  return project
}

/** A copy of the sample project, and one with the same texts but no annotations (a colleague's). */
async function sampleProjects(): Promise<{ source: Project; target: Project }> {
  const dir = await temp()
  await cp(join(FIXTURES, 'sample-project'), join(dir, 'source'), { recursive: true })
  await cp(join(FIXTURES, 'sample-project'), join(dir, 'target'), { recursive: true })
  await rm(join(dir, 'target', 'annotations'), { recursive: true })
  await mkdir(join(dir, 'target', 'annotations'))
  return { source: await Project.open(join(dir, 'source')), target: await Project.open(join(dir, 'target')) }
}

/** Write an export where an import can read it: one file, or brat's folder. */
async function writeExport(result: ExportResult, format: ExportFormat): Promise<string> {
  const dir = await temp()
  if (format === 'brat') {
    for (const e of result.entries) {
      await mkdir(dirname(join(dir, 'brat', e.path)), { recursive: true })
      await writeFile(join(dir, 'brat', e.path), e.content)
    }
    return join(dir, 'brat')
  }
  await writeFile(join(dir, result.filename), result.entries[0]!.content)
  return join(dir, result.filename)
}

const text = (r: ExportResult) =>
  r.entries
    .map((e) => `${e.path}\n${typeof e.content === 'string' ? e.content : Buffer.from(e.content).toString('base64')}`)
    .join('\n----\n')

for (const format of ['jsonl', 'w3c', 'brat'] as const) {
  describe(`${format} export -> import -> export`, () => {
    it('is identical on the sample project, and keeps what the CSV export shows', async () => {
      const { source, target } = await sampleProjects()
      const first = await exportProject(source, { ...SELECTION, format }, new Date(NOW))
      expect(first.annotations).toBeGreaterThan(80)
      const report = await importAnnotations(target, await writeExport(first, format), 'rita', null, NOW)
      expect(report.errors).toEqual([])
      expect(report.layers.flatMap((l) => l.unplaced)).toEqual([])
      expect(report.layers.every((l) => l.reanchored === 0)).toBe(true)
      const second = await exportProject(target, { ...SELECTION, format }, new Date(NOW))
      expect(text(second)).toBe(text(first))
      if (format !== 'brat') {
        const csv = async (p: Project) => text(await exportProject(p, { ...SELECTION, format: 'csv' }, new Date(NOW)))
        expect(await csv(target)).toBe(await csv(source))
      }
    })

    it("is identical on the tricky corpus, with every offset still Python's text[start:end]", async () => {
      const source = await trickyProject(true)
      const target = await trickyProject(false)
      const first = await exportProject(source, { ...SELECTION, format }, new Date(NOW))
      const report = await importAnnotations(target, await writeExport(first, format), 'rita', null, NOW)
      expect(report.errors).toEqual([])
      expect(report.layers.flatMap((l) => l.unplaced)).toEqual([])
      const second = await exportProject(target, { ...SELECTION, format }, new Date(NOW))
      expect(text(second)).toBe(text(first))
      for (const doc of target.documents) {
        const stored = await readFile(join(target.dir, doc.file), 'utf8')
        for (const annotator of ['maria', 'jonas']) {
          for (const a of (await target.layer(annotator, doc.id)).annotations) {
            expect(sliceCodePoints(stored, a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact)
          }
        }
      }
    })
  })
}

describe('a brat export imported back into its own project', () => {
  it('changes nothing: each annotation is known again by label and span and keeps its id and times', async () => {
    const { source } = await sampleProjects()
    const before = await exportProject(source, { ...SELECTION, format: 'jsonl' }, new Date(NOW))
    const brat = await writeExport(await exportProject(source, { ...SELECTION, format: 'brat' }, new Date(NOW)), 'brat')
    // maria is the one importing: her own layer comes back as itself, not as "maria-imported".
    const report = await importAnnotations(source, brat, 'maria', null, NOW)
    expect(report.errors).toEqual([])
    expect(report.layers.map((l) => [l.as, l.skipped])).toEqual(
      report.layers.map((l) => [
        l.from === 'maria' ? 'maria-imported' : l.from,
        l.from === 'maria' ? 'the same as your own layer' : 'already up to date',
      ]),
    )
    expect(await readdir(join(source.dir, 'annotations'))).toEqual(['jonas', 'maria'])
    expect(text(await exportProject(source, { ...SELECTION, format: 'jsonl' }, new Date(NOW)))).toBe(text(before))

    // A colleague's note changed in brat: that annotation keeps its id and created time, dated now as changed.
    const jonasDoc = source.documents.find((d) => d.title.startsWith('Russia and Iran'))!.id
    const ann = join(brat, 'jonas', `${jonasDoc}.ann`)
    const lines = (await readFile(ann, 'utf8')).split('\n')
    const note = lines.findIndex((l) => l.includes('\tAnnotatorNotes '))
    lines[note] = `${lines[note]!.split('\t').slice(0, 2).join('\t')}\tchanged in brat`
    await writeFile(ann, lines.join('\n'))
    const ids = (await source.layer('jonas', jonasDoc)).annotations.map((a) => a.id).sort()
    const again = await importAnnotations(source, brat, 'maria', null, '2026-11-03T10:00:00.000Z')
    expect(again.layers.find((l) => l.from === 'jonas' && l.document === jonasDoc)?.skipped).toBeNull()
    const after = (await source.layer('jonas', jonasDoc)).annotations
    expect(after.map((a) => a.id).sort()).toEqual(ids)
    const changed = after.filter((a) => a.note === 'changed in brat')
    expect(changed).toHaveLength(1)
    expect(changed[0]!.modified).toBe('2026-11-03T10:00:00.000Z')
    expect(changed[0]!.created < '2026-11-03').toBe(true)
  })
})

describe('a zip as the app saves it', () => {
  it('imports from brat’s zip and from a project archive as from their folders', async () => {
    const { source, target } = await sampleProjects()
    const brat = await exportProject(source, { ...SELECTION, format: 'brat' }, new Date(NOW))
    const dir = await temp()
    const zip = join(dir, 'brat.zip')
    await writeFile(
      zip,
      zipSync(Object.fromEntries(brat.entries.map((e) => [e.path, typeof e.content === 'string' ? strToU8(e.content) : e.content]))),
    )
    const fromZip = await importAnnotations(target, zip, 'rita', null, NOW)
    expect(fromZip.errors).toEqual([])
    expect(fromZip.layers.flatMap((l) => l.unplaced)).toEqual([])
    expect(text(await exportProject(target, { ...SELECTION, format: 'brat' }, new Date(NOW)))).toBe(text(brat))

    const archive = join(dir, 'archive.zip')
    await writeFile(archive, (await archiveProject(source)).bytes)
    const again = await importAnnotations(target, archive, 'rita', null, NOW)
    expect(again.errors).toEqual([])
    expect(again.layers.length).toBeGreaterThan(0)
    await writeFile(join(dir, 'junk.zip'), 'not a zip')
    await expect(importAnnotations(target, join(dir, 'junk.zip'), 'rita', null, NOW)).rejects.toThrow(
      /^junk\.zip is not a zip Marginalia can read/,
    )
  })
})

describe('a reviewed layer in an export', () => {
  it('is refused as such in every format, in one sentence, and lands in a layer the user names', async () => {
    const { source, target } = await sampleProjects()
    const doc = source.documents[0]!.id
    const reviewed = await acceptAgreed(source, doc, ['maria', 'jonas'], 'rita')
    expect(reviewed.annotations.length).toBeGreaterThan(0)
    for (const format of ['jsonl', 'w3c', 'brat'] as const) {
      const file = await writeExport(await exportProject(source, { annotators: [], reviewed: true, format }, new Date(NOW)), format)
      const refused = await importAnnotations(target, file, 'rita', null, NOW)
      expect(refused.layers).toEqual([])
      expect(refused.errors, format).toEqual([
        `The reviewed layer (${reviewed.annotations.length} annotations) was not imported: a reviewed layer is made by reviewing in this project (send the project archive to share one); to compare it, import it into a layer you name.`,
      ])
      const named = await importAnnotations(target, file, 'rita', `review-${format}`, NOW)
      expect(named.errors, format).toEqual([])
      expect(named.layers.map((l) => [l.as, l.imported])).toEqual([[`review-${format}`, reviewed.annotations.length]])
    }
  })
})

describe('project archive', () => {
  it('unpacks into a project that opens and archives to the same bytes', async () => {
    const source = await trickyProject(true)
    // The guidelines go too: a colleague codes by them (they were left out).
    await writeFile(join(source.dir, 'guidelines.md'), '# Guidelines\n\nA *claim* is…\n')
    const first = await archiveProject(source)
    expect(first.files).toContain('project.json')
    expect(first.files).toContain('guidelines.md')
    expect(first.files.filter((f) => f.startsWith('annotations/maria/'))).toHaveLength(5)
    expect(first.files.some((f) => f.startsWith('.marginalia'))).toBe(false)
    const into = await temp()
    await unpackArchive(first.bytes, into)
    const copy = await Project.open(join(into, first.folder))
    expect(copy.documents).toEqual(source.documents)
    expect(await readFile(join(into, first.folder, 'guidelines.md'), 'utf8')).toBe('# Guidelines\n\nA *claim* is…\n')
    expect(Buffer.from((await archiveProject(copy)).bytes).equals(Buffer.from(first.bytes))).toBe(true)
  })
})

describe('W3C Web Annotation output', () => {
  it('is a valid AnnotationCollection of valid Web Annotations, with code point positions and quotes', async () => {
    const { source } = await sampleProjects()
    const out = await exportProject(source, { ...SELECTION, format: 'w3c' }, new Date(NOW))
    const json = JSON.parse(out.entries[0]!.content as string)
    expect(WebAnnotationCollection.safeParse(json).success).toBe(true)
    expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld')
    const spans = json.first.items.filter((a: { motivation: string }) => a.motivation === 'tagging')
    const links = json.first.items.filter((a: { motivation: string }) => a.motivation === 'linking')
    expect(spans).toHaveLength(out.annotations)
    expect(links.length).toBeGreaterThan(20)
    const stance = spans.find((a: { body: { purpose: string; value: string }[] }) => a.body.some((b) => b.value === 'stance'))
    expect(stance).toMatchObject({
      type: 'Annotation',
      id: expect.stringMatching(/^urn:marginalia:[0-9a-f-]{36}:(maria|jonas):[a-z0-9-]+:(maria|jonas)-\d+$/),
      target: {
        source: expect.stringMatching(/^ni:\/\/\/sha-256;[A-Za-z0-9_-]{43}$/),
        selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }],
      },
      creator: { type: 'Person' },
    })
    expect(stance.body[0]).toEqual({ type: 'TextualBody', purpose: 'tagging', value: 'stance' })
    expect(stance.body.find((b: { 'marginalia:attribute'?: string }) => b['marginalia:attribute'] === 'polarity')).toMatchObject({
      purpose: 'classifying',
    })
    const doc = source.documents.find((d) => d.sha256 === sha256OfTextIri(stance.target.source))!
    const stored = await readFile(join(source.dir, doc.file), 'utf8')
    const [quote, position] = stance.target.selector
    expect(sliceCodePoints(stored, position.start, position.end)).toBe(quote.exact)
    const ids = new Set(spans.map((a: { id: string }) => a.id))
    for (const l of links) {
      expect(ids.has(l.target)).toBe(true)
      expect(ids.has(l.body.source)).toBe(true)
      expect(l.body.purpose).toBe('linking')
    }
  })

  it('the structural check rejects what the model forbids', () => {
    const ok = { id: 'a', type: 'Annotation', target: 'texts/x.txt' }
    expect(WebAnnotation.safeParse(ok).success).toBe(true)
    expect(WebAnnotation.safeParse({ ...ok, target: undefined }).success).toBe(false)
    expect(WebAnnotation.safeParse({ ...ok, type: 'Note' }).success).toBe(false)
    expect(WebAnnotation.safeParse({ ...ok, motivation: 'liking' }).success).toBe(false)
    expect(WebAnnotation.safeParse({ ...ok, created: '2026-11-02' }).success).toBe(false)
    expect(WebAnnotation.safeParse({ ...ok, body: { type: 'TextualBody' } }).success).toBe(false)
    expect(
      WebAnnotation.safeParse({ ...ok, target: { source: 'x', selector: { type: 'TextPositionSelector', start: 5, end: 2 } } }).success,
    ).toBe(false)
  })
})

describe('brat output', () => {
  it('writes T, A, R and # lines with code point offsets, fragments split at line breaks, and a conf brat can read', async () => {
    const source = await trickyProject(true)
    const out = await exportProject(source, { annotators: ['maria'], reviewed: false, format: 'brat' }, new Date(NOW))
    const file = (p: string) => out.entries.find((e) => e.path === p)!.content as string
    const emoji = source.documents.find((d) => d.importedFrom === 'emoji.txt')!.id
    const ann = file(`maria/${emoji}.ann`)
    expect(ann).toBe(
      [
        'T1\tSource 0 11\tOfficials 😀',
        'T2\tClaim 12 45\tsaid the talks 👩‍👩‍👧 had "failed"',
        'T3\tStance 63 108;109 120\tdenied it, calling the report 🤥 "fabricated". A spokesman',
        'A1\tKind T1 unnamed',
        'A2\tPolarity T3 against',
        'R1\tAttributedTo Arg1:T2 Arg2:T1\t',
        'R2\tAttributedTo Arg1:T3 Arg2:T1\t',
        '#1\tName T1\tOfficials 😀',
        '#2\tAnnotatorNotes T2\tZWJ sequence inside',
        '#3\tTarget T3\tthe report 🤥',
        '#4\tAnnotatorNotes T3\tcrosses a line\\tand has a tab \\\\ and backslash',
        '',
      ].join('\n'),
    )
    const txt = file(`maria/${emoji}.txt`)
    // The offsets Python gives: t.index('said the talks 👩‍👩‍👧 had "failed"') == 12, and the ZWJ family is 5 code points.
    expect(sliceCodePoints(txt, 12, 45)).toBe('said the talks 👩‍👩‍👧 had "failed"')
    expect(sliceCodePoints(txt, 108, 109)).toBe('\n')
    expect(file('annotation.conf')).toContain('AttributedTo\tArg1:Claim|Stance, Arg2:Source')
    expect(file('annotation.conf')).toContain('Polarity\tArg:Stance, Value:favor|against|neutral')
    expect(file('annotation.conf')).toContain('<OVERLAP>')
    expect(out.warnings).toEqual([])
  })
})

describe("importing other tools' annotations", () => {
  it('re-anchors W3C annotations by quote when the text differs, and lists what cannot be placed', async () => {
    const source = await trickyProject(true)
    const out = await exportProject(source, { annotators: ['maria'], reviewed: false, format: 'w3c' }, new Date(NOW))
    const json = JSON.parse(out.entries[0]!.content as string)
    // Another tool's copy: positions shifted by 3, one quote that is not in the text, one unknown label.
    for (const a of json.first.items) if (a.motivation === 'tagging') a.target.selector[1].start += 3
    const spans = json.first.items.filter((a: { motivation: string }) => a.motivation === 'tagging')
    spans[0].target.selector[0].exact = 'words that are nowhere'
    spans[1].body[0].value = 'rumour'
    delete json['marginalia:documents']
    const dir = await temp()
    await writeFile(join(dir, 'other.jsonld'), JSON.stringify(json))
    const target = await trickyProject(false)
    const report = await importAnnotations(target, join(dir, 'other.jsonld'), 'rita', null, NOW)
    const unplaced = report.layers.flatMap((l) => l.unplaced)
    expect(unplaced).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ exact: 'words that are nowhere', reason: 'the quote is not in this text' }),
        expect.objectContaining({ reason: 'its label "rumour" is not a label of this project' }),
      ]),
    )
    const placed = report.layers.reduce((n, l) => n + l.imported, 0)
    expect(placed).toBe(out.annotations - 2)
    expect(report.layers.reduce((n, l) => n + l.reanchored, 0)).toBe(placed)
    for (const doc of target.documents) {
      if (!(await target.hasLayer('maria', doc.id))) continue
      const stored = await readFile(join(target.dir, doc.file), 'utf8')
      for (const a of (await target.layer('maria', doc.id)).annotations) {
        expect(sliceCodePoints(stored, a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact)
      }
    }
  })

  it('imports a brat .ann file into the layer the user names, and asks for one when none is given', async () => {
    const target = await trickyProject(false)
    const rtl = target.documents.find((d) => d.importedFrom === 'rtl.txt')!
    const dir = await temp()
    await writeFile(
      join(dir, 'notes.ann'),
      'T1\tClaim 15 27\tישראל במלחמה\nT2\tEvent 0 3\tThe\nE1\tAttack:T2\n#1\tAnnotatorNotes T1\tHebrew\\nquote\nT3\tClaim 2 10\tמקור בכיר\n',
    )
    await writeFile(join(dir, 'notes.txt'), await readFile(join(target.dir, rtl.file), 'utf8'))
    expect((await importAnnotations(target, join(dir, 'notes.ann'), 'rita', null, NOW)).errors).toContain(
      'notes.ann does not say whose annotations these are; name the layer to import them into (as).',
    )
    const report = await importAnnotations(target, join(dir, 'notes.ann'), 'rita', 'ahmed', NOW)
    expect(report.errors).toEqual(['notes.ann, line 3: "E1\tAttack:T2" is not a span, attribute, relation or note Marginalia imports.'])
    expect(report.layers[0]).toMatchObject({
      as: 'ahmed',
      document: rtl.id,
      imported: 2,
      reanchored: 1,
      unplaced: [{ id: 'T2', exact: 'The', reason: 'its type "Event" is not a label of this project' }],
    })
    // T3's offsets are wrong for this .txt: its text is found again by quote, on the second line.
    const [claim, moved] = (await target.layer('ahmed', rtl.id)).annotations
    expect(moved!.target.quote.exact).toBe('מקור בכיר')
    expect(claim).toMatchObject({ label: 'claim', note: 'Hebrew\nquote', author: 'ahmed', target: { quote: { exact: 'ישראל במלחמה' } } })
  })

  it('says so when a span starts or ends with a line break brat cannot show', async () => {
    const target = await trickyProject(false)
    const doc = target.documents.find((d) => d.importedFrom === 'crlf.txt')!
    await (
      await target.layer('maria', doc.id)
    ).apply([await tagOp(target, doc.id, 'failed".\n\n', 'claim', 'c1')], await target.text(doc.id), target.tagSet, NOW)
    const out = await exportProject(target, { annotators: ['maria'], reviewed: false, format: 'brat' }, new Date(NOW))
    expect(out.warnings).toEqual(['1 annotation begins or ends with a line break, which brat cannot show; they were exported without it.'])
    expect(await readdir(join(FIXTURES, 'corpus/tricky'))).toContain('README.md')
  })
})
