/**
 * How the Analysis view's components read its state, and the statements table's rows: windowed
 * (only the rows in view are rendered) and fetched from the host a page at a time as they come
 * into view, kept while the filter, the data and the narrowing stay the same.
 */
import { useEffect, useMemo, useRef, useState, type RefObject, type UIEvent } from 'react'
import type { Narrow, StatementRow } from '../../../../shared/discourse/analysis-view'
import type { AnalysisState } from '../controllers/analysis'
import { messageOf } from '../model/errors'
import { DEFAULT_POLARITY_NAMES, polarityNames, type PolarityNames } from '../model/analysis-model'
import { inSentence, sourceLabelName } from '../../../../shared/model/labels'
import { useStore } from './use-store'
import { useSession, useSessionState } from './use-session'
import { useWindowRows } from './use-window-rows'

/** One part of the Analysis view's state. */
export function useAnalysis<T>(select: (state: AnalysisState) => T): T {
  return useStore(useSession().analysis.store, select)
}

/** The polarities as the project's tag set names them now (polarityNames). */
export function usePolarityNames(): PolarityNames {
  const labels = useSessionState((s) => s.info?.project?.labels)
  return useMemo(() => (labels ? polarityNames(labels) : DEFAULT_POLARITY_NAMES), [labels])
}

/** The name of the label statements are attributed to, as headings ("Speaker") and sentences ("speaker") use it. */
export function useSourceName(): { Name: string; name: string } {
  const labels = useSessionState((s) => s.info?.project?.labels)
  return useMemo(() => {
    const Name = labels ? sourceLabelName(labels) : 'Source'
    return { Name, name: inSentence(Name) }
  }, [labels])
}

/** Rows per request. */
export const PAGE_SIZE = 200

interface Pages {
  key: string
  total: number | null
  pages: Map<number, StatementRow[]>
  error: string | null
}

/** The statements of a narrowing, windowed: `rows[i]` is row first + i, undefined until its page arrives. */
export function useStatementRows(
  narrow: Narrow,
  rowHeight: number,
): {
  box: RefObject<HTMLDivElement | null>
  onScroll: (e: UIEvent<HTMLDivElement>) => void
  first: number
  total: number | null
  rows: (StatementRow | undefined)[]
  error: string | null
} {
  const session = useSession()
  const version = useAnalysis((s) => s.version)
  // Each new view (a new filter, or new data) counts a version: rows are asked again for it.
  const key = `${version}|${JSON.stringify(narrow)}`
  const [state, setState] = useState<Pages>({ key, total: null, pages: new Map(), error: null })
  const current = useMemo<Pages>(() => (state.key === key ? state : { key, total: null, pages: new Map(), error: null }), [state, key])
  const { box, first, last, onScroll } = useWindowRows(current.total ?? 0, rowHeight)
  const asking = useRef(new Set<string>())

  useEffect(() => {
    const end = current.total === null ? 1 : Math.min(last, current.total)
    for (let p = Math.floor(first / PAGE_SIZE); p * PAGE_SIZE < end; p++) {
      const ask = `${current.key}#${p}`
      if (current.pages.has(p) || asking.current.has(ask)) continue
      asking.current.add(ask)
      const fresh = (s: Pages): Pages => (s.key === current.key ? s : { key: current.key, total: null, pages: new Map(), error: null })
      session.analysis.page(JSON.parse(current.key.slice(current.key.indexOf('|') + 1)) as Narrow, p * PAGE_SIZE, PAGE_SIZE).then(
        (page) => {
          asking.current.delete(ask)
          setState((s) => {
            const base = fresh(s)
            const pages = new Map(base.pages)
            pages.set(p, page.rows)
            return { ...base, total: page.total, pages, error: null }
          })
        },
        (e: unknown) => {
          asking.current.delete(ask)
          setState((s) => ({ ...fresh(s), error: messageOf(e) }))
        },
      )
    }
  }, [session, current, first, last])

  const rows: (StatementRow | undefined)[] = []
  const total = current.total ?? 0
  for (let i = first; i < Math.min(last, total); i++) rows.push(current.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE])
  return { box, onScroll, first, total: current.total, rows, error: current.error }
}
