import { describe, expect, it } from 'vitest'
import { csvHeader, neutralizeFormulaCell, restoreFormulaCell } from './csv'
import { defaultLabels } from './model/labels'

describe('formula neutralisation', () => {
  it('prefixes cells a spreadsheet would run, and nothing else', () => {
    for (const cell of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx', "'=x", "''+x"]) {
      expect(neutralizeFormulaCell(cell)).toBe(`'${cell}`)
    }
    for (const cell of ['plain', "'quoted'", ' =x', 'a=b', '', 'حماس', '😀=']) {
      expect(neutralizeFormulaCell(cell)).toBe(cell)
    }
  })

  it('is undone exactly by restoreFormulaCell', () => {
    for (const cell of ['=1+1', "'=x", "''@y", "'plain", 'plain', '-', "'", '']) {
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
