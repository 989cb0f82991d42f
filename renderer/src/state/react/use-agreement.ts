/**
 * The agreement report the Agreement view shows: asked of the host for the chosen annotators
 * (everyone when null), once per choice, and again on "Recalculate". The report holds the project
 * and every document, so switching the scope to one document asks nothing more. The last report
 * stays on screen while the next is calculated.
 */
import { useCallback, useEffect, useState } from 'react'
import type { AgreementReport } from '../../../../shared/agreement/report'
import { messageOf } from '../model/errors'
import { useSession } from './use-session'

interface Answer {
  /** The request it answers. */
  request: string
  report: AgreementReport | null
  error: string | null
}

/**
 * The report (the last one while a new one is calculated), the error sentence, and a way to ask
 * again; it is asked again by itself when colleagues' changes come in from disk (`revision`).
 */
export function useAgreementReport(
  annotators: readonly string[] | null,
  revision: number,
): { report: AgreementReport | null; error: string | null; loading: boolean; reload: () => void } {
  const session = useSession()
  const [answer, setAnswer] = useState<Answer>({ request: '', report: null, error: null })
  const [asked, setAsked] = useState(0)
  const who = annotators ? annotators.join('\n') : ''
  const request = `${asked}.${revision}:${who}`
  useEffect(() => {
    let current = true
    const list = request.slice(request.indexOf(':') + 1)
    session.client.call('agreement.report', { annotators: list === '' ? null : list.split('\n'), document: null }).then(
      (report) => current && setAnswer({ request, report, error: null }),
      (e: unknown) => current && setAnswer({ request, report: null, error: messageOf(e) }),
    )
    return () => {
      current = false
    }
  }, [session, request])
  const reload = useCallback(() => setAsked((n) => n + 1), [])
  return { report: answer.report, error: answer.error, loading: answer.request !== request, reload }
}
