import { describe, expect, it } from 'vitest'
import { csvHeader, documentHeader, documentRows, neutralizeFormulaCell, restoreFormulaCell } from './csv'
import { defaultLabels } from './model/labels'
import type { DocumentEntry } from './model/project'

describe('formula neutralisation', () => {
  it('prefixes cells a spreadsheet would run, and nothing else', () => {
    for (const cell of ['=1+1', '+33 6', '-2+3', '-2,5', '-1e', '@SUM(A1)', '\tx', '\rx', "'=x", "''+x", "'-2"]) {
      expect(neutralizeFormulaCell(cell)).toBe(`'${cell}`)
    }
    // A plain number runs nothing: a -2 … +2 scale stays numbers for R, pandas and spreadsheets.
    for (const cell of ['plain', "'quoted'", ' =x', 'a=b', '', 'حماس', '😀=', '-2', '-0.5', '+3', '-.5', '-1e-3']) {
      expect(neutralizeFormulaCell(cell)).toBe(cell)
    }
  })

  it('is undone exactly by restoreFormulaCell', () => {
    for (const cell of ['=1+1', "'=x", "''@y", "'plain", 'plain', '-', "'", '', '-0.5', "'-0.5", "''-0.5"]) {
      expect(restoreFormulaCell(neutralizeFormulaCell(cell))).toBe(cell)
    }
  })
})

describe('header', () => {
  it('has one column per label attribute, named label_attribute', () => {
    const header = csvHeader(defaultLabels)
    expect(header).toEqual(expect.arrayContaining(['source_kind', 'source_name', 'stance_polarity', 'stance_target']))
    expect(header.slice(0, 10)).toEqual([
      'document_id',
      'document_title',
      'annotator',
      'annotation_id',
      'label',
      'start',
      'end',
      'text',
      'prefix',
      'suffix',
    ])
  })
})

describe('the Documents sheet', () => {
  const doc = (id: string, properties?: Record<string, string>): DocumentEntry => ({
    id,
    title: id.toUpperCase(),
    file: `texts/${id}.txt`,
    sha256: 'a'.repeat(64),
    length: 10,
    importedFrom: `${id}.txt`,
    imported: '2026-10-01T09:00:00.000Z',
    ...(properties ? { properties } : {}),
  })

  it("has each property used, then each annotator's status, cell for cell", () => {
    const docs = [doc('a', { date: '2023-10-19', outlet: 'INSS' }), doc('b', { 'status.maria': 'x', date: '2023-11-07' }), doc('c')]
    const header = documentHeader(docs, ['jonas', 'maria'])
    expect(header.slice(8)).toEqual(['property.date', 'property.outlet', 'property.status.maria', 'status.jonas', 'status.maria'])
    const state = (d: string, a: string) => (d === 'a' && a === 'maria' ? 'done' : d === 'c' ? 'nothing-to-tag' : 'in-progress')
    const rows = documentRows(docs, ['jonas', 'maria'], state)
    expect(rows.map((r) => r.slice(8))).toEqual([
      ['2023-10-19', 'INSS', '', 'in-progress', 'done'],
      ['2023-11-07', '', 'x', 'in-progress', 'in-progress'],
      ['', '', '', 'nothing-to-tag', 'nothing-to-tag'],
    ])
    for (const r of rows) expect(r).toHaveLength(header.length)
  })
})
