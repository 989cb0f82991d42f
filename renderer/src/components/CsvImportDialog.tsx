import { useId, useState } from 'react'
import type { CsvPreview } from '../../../shared/api'
import type { CsvColumns } from '../state/controllers/text-import'
import { CsvSampleTable } from './CsvSampleTable'
import { Modal } from './Modal'
import { plural } from '../../../shared/plural'

const DELIMITERS: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' }

interface CsvImportDialogProps {
  name: string
  preview: CsvPreview
  /** The chosen columns, or null when the user cancels (the file is skipped). */
  onAnswer: (columns: CsvColumns | null) => void
}

/**
 * Importing a CSV or TSV table: one document per row. The user picks the column holding each
 * row's text (required) and, optionally, its title and id; every other column is kept as the
 * document's details. The first rows show what each choice takes, before anything is imported.
 */
export function CsvImportDialog({ name, preview, onAnswer }: CsvImportDialogProps) {
  const [text, setText] = useState(preview.suggested.text)
  const [title, setTitle] = useState(preview.suggested.title ?? '')
  const [idColumn, setIdColumn] = useState(preview.suggested.id ?? '')
  const ids = { text: useId(), title: useId(), id: useId() }
  const n = preview.rows
  // What the button would make: the rows whose chosen text cell holds something.
  const documents = preview.filled[text] ?? n
  const left = n - documents
  const separated = DELIMITERS[preview.delimiter] ?? `“${preview.delimiter}”`
  const fields = [
    { id: ids.title, label: 'Title column', value: title, set: setTitle },
    { id: ids.id, label: 'Id column', value: idColumn, set: setIdColumn },
  ]

  return (
    <Modal title="Import CSV" onClose={() => onAnswer(null)}>
      <form
        className="stack csv-import"
        onSubmit={(e) => {
          e.preventDefault()
          onAnswer({ text, title: title || null, id: idColumn || null })
        }}
      >
        <p>
          <strong dir="auto">{name}</strong>: {plural(n, 'row')} and {plural(preview.columns.length, 'column')}, separated by {separated},
          read as {preview.encoding}. Each row becomes a document; every column but the text is kept as its details (the title and id too,
          so an export joins back to this table), empty cells left out.
        </p>
        <div className="csv-columns">
          <div className="field">
            <label htmlFor={ids.text}>Text column</label>
            <select id={ids.text} value={text} required onChange={(e) => setText(e.target.value)}>
              {preview.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          {fields.map((f) => (
            <div key={f.label} className="field">
              <label htmlFor={f.id}>{f.label}</label>
              <select id={f.id} value={f.value} onChange={(e) => f.set(e.target.value)}>
                <option value="">— none —</option>
                {preview.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <p className="help">
          Without a title column, a document’s title is the first line of its text; without an id column, one is made from the title.
        </p>
        {preview.sample.length > 0 ? (
          <>
            <CsvSampleTable preview={preview} text={text} title={title || null} id={idColumn || null} />
            <p className="help">
              {n > preview.sample.length ? `The first ${preview.sample.length} of ${n} rows.` : `All ${plural(n, 'row')}.`}{' '}
              {left > 0
                ? `${plural(left, 'row')} with an empty text cell ${left === 1 ? 'is' : 'are'} skipped and listed.`
                : 'Rows with an empty text cell are skipped and listed.'}
            </p>
          </>
        ) : (
          <p className="error">This table has no rows below its header, so there is nothing to import.</p>
        )}
        <div className="actions">
          <button type="button" onClick={() => onAnswer(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={documents === 0}>
            Import {plural(documents, 'document')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
