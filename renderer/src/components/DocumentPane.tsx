import { useSessionState } from '../state/react/use-session'
import { DocumentBar } from './DocumentBar'
import { FindBar } from './FindBar'
import { LabelToolbar } from './LabelToolbar'
import { LayerBanner } from './LayerBanner'
import { SuggestBar } from './SuggestBar'
import { TextView } from './TextView'

/** The middle column: the label toolbar, the document's status and panels, a line for hints, and the text. */
export function DocumentPane() {
  const doc = useSessionState((s) => s.doc)
  const opening = useSessionState((s) => s.opening)
  const count = useSessionState((s) => s.documents.length)
  const hint = useSessionState((s) => s.hint)
  const readOnly = useSessionState((s) => s.doc?.readOnly != null)
  return (
    <main className="document" aria-busy={opening !== null}>
      <LabelToolbar />
      <DocumentBar />
      {doc && <FindBar />}
      {doc && <SuggestBar />}
      <LayerBanner />
      <p className={hint ? `hint hint-${hint.tone}` : 'hint'} aria-live="polite">
        {hint?.text ??
          (doc && readOnly
            ? 'This document is read-only until its text is restored.'
            : doc
              ? 'Select text, then press a label’s key or click the label. Click a highlight to edit it.'
              : '')}
      </p>
      {doc ? (
        <TextView key={doc.id} />
      ) : (
        <div className="empty-doc">
          <p>
            {opening
              ? 'Opening…'
              : count === 0
                ? 'Import texts to begin: Project → Import texts…, or drop files on this window.'
                : 'Choose a document on the left.'}
          </p>
        </div>
      )}
    </main>
  )
}
