import { useSession, useSessionState } from '../state/react/use-session'
import { CsvImportDialog } from './CsvImportDialog'
import { LargeFileDialog } from './LargeFileDialog'

/** Whatever the running import of texts asks the user: whether to take a large file, or a table's columns. */
export function ImportQuestionDialog() {
  const session = useSession()
  const question = useSessionState((s) => s.importQuestion)
  if (!question) return null
  if (question.kind === 'large') {
    return <LargeFileDialog key={question.id} name={question.name} bytes={question.bytes} onAnswer={(yes) => session.imports.answer(yes)} />
  }
  return (
    <CsvImportDialog
      key={question.id}
      name={question.name}
      preview={question.preview}
      onAnswer={(columns) => session.imports.answer(columns)}
    />
  )
}
