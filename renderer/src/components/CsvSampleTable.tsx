import type { CsvPreview } from '../../../shared/api'
import { truncate } from '../state/model/describe'

interface CsvSampleTableProps {
  preview: CsvPreview
  text: string
  title: string | null
  id: string | null
}

/**
 * A table's first rows as they will be read: every column, the chosen text column highlighted,
 * and the title and id columns marked, so a wrong choice shows before anything is imported.
 */
export function CsvSampleTable({ preview, text, title, id }: CsvSampleTableProps) {
  const role = (column: string) => (column === text ? 'text' : column === title ? 'title' : column === id ? 'id' : null)
  return (
    <div className="csv-sample">
      <table aria-label="Sample rows">
        <thead>
          <tr>
            {preview.columns.map((c) => {
              const r = role(c)
              return (
                <th key={c} scope="col" className={r === 'text' ? 'csv-text-col' : undefined}>
                  <span dir="auto">{c}</span>
                  {r && <span className={`csv-role csv-role-${r}`}>{r}</span>}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row, i) => (
            <tr key={i}>
              {preview.columns.map((c) => (
                <td key={c} className={c === text ? 'csv-text-col' : undefined} dir="auto">
                  {truncate(row[c] ?? '', c === text ? 140 : 40)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
