import { describe, expect, it } from 'vitest'
import { ExportFormat } from '../../../../shared/api'
import { FORMAT_OPTIONS, choosesContent, chosenDocuments, exportedSentence, hasSpreadsheetOptions } from './export-formats'
import { base64ToBytes } from '../controllers/save-file'

describe('the export dialog’s formats', () => {
  it('offers every format the contract exports, once, CSV first', () => {
    expect(FORMAT_OPTIONS.map((f) => f.value).sort()).toEqual([...ExportFormat.options].sort())
    expect(FORMAT_OPTIONS[0]!.label).toBe('CSV')
    expect(FORMAT_OPTIONS.map((f) => f.label)).toContain('W3C Web Annotation (JSON-LD)')
  })

  it('shows the byte order mark and formula options for CSV and TSV only, and no layer or document choice for the archive', () => {
    expect(FORMAT_OPTIONS.filter((f) => hasSpreadsheetOptions(f.value)).map((f) => f.value)).toEqual(['csv', 'tsv'])
    expect(FORMAT_OPTIONS.filter((f) => !choosesContent(f.value)).map((f) => f.value)).toEqual(['zip'])
  })

  it('says what was written and where', () => {
    expect(exportedSentence({ annotations: 12, documents: 3 }, 'jsonl', 'sample-annotations.jsonl', false)).toBe(
      'Exported 12 annotations from 3 documents as sample-annotations.jsonl.',
    )
    expect(exportedSentence({ annotations: 1, documents: 1 }, 'w3c', '/home/maria/out.jsonld', true)).toBe(
      'Exported 1 annotation from 1 document to /home/maria/out.jsonld.',
    )
    expect(exportedSentence({ annotations: 0, documents: 4 }, 'zip', 'sample-project.zip', false)).toBe(
      'Exported the project (4 documents) as sample-project.zip.',
    )
  })

  it('sends all documents as null, and a choice in the project’s order', () => {
    const docs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    expect(chosenDocuments(docs, false, new Set(['b']))).toBeNull()
    expect(chosenDocuments(docs, true, new Set(['c', 'a', 'gone']))).toEqual(['a', 'c'])
    expect(chosenDocuments(docs, true, new Set())).toEqual([])
  })

  it('saves a zip as its bytes, not as the base64 text', () => {
    expect([...base64ToBytes('UEsDBA==')]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(base64ToBytes('').length).toBe(0)
  })
})
