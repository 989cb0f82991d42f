import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { previewCsv } from './import-csv'
import { LARGE_FILE, prepareImports } from './import-files'
import { FIXTURES, projectWith } from '../testing'

const FORMATS = join(FIXTURES, 'corpus/formats')
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(FORMATS, name))) })

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function importInto(...files: ReturnType<typeof fixture>[]) {
  const p = await projectWith({})
  cleanups.push(p.cleanup)
  const result = await p.project.importFiles(files)
  return { ...p, ...result }
}

describe('importing web pages', () => {
  it('keeps the article, drops scripts, styles, navigation, forms and hidden text, and decodes entities', async () => {
    const { texts, problems } = await prepareImports([fixture('article.html')])
    expect(problems).toEqual([])
    const [page] = texts
    expect(page!.title).toBe('Russia & Iran: a “new axis”?')
    expect(page!.encoding).toBe('utf-8')
    expect(page!.text).toBe(
      [
        'Russia & Iran: a “new axis”?',
        'By A. Writer · 12\u00a0October\u00a02023',
        'Moscow has not condemned the attack, officials said — and Tehran 😀 welcomed it.',
        'The ministry\'s spokeswoman, Zoe\u0301 Nguyễn, said:\n"We will not accept this."',
        'ישראל במלחמה — حماس لن تستسلم',
        'First point',
        'Second point',
        'Country\tPosition',
        'Russia\tabstained',
      ].join('\n\n') + '\n',
    )
    for (const gone of [
      'injected',
      'tracking',
      'NOT TEXT',
      'World News',
      'Politics',
      'hidden teaser',
      'Subscribe',
      'Related',
      'JavaScript',
      'NewsArticle',
    ]) {
      expect(page!.text).not.toContain(gone)
    }
  })

  it("believes a page's declared charset when its bytes are not UTF-8", async () => {
    const { texts } = await prepareImports([fixture('declared-windows-1252.html')])
    expect(texts[0]).toMatchObject({ title: 'Café', encoding: 'windows-1252', text: 'Le café coûte 2 €, a dit le ministre – “enfin”.\n' })
  })

  it('refuses a page with nothing but scripts, and a page nested thousands deep, with one sentence each', async () => {
    const { problems } = await prepareImports([fixture('broken-only-scripts.html'), fixture('broken-deeply-nested.html')])
    expect(problems).toEqual([
      {
        name: 'broken-only-scripts.html',
        kind: 'refused',
        message: 'broken-only-scripts.html has no text to annotate once scripts, styles and navigation are left out.',
      },
      {
        name: 'broken-deeply-nested.html',
        kind: 'refused',
        message:
          "broken-deeply-nested.html has elements nested more than 512 deep, which no real page has, so it was not imported; save the page's text as .txt and import that.",
      },
    ])
  })
})

describe('importing Word files', () => {
  it('takes the paragraphs of a .docx, with emoji, combining marks and right-to-left text intact', async () => {
    const { imported, errors } = await importInto(fixture('interview.docx'))
    expect(errors).toEqual([])
    expect(imported[0]).toMatchObject({ title: 'Interview with a ministry spokeswoman', importedFrom: 'interview.docx' })
    expect(imported[0]!.encoding).toBeUndefined()
  })

  it('refuses a truncated .docx and a zip bomb with one sentence, quickly', async () => {
    const started = Date.now()
    const { problems } = await prepareImports([fixture('broken-truncated.docx'), fixture('broken-zip-bomb.docx')])
    expect(problems.map((p) => p.message)).toEqual([
      'broken-truncated.docx is damaged or incomplete, so it is not a Word file Marginalia can read; open it in Word, save it again, and import the copy.',
      'broken-zip-bomb.docx unpacks to more than 32 MB of text and markup, more than a Word document holds, so it was not imported; check where it came from.',
    ])
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('importing text in other encodings', () => {
  it('detects and decodes Windows-1252, Latin-1 and UTF-16 with a byte order mark, and records the encoding', async () => {
    const { imported, errors, dir } = await importInto(
      fixture('windows-1252.txt'),
      fixture('latin-1.txt'),
      fixture('utf-16le-bom.txt'),
      fixture('utf-16be-bom.txt'),
    )
    // Imported in their names' order: latin-1, utf-16be, utf-16le, windows-1252.
    expect(errors.map((e) => e.message)).toEqual([
      'utf-16le-bom.txt has the same text as "Hamas 😀 said the talks had failed.", which is already in the project.',
    ])
    expect(imported.map((d) => [d.importedFrom, d.encoding])).toEqual([
      ['latin-1.txt', 'windows-1252'],
      ['utf-16be-bom.txt', 'utf-16be'],
      ['windows-1252.txt', 'windows-1252'],
    ])
    const german = await readFile(join(dir, imported[2]!.file), 'utf8')
    expect(german).toContain('„Wir werden das nicht hinnehmen“, erklärte er – später')
    expect(german).toMatch(/5 € pro Liter\.\n$/)
    expect(await readFile(join(dir, imported[0]!.file), 'utf8')).toContain("« Nous n'accepterons pas cela »")
    expect(await readFile(join(dir, imported[1]!.file), 'utf8')).toBe(
      'Hamas 😀 said the talks had failed.\nThe ministry denied it: "ישראל".\n',
    )
  })

  it('refuses mixed encodings and binary files with the sentence that says what to do', async () => {
    const { problems } = await prepareImports([fixture('broken-mixed-encodings.txt'), fixture('broken-binary.txt')])
    expect(problems.map((p) => p.message)).toEqual([
      'broken-mixed-encodings.txt mixes UTF-8 with another encoding (the first byte that is not UTF-8 is at byte 47); open it in a text editor, save it as UTF-8, and import it again.',
      'broken-binary.txt looks like a binary file, not text, so it was not imported.',
    ])
  })

  it('decodes with the encoding the user chose instead of guessing', async () => {
    const { texts } = await prepareImports([{ ...fixture('latin-1.txt'), encoding: 'iso-8859-15' }])
    expect(texts[0]!.encoding).toBe('iso-8859-15')
  })
})

describe('importing CSV files', () => {
  it('previews the columns with a guess for text, title and id', () => {
    const preview = previewCsv('corpus.csv', fixture('corpus.csv').bytes)
    expect(preview).toMatchObject({
      columns: ['id', 'title', 'speaker', 'date', 'text'],
      rows: 4,
      encoding: 'utf-8',
      delimiter: ',',
      suggested: { text: 'text', title: 'title', id: 'id' },
    })
    // As the text column, "text" makes 3 documents: row 4's cell is empty (the import below agrees).
    expect('filled' in preview && preview.filled.text).toBe(3)
  })

  it('makes one document per row, keeps the other columns as its properties, and lists empty rows', async () => {
    const { imported, errors, dir } = await importInto({
      ...fixture('corpus.csv'),
      csv: { text: 'text', title: 'title', id: 'id' },
    } as never)
    expect(imported.map((d) => [d.id, d.title, d.importedFrom])).toEqual([
      ['sp-001', 'Opening statement', 'corpus.csv#row=2'],
      ['sp-002', 'Reply', 'corpus.csv#row=3'],
      ['sp-004', 'Combining marks', 'corpus.csv#row=5'],
    ])
    expect(imported[0]!.properties).toEqual({
      id: 'sp-001',
      title: 'Opening statement',
      speaker: 'Minister Ní Bhriain',
      date: '2023-10-12',
    })
    expect(await readFile(join(dir, imported[0]!.file), 'utf8')).toBe(
      'We will not accept this, the minister said 😀.\nA second paragraph, with "quotes".',
    )
    expect(errors).toEqual([
      { name: 'corpus.csv', kind: 'refused', message: 'corpus.csv, row 4: the "text" cell is empty, so this row was not imported.' },
    ])
  })

  it('says which columns there are when the text column is unknown, and refuses a broken file', async () => {
    const { problems } = await prepareImports([{ ...fixture('corpus.csv'), csv: { text: 'body' } }, fixture('broken-unclosed-quote.csv')])
    expect(problems.map((p) => p.message)).toEqual([
      'corpus.csv has no column "body" for the text; its columns are "id", "title", "speaker", "date", "text".',
      expect.stringMatching(
        /^broken-unclosed-quote\.csv is not a well-formed CSV file.*; check its quotes in a spreadsheet, save it as CSV, and import it again\.$/,
      ),
    ])
  })
})

describe('large files and files twice', () => {
  it('asks before importing a file over 20 MB, and imports it once confirmed', async () => {
    const big = { name: 'big.txt', bytes: new TextEncoder().encode('word '.repeat(LARGE_FILE / 5 + 10)) }
    const first = await prepareImports([big])
    expect(first.problems).toEqual([
      { name: 'big.txt', kind: 'needs-confirmation', message: 'big.txt is 20.0 MB, larger than most texts; import it anyway?' },
    ])
    const second = await prepareImports([big], true)
    expect(second.texts).toHaveLength(1)
  })

  it('notices the same text imported twice, whatever format it came in', async () => {
    const html = new TextEncoder().encode('<p>Officials said the talks had failed.</p>')
    const { errors } = await importInto(
      { name: 'a.txt', bytes: new TextEncoder().encode('Officials said the talks had failed.\n') },
      { name: 'a.html', bytes: html },
    )
    // a.html comes first by name, so a.txt is the second copy.
    expect(errors).toEqual([
      {
        name: 'a.txt',
        kind: 'duplicate',
        message: 'a.txt has the same text as "Officials said the talks had failed.", which is already in the project.',
      },
    ])
  })

  it('refuses old Word files and other formats with what to do', async () => {
    const { problems } = await prepareImports([
      { name: 'report.doc', bytes: new Uint8Array([1]) },
      { name: 'photo.png', bytes: new Uint8Array([1]) },
    ])
    expect(problems.map((p) => p.message)).toEqual([
      'report.doc is a .doc file, which Marginalia cannot read; save it as .docx or .txt and import that.',
      'photo.png is a .png file; Marginalia imports .txt, .md, .html, .docx and .csv files.',
    ])
  })
})

describe('the order of one import', () => {
  it('follows the names as a file manager lists them, whatever order the files came in', async () => {
    const file = (name: string) => ({ name, bytes: new TextEncoder().encode(`The text of ${name}.\n`) })
    const { project, imported } = await importInto(
      file('interview-10.txt'),
      file('Interview-2.txt'),
      file('interview-1.txt'),
      file('ánnex.txt'),
    )
    expect(imported.map((d) => d.importedFrom)).toEqual(['ánnex.txt', 'interview-1.txt', 'Interview-2.txt', 'interview-10.txt'])
    expect(project.documents.map((d) => d.importedFrom)).toEqual(['ánnex.txt', 'interview-1.txt', 'Interview-2.txt', 'interview-10.txt'])
  })
})
