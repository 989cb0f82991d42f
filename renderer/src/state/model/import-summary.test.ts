import { describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../../../shared/api'
import {
  documentTooltip,
  duplicatesHeading,
  encodingSentence,
  importedEntry,
  importedSentence,
  problemLine,
  progressSentence,
  refusedHeading,
  skippedSentence,
} from './import-summary'
import type { ImportReport } from './session-state'

function summary(title: string, importedFrom: string): DocumentSummary {
  return {
    id: title.toLowerCase().replace(/\W+/g, '-'),
    title,
    length: 10,
    importedFrom,
    encoding: 'utf-8',
    properties: {},
    annotationCount: 0,
    state: 'not-started',
    damaged: false,
  }
}

function report(patch: Partial<ImportReport>): ImportReport {
  return { imported: [], duplicates: [], errors: [], skipped: [], ...patch }
}

describe('the import report', () => {
  it('names what came in, and cuts a long list short', () => {
    const one = importedEntry({ ...summary('Brief an den Minister', 'brief.txt'), encoding: 'windows-1252' })
    expect(importedSentence(report({ imported: [one] }))).toBe('Imported 1 text: Brief an den Minister.')
    const many = Array.from({ length: 9 }, (_, i) =>
      importedEntry({ ...summary(`Row ${i + 1}`, `corpus.csv#row=${i + 2}`), encoding: 'utf-8' }),
    )
    expect(importedSentence(report({ imported: many }))).toBe('Imported 9 texts: Row 1; Row 2; Row 3; Row 4; Row 5; Row 6 and 3 more.')
    const said = importedEntry({ ...summary('Hamas said the talks had failed.', 'said.txt'), encoding: 'utf-8' })
    expect(importedSentence(report({ imported: [one, said] }))).toBe(
      'Imported 2 texts: Brief an den Minister; Hamas said the talks had failed.',
    )
    const semi = summary('First; with semicolon', 'a.txt')
    expect(importedSentence(report({ imported: [importedEntry({ ...semi, encoding: 'utf-8' }), one] }))).toBe(
      'Imported 2 texts: “First; with semicolon”, “Brief an den Minister”.',
    )
    const ends = importedEntry({ ...summary('Talks; the minister spoke.', 'b.txt'), encoding: 'utf-8' })
    expect(importedSentence(report({ imported: [ends] }))).toBe('Imported 1 text: “Talks; the minister spoke.”')
    expect(importedSentence(report({}))).toBeNull()
  })

  it('says which files were not UTF-8, once per file (a CSV counts once for all its rows)', () => {
    const rows = [2, 3, 4].map((r) => importedEntry({ ...summary(`Row ${r}`, `corpus.csv#row=${r}`), encoding: 'iso-8859-2' }))
    const utf8 = importedEntry({ ...summary('Plain', 'plain.txt'), encoding: 'utf-8' })
    const docx = importedEntry({ ...summary('Word', 'interview.docx'), encoding: null })
    expect(encodingSentence(report({ imported: [utf8, docx] }))).toBeNull()
    expect(encodingSentence(report({ imported: [...rows, utf8] }))).toBe('corpus.csv was read as iso-8859-2.')
    const latin = importedEntry({ ...summary('Brief', 'brief.txt'), encoding: 'windows-1252' })
    expect(encodingSentence(report({ imported: [...rows, latin] }))).toBe(
      'Read from other encodings than UTF-8: corpus.csv (iso-8859-2), brief.txt (windows-1252).',
    )
  })

  it('keeps texts already in the project apart from refused files', () => {
    const duplicate = { name: 'again.txt', message: 'again.txt has the same text as "Interview", which is already in the project.' }
    const refused = { name: 'photo.txt', message: 'looks like a binary file.' }
    const r = report({ duplicates: [duplicate], errors: [refused] })
    expect(duplicatesHeading(r)).toBe('Already in the project, so not imported again:')
    expect(refusedHeading(r)).toBe('One file was not imported:')
    expect(problemLine(duplicate)).toBe(duplicate.message)
    expect(problemLine(refused)).toBe('photo.txt: looks like a binary file.')
    expect(refusedHeading(report({ errors: [refused, refused] }))).toBe('2 files were not imported:')
    const row = { name: 'corpus.csv', message: 'corpus.csv, row 4: the "body" cell is empty, so this row was not imported.' }
    expect(refusedHeading(report({ errors: [refused, refused, row] }))).toBe('2 files and 1 table row were not imported:')
    expect(refusedHeading(report({ errors: [row, row] }))).toBe('2 table rows were not imported:')
    expect(duplicatesHeading(report({}))).toBeNull()
  })

  it('lists files the user chose to skip, and counts progress from the request on its way', () => {
    expect(skippedSentence(report({ skipped: ['big.txt', 'table.csv'] }))).toBe('Not imported, as you chose: big.txt, table.csv.')
    expect(progressSentence({ done: 0, total: 40 })).toBe('Importing 1 of 40…')
    expect(progressSentence({ done: 40, total: 40 })).toBe('Importing 40 of 40…')
    expect(progressSentence({ done: 0, total: 1 })).toBe('Importing…')
  })

  it('shows a document’s origin, encoding and properties on hover', () => {
    const d = summary('Opening statement', 'corpus.csv#row=2')
    expect(documentTooltip(d, undefined)).toBe('Imported from corpus.csv#row=2')
    expect(
      documentTooltip(d, { encoding: 'windows-1252', properties: { speaker: 'Minister Ní Bhriain', date: '2023-10-12', empty: ' ' } }),
    ).toBe('Imported from corpus.csv#row=2, read as windows-1252\nspeaker: Minister Ní Bhriain\ndate: 2023-10-12')
  })
})
