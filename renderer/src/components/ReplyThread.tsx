import { useId, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { threadKey, threadsOf } from '../../../shared/model/memos'
import { shortTime } from '../state/model/describe'
import { useSession, useSessionState } from '../state/react/use-session'

/**
 * The replies to one annotation (of any layer), from every annotator, in time order, with a field
 * to reply. A reply is saved in the replier's own file; they may remove their own.
 */
export function ReplyThread({ layer, annotation, compact = false }: { layer: string; annotation: string; compact?: boolean }) {
  const session = useSession()
  const id = useId()
  const me = useSessionState((s) => s.info?.annotator ?? null)
  const doc = useSessionState((s) => s.doc?.id ?? null)
  const notes = useSessionState((s) => (s.notes?.document === s.doc?.id ? s.notes : null))
  const threads = useMemo(() => threadsOf(notes?.replies ?? []), [notes])
  const thread = threads.get(threadKey(layer, annotation)) ?? []
  // A reply typed here and not sent comes back when the annotation is shown again.
  const [text, setTextState] = useState(() => (doc ? session.noting.replyDraft(doc, layer, annotation) : ''))
  const [open, setOpen] = useState(!compact || text !== '')
  const setText = (value: string) => {
    setTextState(value)
    if (doc) session.noting.setReplyDraft(doc, layer, annotation, value)
  }
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  if (!doc) return null
  const send = async () => {
    if (text.trim() === '' || busy) return
    setBusy(true)
    const failed = await session.noting.reply(doc, { layer, annotation }, text)
    setBusy(false)
    setProblem(failed)
    if (!failed) setText('')
    // The Reply button is disabled while it sends, which drops the focus to the page, where Delete
    // and Backspace act on the selected annotation: the keyboard stays in the reply field instead.
    const now = document.activeElement
    if (!now || now === document.body || now.closest('.reply-form')) field.current?.focus()
  }
  const remove = async (reply: { id: string; text: string }) => {
    const chars = [...reply.text]
    const quoted = chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : reply.text
    if (!window.confirm(`Remove your reply “${quoted}”? It cannot be brought back.`)) return
    setProblem(await session.noting.removeReply(doc, reply.id))
  }
  return (
    // A group, not a landmark: a review shows one thread per card, and landmarks must be unique.
    <div
      role="group"
      className={compact ? 'thread compact' : 'thread'}
      aria-label={layer === me ? 'Replies' : `Replies to ${layer}’s annotation`}
    >
      {thread.length > 0 && (
        <ol className="thread-replies">
          {thread.map((r) => (
            <li key={r.id} className="reply">
              <span className="reply-head">
                <strong>{r.author}</strong> <span className="help">{shortTime(r.created)}</span>
                {r.author === me && (
                  <button
                    type="button"
                    className="icon"
                    aria-label="Remove your reply"
                    title="Remove your reply"
                    onClick={() => void remove(r)}
                  >
                    ×
                  </button>
                )}
              </span>
              <span className="reply-text" dir="auto">
                {r.text}
              </span>
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <div className="reply-form">
          <label htmlFor={id} className="sr-only">
            Reply
          </label>
          <textarea
            ref={field}
            id={id}
            rows={2}
            value={text}
            maxLength={20_000}
            placeholder={thread.length > 0 ? 'Reply…' : 'Start a thread: a question or remark for whoever reads this…'}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send()
              // Escape gives the keyboard back to the page (a review's keys): an empty field closes,
              // one with words keeps them for later.
              if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
                e.preventDefault()
                e.currentTarget.blur()
                if (text.trim() === '') setOpen(false)
              }
            }}
          />
          <button type="button" className="small" disabled={busy || text.trim() === ''} onClick={() => void send()}>
            Reply
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="small quiet"
          onClick={() => {
            // The button goes away: the keyboard goes to the field, not to the page, where a
            // review's number keys would settle units. The field is drawn and focused before this
            // click's handler returns, so even a key pressed in the same frame lands in it.
            flushSync(() => setOpen(true))
            field.current?.focus()
          }}
        >
          Reply{thread.length > 0 ? ` (${thread.length})` : '…'}
        </button>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
