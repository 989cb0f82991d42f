import { useState } from 'react'
import type { AnnotationImportReport } from '../../../shared/api'
import { importAnnotations, pickImportPath } from '../state/annotation-import'
import { messageOf } from '../state/errors'
import { useSession, useSessionState } from '../state/use-session'
import { AnnotationImportResult } from './AnnotationImportResult'
import { Modal } from './Modal'

/**
 * Import a colleague's annotations: from their project folder or one annotations file (chosen in
 * the native dialog on desktop; a typed path in browser mode). Shows what came in, layer by
 * layer, including every annotation that could not be placed.
 */
export function ImportAnnotationsDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const desktop = useSessionState((s) => s.info?.host === 'desktop')
  const [path, setPath] = useState('')
  const [as, setAs] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [report, setReport] = useState<AnnotationImportReport | null>(null)

  const run = async (from: string | null) => {
    if (from === null || from.trim() === '') return
    setBusy(true)
    setError(null)
    setReport(null)
    try {
      setReport(await importAnnotations(session, from.trim(), as.trim() === '' ? null : as.trim()))
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
        <p className="help">
          From a colleague’s Marginalia project folder (every layer in it), one of its annotations files (annotations/&lt;name&gt;/&lt;document&gt;.json), or an
          export (JSON Lines, W3C Web Annotation, brat). Each layer comes in under its annotator’s name; texts are matched by content, and annotations on
          a changed text are re-anchored by their quote.
        </p>
        <label className="field">
          <span>Layer name, for files that name no annotator (brat, W3C) — optional</span>
          <input value={as} onChange={(e) => setAs(e.target.value)} maxLength={64} placeholder="jonas" />
        </label>
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
              <input value={path} onChange={(e) => setPath(e.target.value)} required autoFocus placeholder="/home/jonas/projects/elections-2026" />
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
        {report && <AnnotationImportResult report={report} />}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {report ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </Modal>
  )
}
