import { useId, useState } from 'react'
import type { AnnotationImportReport } from '../../../shared/api'
import { importAnnotations, pickImportPath } from '../state/controllers/annotation-import'
import { messageOf } from '../state/model/errors'
import { useSession, useSessionState } from '../state/react/use-session'
import { AnnotationImportResult } from './AnnotationImportResult'
import { Modal } from './Modal'

/**
 * Import a colleague's annotations: from their project folder, one annotations file, or an export
 * (JSON Lines, W3C Web Annotation, brat), chosen in the native dialog on desktop or typed as a
 * path in browser mode. Shows what came in, layer by layer, including every annotation that could
 * not be placed.
 */
export function ImportAnnotationsDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const desktop = useSessionState((s) => s.info?.host === 'desktop')
  const [path, setPath] = useState('')
  const [as, setAs] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [report, setReport] = useState<AnnotationImportReport | null>(null)
  // Where the last import came from, to import it again replacing the layers that were newer here.
  const [source, setSource] = useState<string | null>(null)
  const asHelp = useId()

  const run = async (from: string | null, replace = false) => {
    if (from === null || from.trim() === '') return
    setBusy(true)
    setError(null)
    setReport(null)
    setSource(from.trim())
    try {
      setReport(await importAnnotations(session, from.trim(), as.trim() === '' ? null : as.trim(), replace))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const pick = async (kind: 'folder' | 'file') => {
    try {
      await run(await pickImportPath(session, kind))
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <Modal title="Import annotations" onClose={onClose}>
      <div className="stack import-annotations">
        <div className="help import-sources">
          <p>Marginalia reads:</p>
          <ul>
            <li>
              a colleague’s Marginalia <strong>project folder</strong> (every layer in it), or one of its annotations files
              (annotations/&lt;name&gt;/&lt;document&gt;.json);
            </li>
            <li>
              a <strong>JSON Lines</strong> export (.jsonl) or a <strong>W3C Web Annotation</strong> file (.jsonld or .json), from
              Marginalia or another tool;
            </li>
            <li>
              <strong>brat standoff</strong>: a folder of .ann files (or one folder per annotator, as Marginalia exports it), or one .ann
              file with its .txt beside it;
            </li>
            <li>
              a <strong>.zip</strong> as Marginalia saves one: a brat export or a project archive.
            </li>
          </ul>
          <p>
            Texts are matched by content, and annotations on a changed text are re-anchored by their quote; what cannot be placed is listed.
          </p>
        </div>
        <label className="field">
          <span>Layer name, if the file names no annotator (optional)</span>
          <input value={as} onChange={(e) => setAs(e.target.value)} maxLength={64} placeholder="jonas" aria-describedby={asHelp} />
        </label>
        <p id={asHelp} className="help">
          Each layer comes in under the annotator the file names: a project’s folder names, the annotator in JSON Lines, the creator or
          layer in W3C ids, one folder per annotator in brat. This name is used only for a file that names none (brat .ann files directly in
          a folder, W3C without creators); without it such a file is not imported. A layer under your own name comes in as
          “&lt;name&gt;-imported”.
        </p>
        {desktop ? (
          <div className="actions start">
            <button type="button" className="primary" disabled={busy} onClick={() => void pick('folder')}>
              Choose folder…
            </button>
            <button type="button" disabled={busy} onClick={() => void pick('file')}>
              Choose file…
            </button>
          </div>
        ) : (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault()
              void run(path)
            }}
          >
            <label className="field">
              <span>Folder or file to import from (full path)</span>
              <input
                value={path}
                onChange={(e) => setPath(e.target.value)}
                required
                autoFocus
                placeholder="/home/jonas/projects/elections-2026"
              />
            </label>
            <div className="actions start">
              <button type="submit" className="primary" disabled={busy || path.trim() === ''}>
                {busy ? 'Importing…' : 'Import'}
              </button>
            </div>
          </form>
        )}
        {busy && desktop && <p className="help">Importing…</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {report && <AnnotationImportResult report={report} busy={busy} onReplace={source ? () => void run(source, true) : undefined} />}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {report ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </Modal>
  )
}
