/**
 * The shape of everything the UI shows outside the text itself. One immutable object, replaced
 * field by field through the Store, so components re-render only for the fields they read.
 */
import type {
  AnnotatorSummary,
  AppInfo,
  BackupInfo,
  CsvPreview,
  DocumentNotes,
  DocumentSummary,
  Guidelines,
  ProjectSearch,
} from '../../../../shared/api'
import type { AnnotatorMemo } from '../../../../shared/model/memos'
import type { DocumentState } from '../../../../shared/model/status'
import { DEFAULT_QUERY, type Hit, type Query } from '../../../../shared/search/find'
import {
  EVERY_ROW,
  type RetrieveFacets,
  type RetrieveFilter,
  type RetrieveGroup,
  type RetrieveGrouping,
} from '../../../../shared/retrieve/rows'
import type { LayerSnapshot } from './annotation-set'
import { ALL_ANNOTATIONS, type ListFilter } from './list-filter'
import type { ReviewModel } from './review-model'
import type { SuggestState } from './suggestions'

/** What the save indicator says. */
export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string }

/** The open document's text and what came with it. */
export interface OpenDocumentState {
  id: string
  text: string
  /** A sentence from the host about this layer (e.g. a damaged store set aside, a pinned last good copy). */
  notice: string | null
  /** The newest pinned copy of this layer (its last good version), until restored or dismissed. */
  pinned: BackupInfo | null
  /** The layer holds all of the pinned copy now: "Not needed" is the likely answer. */
  pinnedHeld?: boolean
  /** Set when the text is damaged: the host's sentence; nothing can be changed until it is restored. */
  readOnly: string | null
}

/** Result of the last import of texts, shown until dismissed. */
export interface ImportReport {
  /** Each document that came in, with the file it came from and that file's encoding. */
  imported: { id: string; title: string; file: string; encoding: string | null }[]
  /** Texts already in the project (same sha256), with the host's sentence. */
  duplicates: { name: string; message: string }[]
  /** Files (or CSV rows) refused, with the sentence saying what to do. */
  errors: { name: string; message: string }[]
  /** Files the user chose not to import. */
  skipped: string[]
}

/** What the import is waiting for the user to decide. */
export type ImportQuestion =
  { kind: 'large'; id: number; name: string; bytes: number } | { kind: 'csv'; id: number; name: string; preview: CsvPreview }

/** What the import learned about a document that documents.list does not say. */
export interface DocumentDetails {
  encoding: string | null
  properties: Record<string, string> | null
}

/** A short message above the text. */
export interface Hint {
  text: string
  tone: 'info' | 'error'
}

/** Attribution in progress: the claim or stance waiting for a source to be clicked. */
export interface Linking {
  from: string
  /** The link type: attribution, or one of the project's link types. */
  type: string
  /** The label ids the link may point to. */
  targets: readonly string[]
}

/** What the window shows beside the document list. */
export type View = 'annotate' | 'review' | 'agreement' | 'retrieve' | 'analysis'

/** The find bar: the query, its hits in the open document, and the project's results when asked for. */
export interface FindState {
  open: boolean
  /** Counts requests to put the keyboard in the find field (each open does). */
  focus: number
  query: Query
  /** The hits in the open document, in code points, in text order. */
  hits: Hit[]
  /** The hit shown as current, by index. */
  current: number | null
  /** Hits ticked in the list, by index (tagging can take only these). */
  ticked: readonly number[]
  /** The list of this document's hits is shown (beside the text). */
  listed: boolean
  /** More hits than are marked. */
  truncated: boolean
  /** Why the query cannot run (a bad pattern, one too slow): one sentence. */
  problem: string | null
  searching: boolean
  /** Hits in every document, when asked for. */
  project: ProjectSearch | null
  projectSearching: boolean
  /** The label the hits were last tagged with (Tag all… offers it first next time), if any. */
  tagLabel: string | null
}

/** The Retrieve view: the filter, the grouping, and what the host answered (rows are fetched by the controller). */
export interface RetrieveState {
  filter: RetrieveFilter
  grouping: RetrieveGrouping
  total: number
  /** Annotations in the whole project. */
  all: number
  groups: RetrieveGroup[]
  facets: RetrieveFacets | null
  loading: boolean
  problem: string | null
  exported: string | null
  /** Counts the rows fetched, so the table redraws. */
  version: number
}

export const initialRetrieve: RetrieveState = {
  filter: EVERY_ROW,
  grouping: 'none',
  total: 0,
  all: 0,
  groups: [],
  facets: null,
  loading: false,
  problem: null,
  exported: null,
  version: 0,
}

/** The find bar before it was ever opened. */
export const initialFind: FindState = {
  open: false,
  focus: 0,
  query: DEFAULT_QUERY,
  hits: [],
  current: null,
  ticked: [],
  listed: false,
  truncated: false,
  problem: null,
  searching: false,
  project: null,
  projectSearching: false,
  tagLabel: null,
}

/** What the side panel shows: the view's own (annotations, review units), the memos, or the guidelines. */
export type SidePanel = 'main' | 'memos' | 'guidelines'

/** Which documents the list shows: all, or those the annotator has in one state. */
export type DocumentFilter = 'all' | DocumentState

/** A dialog opened from the menu bar. */
export type DialogName = 'open' | 'create' | 'importTexts' | 'annotations' | 'export' | 'backups' | 'shortcuts' | 'about' | 'tagset'

/** The window's frame: the dialog the menus opened, and which side panels show in a narrow window. */
export interface ShellState {
  dialog: DialogName | null
  /** Counts requests to pick texts to import (Project → Import texts…): the file picker opens on each. */
  pickTexts: number
  /** In a narrow window the document list is a drawer over the text: whether it is pulled out. */
  documentsOpen: boolean
  /** In a narrow window the side panel can be put away, for a wider text: whether it shows. */
  sideOpen: boolean
  /** What went wrong with the last menu command (a project that would not open), in one sentence. */
  problem: string | null
}

export const initialShell: ShellState = { dialog: null, pickTexts: 0, documentsOpen: false, sideOpen: true, problem: null }

/** Settled / total review units, by document id. */
export type Progress = Record<string, { settled: number; total: number }>

/** Everything the UI renders from. */
export interface SessionState {
  phase: 'starting' | 'no-token' | 'ready' | 'failed'
  /** Why start-up failed, in one sentence. */
  problem: string | null
  info: AppInfo | null
  askAnnotator: boolean
  documents: DocumentSummary[]
  doc: OpenDocumentState | null
  /** Id of the document being opened. */
  opening: string | null
  layer: LayerSnapshot | null
  selectedId: string | null
  linking: Linking | null
  save: SaveState
  imported: ImportReport | null
  /** Files of the running import sent so far, of all (null when no import runs). */
  importing: { done: number; total: number } | null
  importQuestion: ImportQuestion | null
  /** Encoding and properties of documents imported in this session, by id. */
  documentDetails: Record<string, DocumentDetails>
  hint: Hint | null
  /** Completion values by "label.attribute", from the whole project. */
  values: Record<string, string[]>
  view: View
  /** Who has layers in the project (null until asked). */
  annotators: AnnotatorSummary[] | null
  /** The annotators the review compares, once chosen. */
  compared: readonly string[] | null
  /** The annotator picker is open. */
  choosing: boolean
  /** The open document's review, once loaded. */
  review: ReviewModel | null
  /** The review unit being decided. */
  unit: string | null
  /** The unit whose Edit form is open. */
  editing: string | null
  /** Layers hidden in the review text: annotator names and "_reviewed". */
  hidden: readonly string[]
  /** Set when a decision met a unit changed on disk: the sentence, until the review is reopened. */
  stale: string | null
  /** Review progress per document (null until asked). */
  progress: Progress | null
  /** A short note about colleagues' changes taken in from disk. */
  changeNote: string | null
  /** The host's sentence about project.json, kept aside when found damaged by a change (until dismissed). */
  projectNotice: string | null
  /** Counts the batches of changes taken in from disk (what depends on them can recompute). */
  diskRevision: number
  find: FindState
  /** Suggest's proposals on the open document, while shown (null: none shown). */
  suggest: SuggestState | null
  retrieve: RetrieveState
  /** What the Annotate panel's list shows. */
  listFilter: ListFilter
  /** Every annotator's status, memo and replies on the open document (null until loaded). */
  notes: DocumentNotes | null
  /** Every annotator's project memo (null until loaded). */
  projectMemos: AnnotatorMemo[] | null
  /** The project's guidelines.md (null until loaded). */
  guidelines: Guidelines | null
  /** guidelines.md being edited: the text, and the sha256 of the version the editing started from. */
  guidelinesDraft: { text: string; base: string | null } | null
  side: SidePanel
  documentFilter: DocumentFilter
  shell: ShellState
}

/** The state before app.info has answered. */
export const initialState: SessionState = {
  phase: 'starting',
  problem: null,
  info: null,
  askAnnotator: false,
  documents: [],
  doc: null,
  opening: null,
  layer: null,
  selectedId: null,
  linking: null,
  save: { kind: 'saved' },
  imported: null,
  importing: null,
  importQuestion: null,
  documentDetails: {},
  hint: null,
  values: {},
  view: 'annotate',
  annotators: null,
  compared: null,
  choosing: false,
  review: null,
  unit: null,
  editing: null,
  hidden: [],
  stale: null,
  progress: null,
  changeNote: null,
  projectNotice: null,
  diskRevision: 0,
  find: initialFind,
  suggest: null,
  retrieve: initialRetrieve,
  listFilter: ALL_ANNOTATIONS,
  notes: null,
  projectMemos: null,
  guidelines: null,
  guidelinesDraft: null,
  side: 'main',
  documentFilter: 'all',
  shell: initialShell,
}
