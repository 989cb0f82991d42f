/**
 * The one writer of CSV and TSV cells, read back by a reader we did not write (Python's csv
 * module, default dialect): generated cells with every character that needs quoting, white space
 * of every kind at their edges, and tables long enough to come out in several pieces.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES } from '../testing'
import type { Cell } from '../../../shared/csv'
import { seededIntegers } from '../../../shared/testing/seeded'
import {
  delimitedBytes,
  delimitedCell,
  delimitedChunks,
  delimitedRecord,
  toDelimitedText,
  type Delimiter,
} from '../../../shared/interchange/delimited'

const READER = join(FIXTURES, 'readers', 'tables.py')

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-delimited-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function pythonRows(text: string, delimiter: Delimiter): Promise<string[][]> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.${delimiter === '\t' ? 'tsv' : 'csv'}`)
  await writeFile(path, text)
  const args = ['csv', path, ...(delimiter === '\t' ? ['tsv'] : [])]
  return JSON.parse(execFileSync('python3', [READER, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as string[][]
}

/** Pieces of cells: plain words, everything RFC 4180 quotes, and white space JavaScript's \s knows. */
const PIECES = [
  'word',
  'Ελληνικά',
  'emoji 😀 👩‍👩‍👧 🇺🇦',
  'עברית',
  ',',
  '\t',
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u000b',
  '=SUM(A1)',
  "'",
  '\u0007',
]

function generatedRows(count: number, seed: number): Cell[][] {
  const pick = seededIntegers(seed)
  const rows: Cell[][] = []
  for (let r = 0; r < count; r++) {
    const row: Cell[] = []
    for (let c = 0; c < 6; c++) {
      if (pick(5) === 0) {
        row.push(pick(2) === 0 ? pick(100_000) : -pick(1000) / 8)
        continue
      }
      let cell = ''
      for (let n = pick(5); n > 0; n--) cell += PIECES[pick(PIECES.length)]
      row.push(cell)
    }
    rows.push(row)
  }
  return rows
}

describe.each([',', '\t'] as const)('delimited text with %j', (delimiter) => {
  it("is read by Python's csv module as the same cells, numbers as JavaScript prints them", async () => {
    const header = ['a', 'b', 'c', 'd', 'e', 'f']
    const rows = generatedRows(3000, delimiter === ',' ? 1 : 2)
    const text = toDelimitedText({ header, rows }, { delimiter })
    expect(await pythonRows(text, delimiter)).toEqual([header, ...rows.map((r) => r.map(String))])
  })

  it('comes out in pieces that together are the whole text, each record ended by CRLF', async () => {
    const rows = generatedRows(20_000, 3)
    const pieces = [...delimitedChunks({ header: ['a', 'b', 'c', 'd', 'e', 'f'], rows }, { delimiter, bom: true })]
    expect(pieces.length).toBeGreaterThan(3)
    const text = pieces.join('')
    expect(text).toBe(toDelimitedText({ header: ['a', 'b', 'c', 'd', 'e', 'f'], rows }, { delimiter, bom: true }))
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(await pythonRows(text, delimiter)).toHaveLength(20_001)
  })

  it('comes out as UTF-8 in pieces that are each new (held together, they are the whole text), a record longer than a piece whole', () => {
    const rows = generatedRows(60_000, 4)
    // A record of more than a piece's 1 MiB, in two-byte and four-byte characters, and a lone surrogate.
    rows.splice(rows.length - 10, 0, ['Ελληνικά 😀'.repeat(150_000), 'x', '', 1, '\ud800', 'end'])
    const table = { header: ['a', 'b', 'c', 'd', 'e', 'f'], rows }
    // Every piece is kept before the next is asked for: a piece written again later would show here.
    const pieces = [...delimitedBytes(table, { delimiter, bom: true })]
    expect(pieces.length).toBeGreaterThan(3)
    expect(new Set(pieces.map((p) => p.buffer)).size).toBe(pieces.length)
    const bytes = Buffer.concat(pieces)
    const text = toDelimitedText(table, { delimiter, bom: true })
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true)
    // The same bytes as the text that Python's csv module reads above, encoded whole.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })
})

describe('a column that holds the same cell row after row', () => {
  it('is written as each of its rows alone would be, when the cell repeats, changes and comes back', async () => {
    // As an export's document, annotator and memo columns: the writer keeps each column's last cell.
    const cells: Cell[] = ['=a "b"', '=a "b"', 'x', '=a "b"', 1, '1', 1, '', '', ' y', '=a "b"']
    const rows = cells.map((c, i): Cell[] => [c, cells[(i + 3) % cells.length]!, 'same, always'])
    const text = toDelimitedText({ header: ['a', 'b', 'c'], rows }, { neutralizeFormulas: true })
    expect(text).toBe('a,b,c\r\n' + rows.map((r) => delimitedRecord(r, ',', true)).join(''))
    expect(text).toContain(`'=a ""b""`)
    expect(await pythonRows(text, ',')).toEqual([
      ['a', 'b', 'c'],
      ...rows.map((r) => r.map((c) => (String(c).startsWith('=') ? `'${c}` : String(c)))),
    ])
  })
})

describe('a cell', () => {
  it('is quoted when it holds a quote, the delimiter or a line break, or starts or ends with white space', () => {
    for (const cell of ['a"b', 'a,b', 'a\nb', 'a\rb', ' a', 'a ', '\u00a0a', 'a\u3000', '\ufeffa', 'a\u2028', '\ta'])
      expect(delimitedCell(cell, ','), JSON.stringify(cell)).toMatch(/^".*"$/s)
    expect(delimitedCell('a\tb', '\t')).toBe('"a\tb"')
    expect(delimitedCell('a\tb', ',')).toBe('a\tb')
    expect(delimitedCell('say "no"', ',')).toBe('"say ""no"""')
  })

  it('is written as it is otherwise: words, inner spaces, numbers and empty cells', () => {
    for (const cell of ['word', 'two words', 'a;b', 'Ελληνικά 😀', '']) expect(delimitedCell(cell, ',')).toBe(cell)
    expect(delimitedCell(-2.5, ',')).toBe('-2.5')
    expect(delimitedCell(0, '\t')).toBe('0')
  })

  it('that a spreadsheet would run is neutralised in the rows when asked, never in the header', () => {
    // A plain number runs nothing and stays as it is; anything more after its sign is protected.
    const text = toDelimitedText({ header: ['=h'], rows: [['=SUM(A1)'], ['-2'], ['-2+1'], [-2]] }, { neutralizeFormulas: true })
    expect(text).toBe("=h\r\n'=SUM(A1)\r\n-2\r\n'-2+1\r\n-2\r\n")
  })
})
