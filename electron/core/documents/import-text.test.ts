import { describe, expect, it } from 'vitest'
import { decodeImport, documentIdFor, normalizeText, titleFor } from './import-text'

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('decodeImport', () => {
  it('strips a byte order mark and makes CRLF and CR line endings LF', () => {
    const r = decodeImport('a.txt', utf8('\uFEFFline one\r\nline two\rline three\n'))
    expect(r).toEqual({ text: 'line one\nline two\nline three\n', encoding: 'utf-8', error: null })
  })

  it('decodes UTF-16 with a byte order mark', () => {
    const text = 'Hamas 😀 said\r\n'
    const le = new Uint8Array(2 + text.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff
      le[3 + i * 2] = text.charCodeAt(i) >> 8
    }
    expect(decodeImport('u16.txt', le)).toEqual({ text: 'Hamas 😀 said\n', encoding: 'utf-16le', error: null })
  })

  it('refuses text that mixes UTF-8 with another encoding, with one sentence saying what to do', () => {
    const r = decodeImport('mixed.txt', new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0x63, 0x61, 0x66, 0xe9]))
    expect(r.text).toBeNull()
    expect(r.error).toMatch(/^mixed\.txt mixes UTF-8 with another encoding .*save it as UTF-8/)
  })

  it('refuses binary files', () => {
    const r = decodeImport('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    expect(r.error).toMatch(/looks like a binary file/)
  })

  it('says that UTF-16 without a byte order mark is text it cannot read safely, not a binary file', () => {
    const text = 'The minister said the talks had failed, and Zoé agreed.\n'
    const le = new Uint8Array(Buffer.from(text, 'utf16le'))
    const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16())
    for (const bytes of [le, be]) {
      const r = decodeImport('interview.txt', bytes)
      expect(r.text).toBeNull()
      expect(r.error).toBe(
        'interview.txt looks like UTF-16 text without a byte order mark, which cannot be told apart safely; open it in a text editor, save it as UTF-8, and import it again.',
      )
    }
  })

  it('says a file of only spaces and line breaks holds only white space, not that it is empty', () => {
    expect(decodeImport('blank.txt', utf8('  \n\t\n')).error).toBe('blank.txt holds only white space; there is no text to annotate.')
  })

  it('refuses other file types and empty files', () => {
    expect(decodeImport('report.pdf', utf8('x')).error).toMatch(/is a \.pdf file/)
    expect(decodeImport('empty.md', utf8(' \r\n \n')).error).toMatch(/holds only white space/)
    expect(decodeImport('empty.md', utf8('')).error).toMatch(/is empty/)
  })

  it('keeps combining marks and emoji exactly as they are (no Unicode normalisation)', () => {
    const text = 'Zoe\u0301 😀'
    expect(decodeImport('a.md', utf8(text)).text).toBe(text)
  })
})

describe('titles and ids', () => {
  it('takes the first non-empty line, without Markdown heading marks', () => {
    expect(titleFor('\n\n# Russia and Iran\n\nBody', 'x.md')).toBe('Russia and Iran')
    expect(titleFor('   \n', 'interview-notes.txt')).toBe('interview-notes')
  })

  it('shortens long first lines at a word boundary', () => {
    const title = titleFor(`${'word '.repeat(60)}\nbody`, 'x.txt')
    expect(Array.from(title).length).toBeLessThanOrEqual(121)
    expect(title.endsWith('…')).toBe(true)
  })

  it('makes file-safe ids from any title', () => {
    expect(documentIdFor('Russia & Iran: a "new axis"?', 'ab'.repeat(32))).toBe('russia-iran-a-new-axis-abababab')
    expect(documentIdFor('חמאס', 'cd'.repeat(32))).toBe('document-cdcdcdcd')
    expect(documentIdFor('Grüße aus Łódź', 'ef'.repeat(32))).toBe('grusse-aus-lodz-efefefef')
  })

  it('normalizeText is idempotent', () => {
    const once = normalizeText('\uFEFFa\r\nb\r')
    expect(normalizeText(once)).toBe(once)
  })
})
