import { describe, expect, it } from 'vitest'
import {
  IMPORT_ACCEPT,
  LARGE_FILE_BYTES,
  isTable,
  largeFileQuestion,
  megabytes,
  notableEncoding,
  planBatches,
  sourceFile,
  unsendable,
} from './import-plan'

describe('planning an import of texts', () => {
  it('offers every format the host imports in the file picker', () => {
    for (const ext of ['.txt', '.md', '.html', '.htm', '.docx', '.csv', '.tsv']) expect(IMPORT_ACCEPT.split(',')).toContain(ext)
  })

  it('asks for columns of CSV and TSV tables only, whatever the case of the extension', () => {
    expect(isTable('corpus.csv')).toBe(true)
    expect(isTable('Speeches.TSV')).toBe(true)
    expect(isTable('csv-notes.txt')).toBe(false)
    expect(isTable('table.csv.docx')).toBe(false)
  })

  it('asks about a 24 MB file in the words the user reads', () => {
    expect(largeFileQuestion('corpus.txt', 24_100_000)).toBe('corpus.txt is 24 MB; import anyway?')
    expect(megabytes(850_000)).toBe('850 KB')
    expect(LARGE_FILE_BYTES).toBe(20 * 1024 * 1024)
  })

  it('refuses, before reading it, a file too large for one request, saying what to do', () => {
    expect(unsendable('huge.txt', 35_000_000)).toBe('huge.txt is 35 MB; texts up to 29 MB can be imported, so split it into parts.')
    expect(unsendable('fine.txt', 25_000_000)).toBeNull()
  })

  it('cuts files into small requests by count and bytes, in order, a large file alone', () => {
    expect(planBatches([1, 1, 1, 1, 1], { files: 2, bytes: 100 })).toEqual([[0, 1], [2, 3], [4]])
    expect(planBatches([60, 50, 10, 200, 5], { files: 8, bytes: 100 })).toEqual([[0], [1, 2], [3], [4]])
    expect(planBatches([], { files: 8, bytes: 100 })).toEqual([])
  })

  it('names the file a CSV row came from, and points out encodings other than UTF-8', () => {
    expect(sourceFile('corpus.csv#row=12')).toBe('corpus.csv')
    expect(sourceFile('notes #row.txt')).toBe('notes #row.txt')
    expect(notableEncoding('windows-1252')).toBe(true)
    expect(notableEncoding('UTF-8')).toBe(false)
    expect(notableEncoding('utf8')).toBe(false)
    expect(notableEncoding(null)).toBe(false)
  })
})
