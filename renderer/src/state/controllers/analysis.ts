/**
 * The Analysis view's controller: asks the host for the view (matrix, network, counts over time)
 * whenever the filter, the network or the time unit changes, keeping the last view on screen
 * until the next arrives and dropping answers that a newer request overtook; loads the statements
 * behind what was clicked; pages the statements table; and saves the analysis exports.
 */
import type { Client, DocumentSummary } from '../../../../shared/api'
import type { AnalysisView, Narrow, NetworkChoice, OverTimeChoice, StatementPage } from '../../../../shared/discourse/analysis-view'
import {
  filterOf,
  firstNetwork,
  firstOverTime,
  narrowOf,
  noChoice,
  type AnalysisChoice,
  type AnalysisSelection,
  type AnalysisTab,
} from '../model/analysis-model'
import { messageOf } from '../model/errors'
import type { SessionState } from '../model/session-state'
import { Store } from '../model/store'
import { saveFile } from './save-file'

/** What the Analysis view renders from. */
export interface AnalysisState {
  choice: AnalysisChoice
  network: NetworkChoice
  overTime: OverTimeChoice
  tab: AnalysisTab
  selection: AnalysisSelection | null
  view: AnalysisView | null
  /** Counts the views received (what depends on the data can ask again). */
  version: number
  loading: boolean
  /** Why the last view could not be had, in one sentence. */
  error: string | null
  /** The first statements behind the selection. */
  selected: StatementPage | null
  /** What the last export did, or why it failed. */
  exported: { text: string; tone: 'info' | 'error' } | null
  /** The statements table's search: its export holds the statements it shows. */
  search: string
}

/** An analysis export: which table, in which format. */
export type AnalysisExportChoice = {
  table: 'statements' | 'matrix' | 'over-time' | 'nodes' | 'edges' | 'graphml' | 'gexf'
  format: 'csv' | 'tsv' | 'xlsx'
  /** CSV and TSV: cells starting with = + - @ get an apostrophe, so a spreadsheet shows them (default true). */
  neutralizeFormulas?: boolean
}

/** How many statements of a selection are shown at first. */
const SELECTED_PAGE = 200

/** What the controller needs from the session. */
export interface AnalysisHooks {
  documents(): readonly DocumentSummary[]
  host(): 'desktop' | 'browser' | undefined
  /** Resolves once the annotator's own changes are saved (so the analysis counts them). */
  saved(): Promise<void>
}

/** The Analysis view as a project first shows it. */
const initialAnalysis: AnalysisState = {
  choice: noChoice,
  network: firstNetwork,
  overTime: firstOverTime,
  tab: 'matrix',
  selection: null,
  view: null,
  version: 0,
  loading: false,
  error: null,
  selected: null,
  exported: null,
  search: '',
}

/** The Analysis view's state and actions. */
export class Analysis {
  readonly store = new Store<AnalysisState>(initialAnalysis)
  private asked = 0
  private askedSelection = 0

  constructor(
    private readonly client: Client,
    private readonly hooks: AnalysisHooks,
  ) {}

  /**
   * Another project was opened: forget this one's view and choices (a layer chosen here may not be
   * there), and drop any answer still on its way.
   */
  reset(): void {
    this.asked++
    this.askedSelection++
    this.store.set({ ...initialAnalysis, version: this.store.get().version + 1 })
  }

  /** The contract's filter for the current choice. */
  filter() {
    const s = this.store.get()
    return filterOf(s.choice, this.hooks.documents(), s.view?.layers.map((l) => l.name) ?? [])
  }

  /**
   * Keep the view current while it is shown: load it now, and again whenever the documents (their
   * properties) change or colleagues' changes come in from disk. Returns the function that stops.
   */
  watch(session: Store<SessionState>): () => void {
    let seen: [number, unknown] = [-1, null]
    const check = () => {
      const s = session.get()
      if (s.diskRevision === seen[0] && s.documents === seen[1]) return
      seen = [s.diskRevision, s.documents]
      void this.load()
    }
    check()
    const stop = session.subscribe(check)
    return () => void stop()
  }

  /** Ask for the view again (the filter changed, or colleagues' changes came in). */
  async load(): Promise<void> {
    const request = ++this.asked
    this.store.set({ loading: true })
    try {
      await this.hooks.saved()
      const s = this.store.get()
      const view = await this.client.call('analysis.view', { filter: this.filter(), network: s.network, overTime: s.overTime })
      if (request !== this.asked) return
      this.store.set({ view, version: this.store.get().version + 1, loading: false, error: null })
      void this.loadSelection()
    } catch (e) {
      if (request === this.asked) this.store.set({ loading: false, error: messageOf(e) })
    }
  }

  /** Change some of the filter and show the view for it. */
  choose(patch: Partial<AnalysisChoice>): void {
    // What was exported was of the view before: its sentence goes with it.
    this.store.set({ choice: { ...this.store.get().choice, ...patch }, exported: null })
    void this.load()
  }

  /** Show another network: mode, normalisation (reset to none when the mode has not got it), isolates. */
  setNetwork(patch: Partial<NetworkChoice>): void {
    const next = { ...this.store.get().network, ...patch }
    const twoMode = next.mode === 'actor-target'
    const fits = twoMode ? ['none', 'activity', 'prominence'] : ['none', 'average', 'jaccard']
    if (!fits.includes(next.normalization)) next.normalization = 'none'
    this.store.set({ network: next, exported: null })
    void this.load()
  }

  setOverTime(patch: Partial<OverTimeChoice>): void {
    this.store.set({ overTime: { ...this.store.get().overTime, ...patch }, exported: null })
    void this.load()
  }

  /** Narrow the statements table to statements holding a text (and its export with it). */
  setSearch(search: string): void {
    this.store.set({ search, exported: null })
  }

  setTab(tab: AnalysisTab): void {
    this.store.set({ tab })
  }

  /** Show the statements behind a cell, a node or the unlinked stances (null: none). */
  select(selection: AnalysisSelection | null): void {
    this.store.set({ selection, selected: null })
    void this.loadSelection()
  }

  private async loadSelection(): Promise<void> {
    const { selection } = this.store.get()
    const request = ++this.askedSelection
    if (!selection) return
    try {
      const page = await this.page(narrowOf(selection), 0, SELECTED_PAGE)
      if (request === this.askedSelection) this.store.set({ selected: page })
    } catch (e) {
      if (request === this.askedSelection) this.store.set({ exported: { text: messageOf(e), tone: 'error' } })
    }
  }

  /** A page of statements that pass the filter and the narrowing. */
  page(narrow: Narrow, offset: number, limit: number): Promise<StatementPage> {
    return this.client.call('analysis.statements', { filter: this.filter(), narrow, offset, limit })
  }

  /** Save an analysis export: a download in browser mode, the save dialog on desktop. */
  async export(choice: AnalysisExportChoice): Promise<void> {
    const s = this.store.get()
    this.store.set({ exported: null })
    try {
      await this.hooks.saved()
      const file = await this.client.call('analysis.export', {
        filter: this.filter(),
        // The statements table's export is of the statements it shows.
        narrow: { stances: false, search: choice.table === 'statements' ? s.search : '' },
        table: choice.table,
        format: choice.format,
        neutralizeFormulas: choice.neutralizeFormulas ?? true,
        network: s.network,
        overTime: s.overTime,
      })
      const where = await saveFile(this.client, this.hooks.host(), file)
      if (where === null) return
      const what = choice.table === 'graphml' || choice.table === 'gexf' ? `${file.rows} edges` : `${file.rows} rows`
      this.store.set({ exported: { text: `Saved ${what} ${this.hooks.host() === 'desktop' ? 'to' : 'as'} ${where}.`, tone: 'info' } })
    } catch (e) {
      this.store.set({ exported: { text: messageOf(e), tone: 'error' } })
    }
  }
}
