import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_QUERY, paragraphOf, type Query } from '../../../shared/search/find'
import { TextIndex, sliceCodePoints } from '../../../shared/offsets'
import { projectWith, trickyTexts } from '../testing'
import { REGEX_TIME_LIMIT_MS, searchDocument, searchProject } from './search-service'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function project() {
  const made = await projectWith({
    'emoji.txt': trickyTexts.emoji,
    'rtl.txt': trickyTexts.rtl,
    'kremlin.txt': 'The Kremlin said. The kremlin’s spokesman, Dmitry Peskóv, said the Kremlin would not comment.',
    'other.txt': 'Nothing to find here about Moscow.',
  })
  cleanups.push(made.cleanup)
  return made.project
}

const q = (text: string, extra: Partial<Query> = {}): Query => ({ ...DEFAULT_QUERY, text, ...extra })

describe('finding in the project', () => {
  it('groups hits by document, each in its context, with code point offsets into the stored text', async () => {
    const p = await project()
    const found = await searchProject(p, q('said'))
    const from = (d: { document: string }) => p.document(d.document).importedFrom
    expect(found.documents.map(from).sort()).toEqual(['emoji.txt', 'kremlin.txt', 'rtl.txt'])
    expect(found.total).toBe(5)
    for (const d of found.documents) {
      const text = (await p.text(d.document)).text
      for (const h of d.hits) {
        expect(sliceCodePoints(text, h.start, h.end)).toBe(h.match)
        expect(h.match.toLowerCase()).toBe('said')
      }
    }
    // Each text here is one paragraph.
    expect(found.documents.flatMap((d) => d.hits.map((h) => h.paragraph))).toEqual([1, 1, 1, 1, 1])
    const emoji = found.documents.find((d) => from(d) === 'emoji.txt')!
    expect(emoji.hits[0]).toMatchObject({ before: 'Officials 😀 ', match: 'said', after: expect.stringMatching(/^ the talks 👩‍👩‍👧/) })
  })

  it('gives each hit its paragraph, blank lines not counted', async () => {
    const made = await projectWith({ 'two.txt': 'Intro.\n\nThe minister said no.\n\n \n\nLater she said yes.' })
    cleanups.push(made.cleanup)
    const found = await searchProject(made.project, q('said'))
    expect(found.documents[0]!.hits.map((h) => h.paragraph)).toEqual([2, 3])
  })

  it('folds case and diacritics by default, and keeps to whole words', async () => {
    const p = await project()
    const kremlin = p.documents.find((d) => d.importedFrom === 'kremlin.txt')!.id
    expect((await searchDocument(p, kremlin, q('kremlin'))).hits).toHaveLength(3)
    expect((await searchDocument(p, kremlin, q('Kremlin', { caseSensitive: true }))).hits).toHaveLength(2)
    expect((await searchDocument(p, kremlin, q('peskov'))).hits).toHaveLength(1)
    expect((await searchDocument(p, kremlin, q('krem'))).hits).toHaveLength(0)
    expect((await searchDocument(p, kremlin, q('krem', { wholeWord: false }))).hits).toHaveLength(3)
  })

  it('runs regular expressions, stops one that would take for ever within the limit, and says why in one sentence', async () => {
    const p = await project()
    const found = await searchProject(p, q('\\p{Lu}\\p{Ll}+ said', { mode: 'regex', caseSensitive: true, wholeWord: false }))
    expect(found.documents.flatMap((d) => d.hits.map((h) => h.match))).toEqual(expect.arrayContaining(['Kremlin said']))
    const slow = { ...q('(a+)+$', { mode: 'regex', wholeWord: false }) }
    const long = await projectWith({ 'a.txt': `${'a'.repeat(40)}!` })
    cleanups.push(long.cleanup)
    const started = Date.now()
    await expect(searchProject(long.project, slow)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^This pattern takes too long to search/),
    })
    expect(Date.now() - started).toBeLessThan(REGEX_TIME_LIMIT_MS + 1500)
    await expect(searchProject(p, q('x*', { mode: 'regex' }))).rejects.toMatchObject({
      message: 'This pattern matches empty text; make it match at least one character.',
    })
    await expect(searchProject(p, q('(unclosed', { mode: 'regex' }))).rejects.toMatchObject({ code: 'invalid' })
  })

  it('stops at the hit limit and says there were more', async () => {
    const p = await project()
    const found = await searchProject(p, q('the', { wholeWord: false }), { maxHits: 2 })
    expect(found.total).toBe(2)
    expect(found.truncated).toBe(true)
  })
})

describe('the paragraph of a hit (the “¶ 12” of lists of hits)', () => {
  it('counts the lines that hold more than white space up to the hit, as Python counts them', () => {
    const text = '\n\n  \nTitle 😀 line\n\nFirst paragraph, said.\n\t\n\u00a0\nשלום said\r\n\r\nLast 👩‍👩‍👧 said'
    const index = new TextIndex(text)
    const cps = Array.from(text)
    // Every code point's paragraph, as Python counts it: lines (split at \n) whose strip() is not empty.
    const python = execFileSync(
      'python3',
      [
        '-c',
        'import sys,json; t=sys.stdin.buffer.read().decode("utf-8"); n=0; out=[]\nfor line in t.split("\\n"):\n  n += 1 if line.strip() else 0\n  out += [max(1, n)] * (len(line) + 1)\nprint(json.dumps(out[:len(t)]))',
      ],
      { input: text, encoding: 'utf8' },
    )
    expect(cps.map((_, cp) => paragraphOf(index, cp))).toEqual(JSON.parse(python))
    expect(paragraphOf(index, Array.from(text.slice(0, text.indexOf('Last'))).length)).toBe(4)
  })
})
