/**
 * The Retrieve view: every annotation of the project, filtered and grouped by the host (which
 * keeps the index), fetched a window of rows at a time as the table scrolls, so 100,000 rows cost
 * what a screenful costs. A row opens its document at the annotation; the filtered rows are
 * exported as they are shown.
 */
import type { Client } from '../../../../shared/api'
import { EVERY_ROW, type RetrieveFilter, type RetrieveGrouping, type RetrieveRow } from '../../../../shared/retrieve/rows'
import { messageOf } from '../model/errors'
import type { RetrieveState, SessionState } from '../model/session-state'
import type { Store } from '../model/store'
import { saveFile } from './save-file'
import { plural } from '../../../../shared/plural'

/** Rows fetched per request. */
const PAGE = 200
/** How long typing in a filter must pause before it runs. */
const TYPING_PAUSE_MS = 150

/** The Retrieve view's work. */
export class Retrieving {
  /** Rows by position in the current result (filled a page at a time). */
  private rows: (RetrieveRow | undefined)[] = []
  private groupOfRow: number[] = []
  private loading = new Set<number>()
  private ticket = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    private readonly openAt: (row: RetrieveRow) => Promise<void>,
  ) {}

  private get state(): RetrieveState {
    return this.store.get().retrieve
  }

  private set(patch: Partial<RetrieveState>): void {
    this.store.set({ retrieve: { ...this.state, ...patch } })
  }

  /** Change the filter (typing waits for a pause) or the grouping, and run it. */
  setFilter(patch: Partial<RetrieveFilter>, typing = false): void {
    // An export was of the rows before: its sentence goes with them.
    this.set({ filter: { ...this.state.filter, ...patch }, exported: null })
    clearTimeout(this.timer)
    if (typing) this.timer = setTimeout(() => void this.run(), TYPING_PAUSE_MS)
    else void this.run()
  }

  setGrouping(grouping: RetrieveGrouping): void {
    this.set({ grouping, exported: null })
    void this.run()
  }

  /** Clear every filter. */
  reset(): void {
    this.setFilter(EVERY_ROW)
  }

  /** Run the filter: the counts, the groups and the first page of rows (and the facets, once). */
  async run(): Promise<void> {
    clearTimeout(this.timer)
    const ticket = ++this.ticket
    const { filter, grouping } = this.state
    this.set({ loading: true, problem: null })
    try {
      const result = await this.client.call('retrieve.query', {
        filter,
        grouping,
        offset: 0,
        limit: PAGE,
        facets: this.state.facets === null,
      })
      if (ticket !== this.ticket) return
      this.rows = Array.from<RetrieveRow | undefined>({ length: result.total })
      this.groupOfRow = Array.from<number>({ length: result.total })
      this.loading.clear()
      this.fill(0, result.rows, result.groupOfRow)
      this.set({
        total: result.total,
        all: result.all,
        groups: result.groups,
        loading: false,
        version: this.state.version + 1,
        ...(result.facets ? { facets: result.facets } : {}),
      })
    } catch (e) {
      if (ticket === this.ticket) this.set({ loading: false, problem: messageOf(e) })
    }
  }

  private fill(offset: number, rows: readonly RetrieveRow[], groups: readonly number[]): void {
    rows.forEach((r, i) => {
      this.rows[offset + i] = r
      this.groupOfRow[offset + i] = groups[i]!
    })
  }

  /** Row `i` of the result, or undefined while its page is being fetched (asked for here). */
  row(i: number): { row: RetrieveRow; group: number } | undefined {
    const row = this.rows[i]
    if (row) return { row, group: this.groupOfRow[i]! }
    void this.fetchPage(Math.floor(i / PAGE) * PAGE)
    return undefined
  }

  private async fetchPage(offset: number): Promise<void> {
    if (this.loading.has(offset) || offset >= this.rows.length) return
    this.loading.add(offset)
    const ticket = this.ticket
    const { filter, grouping } = this.state
    try {
      const result = await this.client.call('retrieve.query', { filter, grouping, offset, limit: PAGE, facets: false })
      if (ticket !== this.ticket) return
      this.fill(offset, result.rows, result.groupOfRow)
      this.set({ version: this.state.version + 1 })
    } catch (e) {
      this.set({ problem: messageOf(e) })
    } finally {
      this.loading.delete(offset)
    }
  }

  /** Open a row's document at its annotation. */
  async open(row: RetrieveRow): Promise<void> {
    await this.openAt(row)
  }

  /** Save exactly the rows shown as CSV, TSV or an Excel workbook; returns where it went, or null. */
  async export(format: 'csv' | 'tsv' | 'xlsx'): Promise<string | null> {
    try {
      const { content, ...file } = await this.client.call('retrieve.export', {
        filter: this.state.filter,
        format,
        // As Export… does by default: Python's csv module and pandas would read a mark into the first column's name.
        bom: false,
        neutralizeFormulas: true,
      })
      const where = await saveFile(this.client, this.store.get().info?.host, { ...file, content })
      if (where) this.set({ exported: `Exported ${plural(file.annotations, 'annotation')} as ${where}.` })
      return where
    } catch (e) {
      this.set({ problem: messageOf(e) })
      return null
    }
  }
}
