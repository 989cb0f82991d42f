/**
 * The contract between the UI and whatever hosts the project (the Electron main process over IPC,
 * or the browser-mode server over HTTP): every method the UI may call, with a runtime validator for
 * its arguments and the type of its reply. Hosts route calls through `dispatch`, which validates
 * arguments and turns every failure into a Result, so nothing throws across the boundary.
 */
import { z } from 'zod'
import { DomainError, type ErrorCode, type Retry } from './errors'
import { ExportFormat, ExportTable } from './interchange/formats'
import { MAX_HITS, type Hit } from './search/find'
import type { RetrieveResult } from './retrieve/rows'
import type { AnnotationImportReport } from './interchange/import-report'
import type { BackupInfo } from './model/backup'
import type { CsvPreview } from './model/csv-preview'
import { isBaseIri } from './interchange/iris'
import { AnnotationId, AnnotationOp, AnnotatorName, DocumentId, Sha256 } from './model/annotation'
import { LayerName, type AnnotatorMemo, type Reply } from './model/memos'
import { DocumentState } from './model/status'
import type { Annotation, Link, SuggestionRecord } from './model/annotation'
import { LabelSchema, LinkTypeDef, Slug } from './model/labels'
import { TagMerge } from './model/project'
import type { TagUsage } from './tagset/tagset'
import { UnitDecision, type Decision, type ReviewedAnnotation } from './model/review'
import type { AgreementReport } from './agreement/report'
import type { DocumentSuggestions } from './suggest/for-layer'
import type { SentAnnotations } from './annotations/sent-form'
import type { SentLayer, SentUnit } from './review/sent-form'
import { AnalysisFilter, Narrow, NetworkChoice, OverTimeChoice, type AnalysisView, type StatementPage } from './discourse/analysis-view'

/**
 * A folder or file path from the UI: absolute (a relative one would depend on where the host was
 * started), without NUL bytes.
 */
export const ProjectPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path without NUL bytes')
  .refine((p) => /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'an absolute path, such as /home/you/project or C:\\Users\\you\\project')

/** Why a path typed by the user cannot be used, in one sentence (null: it can), before any call is made. */
export function pathProblem(path: string): string | null {
  const parsed = ProjectPath.safeParse(path)
  if (parsed.success) return null
  const shown = path.length > 80 ? `${path.slice(0, 79)}…` : path
  return `“${shown}” is not a path Marginalia can use: write ${parsed.error.issues[0]!.message}.`
}

export interface ProjectSummary {
  /** Absolute path of the project folder. */
  path: string
  name: string
  labels: LabelSchema
  /** Link types besides attribution. */
  linkTypes: LinkTypeDef[]
  documentCount: number
}

export interface DocumentSummary {
  id: string
  title: string
  /** Length in code points. */
  length: number
  importedFrom: string
  /** The encoding the file was decoded from, when known. */
  encoding: string | null
  /** The document's properties: date, outlet, author, url, or any other key ({} when none). */
  properties: Record<string, string>
  /** Annotations in the current annotator's layer. */
  annotationCount: number
  /** The current annotator's status of this document (shared/model/status.ts). */
  state: DocumentState
  /**
   * The current annotator's file of this document was found damaged and that is not settled: it
   * was set aside and its last good copy is pinned until restored or said not to be needed (the
   * open document's banner says which copy).
   */
  damaged: boolean
}

export interface AppInfo {
  version: string
  host: 'desktop' | 'browser'
  /** The annotator's name from settings, or null until they have given it. */
  annotator: string | null
  /** What to offer when asking for the name (the OS user name). */
  suggestedAnnotator: string
  project: ProjectSummary | null
  recent: string[]
  /** Set when a project could not be opened at start-up: one sentence for the user. */
  notice: string | null
  /** The folder of that project, when its project.json is damaged: the start page offers its last good copy. */
  failedProject?: string
  /**
   * What was remembered of the open project: whom the review compares, the document open and where
   * it was scrolled to (`scroll`: the code point at the top of the view), and that place in each
   * document opened lately (`places`, by document id).
   */
  remembered: { review: string[] | null; document: string | null; scroll: number; places: Record<string, number> } | null
  /** How the user likes the app: selections snapped to whole words, the colour theme. */
  /** wholeText: every line of a text drawn, not only those around the view (for screen readers). */
  preferences: { snapToWords: boolean; theme: 'system' | 'light' | 'dark'; wholeText: boolean }
}

export interface OpenedDocument {
  document: DocumentSummary
  text: string
  sha256: string
  annotator: string
  /**
   * Without what the page has already (shared/annotations/sent-form.ts): it puts that back with
   * `receivedAnnotations` from `text` and `annotator`.
   */
  annotations: SentAnnotations
  links: Link[]
  /** The annotator's decisions on suggestions in this document (rejected; accepted, with the annotation). */
  suggestions: SuggestionRecord[]
  /**
   * Set when this layer's store could not be read and was moved aside, or when a last good copy of
   * it is pinned (see `pinned`): one sentence.
   */
  notice: string | null
  /** The newest pinned copy of this layer: its last good version, kept since it was found damaged. */
  pinned: BackupInfo | null
  /**
   * The layer holds every annotation and link of the pinned copy as it is there (saved on since,
   * from what was open): restoring would only take back what came after, so "Not needed" is the
   * likely answer. Absent when false.
   */
  pinnedHeld?: boolean
  /**
   * Set when the document's text is not the one imported (changed, damaged) or cannot be read: one
   * sentence saying so and what to do. The document is then read-only: annotations.apply is
   * refused ('read-only') until the text is restored (Backups…).
   */
  readOnly: string | null
}

export interface ApplyResult {
  /** The stored form of every annotation the ops put (quote, author and times filled in). */
  annotations: Annotation[]
  /**
   * Every link of the layer after the save, unless the request's `inStep` names the host's copy
   * these ops were applied to: then the window's links, with these ops applied as it applied them
   * (its link ops carry their time of making), are the very links stored, and none are sent.
   */
  links?: Link[]
  /**
   * Names the host's copy of the layer after this save, for the window's next `inStep` once its
   * links are that copy's plus what it sent since (a reply without links, or one whose links it took).
   */
  layerToken: string
  annotationCount: number
  /** When the store was durably written. */
  savedAt: string
  /**
   * True when someone else (another window, a sync tool) had changed this layer on disk since this
   * app last read it: their changes were kept and these ops applied on top; reload to see them.
   */
  changedOnDisk?: boolean
  /**
   * Set when this save found the layer's file damaged on disk (changed since it was read), set it
   * aside and saved the change in a new one: one sentence, naming the pinned last good copy.
   */
  notice?: string | null
  /** The annotator's status of the document after the save (the first annotation ends "nothing to tag"). */
  state?: DocumentState
  /**
   * Annotations this save edited that another window or app had deleted meanwhile: the edit
   * brought them back (nothing typed is lost), and the window says so. Absent when none.
   */
  restored?: string[]
}

export interface ImportResult {
  /** Each with the encoding it was decoded from (null for .docx) and, for a CSV row, its other cells. */
  imported: DocumentSummary[]
  /**
   * One entry per file (or CSV row) not imported: what is wrong and what to do, in one sentence.
   * kind 'duplicate': the same text is already in the project; 'needs-confirmation': the file is
   * over 20 MB, so send it again with confirmLarge: true once the user agrees; 'needs-columns': a
   * table whose text column could not be told, so send it again with `csv` chosen; 'refused':
   * anything else.
   */
  errors: { name: string; message: string; kind?: 'refused' | 'duplicate' | 'needs-confirmation' | 'needs-columns' }[]
}

/** A finished export, as one file to save (a folder of files, such as brat's, comes zipped). */
export interface ExportedFile {
  filename: string
  /** text/csv, text/tab-separated-values, the xlsx type, application/x-ndjson, application/ld+json or application/zip. */
  mediaType: string
  /** The file's content: text as is ('utf8'), or a zip's or workbook's bytes as base64 ('base64'). */
  content: string
  encoding: 'utf8' | 'base64'
  /** Annotations exported (spans; W3C and brat also carry links); for the CSV or TSV of links, the links. */
  annotations: number
  documents: number
  /** What the format could not carry exactly, one sentence each (such as brat and line breaks at a span's edge). */
  warnings: string[]
}

const ImportFile = z.object({
  name: z.string().min(1).max(255),
  /** The file's bytes, base64. */
  data: z
    .string()
    .max(40_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 data'),
  /** Decode with this encoding (utf-8, windows-1252, …) instead of detecting it. */
  encoding: z.string().min(1).max(40).nullable().default(null),
  /** For a .csv file: the columns holding each row's text, and optionally its title and id. */
  csv: z
    .object({
      text: z.string().min(1).max(200),
      title: z.string().min(1).max(200).nullable().default(null),
      id: z.string().min(1).max(200).nullable().default(null),
    })
    .nullable()
    .default(null),
})

export const CsvOptions = z.object({
  /** Which layers: every annotator's and the reviewed layer, the current annotator's, or the reviewed layer. */
  layer: z.enum(['all', 'mine', 'reviewed']).default('all'),
  /** One annotator's layer (overrides `layer`), or null. */
  annotator: AnnotatorName.nullable().default(null),
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8. */
  bom: z.boolean().default(false),
  /** Prefix cells that a spreadsheet would run as a formula with an apostrophe. */
  neutralizeFormulas: z.boolean().default(true),
})
export type CsvOptions = z.infer<typeof CsvOptions>

/** What to export: the CSV's layer choice, optionally narrowed to some documents, in one of the formats. */
export const ExportOptions = CsvOptions.extend({
  format: ExportFormat,
  /** W3C: an absolute http(s) IRI to name every annotation and text under; null for the project's URNs. */
  base: z
    .string()
    .max(2000)
    .refine(isBaseIri, 'an absolute http or https address, such as https://example.org/corpus/')
    .nullable()
    .default(null),
  /** These documents only (all when null). Ignored by 'zip', which packs the whole project folder. */
  documents: z.array(DocumentId).min(1).max(10_000).nullable().default(null),
  /** CSV and TSV: the spans (one row per annotation) or the links between them (the workbook's Links sheet). */
  table: ExportTable.default('spans'),
})
export type ExportOptions = z.infer<typeof ExportOptions>

/** An analysis export: one file, text or (a workbook) base64 bytes. */
export interface AnalysisExport {
  filename: string
  mediaType: string
  content: string
  encoding: 'utf8' | 'base64'
  /** Rows (or, for GraphML and GEXF, edges) written. */
  rows: number
}

/** The reviewed layer of a document, and how far its review has come. */
export interface ReviewedState {
  annotations: ReviewedAnnotation[]
  links: Link[]
  decisions: Decision[]
  /** Units settled by a decision / all units, for the compared annotators. */
  settled: number
  total: number
}

export interface ReviewView {
  document: DocumentSummary
  /** Left out when the page said it holds this text already (`have`). */
  text?: string
  sha256: string
  /** Who is deciding (the current annotator). */
  reviewer: string
  /** As references and without the quotes the text gives (shared/review/sent-form.ts): the page puts them back with `receivedReview`. */
  layers: SentLayer[]
  units: SentUnit[]
  /** Compared annotators without a layer of this document (missing data): the units leave them out. */
  missing?: string[]
  reviewed: ReviewedState
}

/** What changed on disk (others' writes) since a revision the UI has seen. */
export interface ProjectChanges {
  revision: number
  /** layer: an annotator's name, "_reviewed", or "project" (project.json, document null). */
  changed: { layer: string; document: string | null }[]
  /** False when more changed than is remembered: reload everything. */
  complete: boolean
  /**
   * Set while a change to project.json found the file damaged on disk, kept it aside and saved
   * what was open in its place: one sentence, shown until the user dismisses it (project.dismissNotice).
   */
  notice?: string | null
}

export interface AnnotatorSummary {
  annotator: string
  /** Documents this annotator has a layer for. */
  documents: number
  annotations: number
  /** Of those documents, the ones marked done with nothing tagged (a layer without annotations). */
  nothingToTag: number
}

/** One of a project's JSON files: its project.json (of the folder at `path`), a layer, or the reviewed layer. */
export const StoreRef = z.discriminatedUnion('store', [
  z.object({ store: z.literal('project'), path: ProjectPath }).strict(),
  z.object({ store: z.literal('annotations'), annotator: AnnotatorName, document: DocumentId }).strict(),
  z.object({ store: z.literal('reviewed'), document: DocumentId }).strict(),
  /** A document's text (texts/<id>.txt), kept as imported. */
  z.object({ store: z.literal('text'), document: DocumentId }).strict(),
])
export type StoreRef = z.infer<typeof StoreRef>

/** A backup's name in its folder: latest.json, <time>.json, <time>.v<N>.json, pinned-<time>.json, or a text's imported.txt. */
export const BackupId = z
  .string()
  .regex(
    /^(?:(?:latest|(?:pinned-)?\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z|\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.v\d{1,3})\.json|imported\.txt)$/,
    'a backup id from backups.list',
  )

export interface RestoreResult {
  restored: BackupInfo
  /** The project as it is now (for a project.json restore: the project, now open). */
  project: ProjectSummary
  /** Set when the replaced file was unreadable and kept aside: one sentence. */
  notice: string | null
}

const Annotators = z
  .array(AnnotatorName)
  .min(2)
  .max(12)
  .refine((a) => new Set(a).size === a.length, 'each annotator once')

/** What the Retrieve view keeps: an empty list keeps everything (see shared/retrieve/rows.ts). */
const RetrieveFilterArgs = z
  .object({
    labels: z.array(Slug).max(100).default([]),
    layers: z.array(z.string().min(1).max(64)).max(100).default([]),
    documents: z.array(DocumentId).max(100_000).default([]),
    attributes: z
      .array(z.object({ label: Slug.nullable(), attribute: Slug, value: z.string().max(1000) }).strict())
      .max(20)
      .default([]),
    source: z.string().max(300).default(''),
    text: z.string().max(1000).default(''),
  })
  .strict()

/** A find query: plain text (whole word, case and diacritics as chosen) or a regular expression. */
export const SearchQuery = z
  .object({
    text: z.string().min(1).max(1000),
    mode: z.enum(['plain', 'regex']),
    wholeWord: z.boolean(),
    caseSensitive: z.boolean(),
    diacriticsSensitive: z.boolean(),
  })
  .strict()

/** A project search's hits, by document, each with up to 40 code points of context either side. */
export interface ProjectSearch {
  /** Each hit with its context and its paragraph (from 1, blank lines not counted: shared/search/find.ts paragraphOf). */
  documents: {
    document: string
    title: string
    hits: (Hit & { before: string; match: string; after: string; paragraph: number })[]
    truncated: boolean
  }[]
  total: number
  /** More hits than were sent. */
  truncated: boolean
}

/** Every annotator's status, memo and replies on one document (each from their own file). */
export interface DocumentNotes {
  document: string
  /** The status of each annotator with a store of this document (anyone else has not started). */
  states: { annotator: string; state: DocumentState; changed: string | null }[]
  memos: AnnotatorMemo[]
  /** Every reply to any annotation of the document, in time order. */
  replies: Reply[]
}

/** The project's guidelines.md, as read. */
export interface Guidelines {
  /** Where the file is (absolute), to open it in another editor. */
  path: string
  /** Its Markdown ('' when there is no file yet). */
  text: string
  exists: boolean
  /** sha256 of the text read: a save names it, so a change made meanwhile is never overwritten. */
  sha256: string | null
  modified: string | null
}

/** Declares a method: `declare<Reply>()(argsValidator)`. */
function declare<R>() {
  return <A extends z.ZodType>(args: A) => ({ args, result: undefined as unknown as R })
}

const Empty = z.object({}).strict()

/**
 * A window's id (made by each page when it starts), sent with its saves and its project.changes
 * polls, so the host can tell each window of the others' saves and not of its own.
 */
export const WindowId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)

/** Every method, its argument validator and (as a type) its reply. */
export const contract = {
  'app.info': declare<AppInfo>()(Empty),
  /** Refused ('invalid') for a name Windows cannot hold as a folder (CON, NUL, COM1…), on every system. */
  /** The name as typed, in NFC (a name typed with combining accents is the same name). */
  'settings.setAnnotator': declare<AppInfo>()(
    z
      .object({
        name: z
          .string()
          .max(200)
          .transform((s) => s.trim().normalize('NFC'))
          .pipe(AnnotatorName),
      })
      .strict(),
  ),
  /** Change the user's preferences (any project). */
  'settings.setPreferences': declare<AppInfo>()(
    z
      .object({
        snapToWords: z.boolean().optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        wholeText: z.boolean().optional(),
      })
      .strict(),
  ),
  /**
   * Remember, for the open project, whom the review compares, the document open and where it is
   * scrolled to (a code point), or a canonical-name proposal dismissed in a document.
   */
  'settings.remember': declare<null>()(
    z
      .object({
        review: Annotators.nullable().optional(),
        document: DocumentId.nullable().optional(),
        scroll: z.number().nonnegative().max(1e9).optional(),
        /** Where a document other than the open one was left (a switch right after scrolling). */
        place: z
          .object({ document: DocumentId, offset: z.number().nonnegative().max(1e9) })
          .strict()
          .optional(),
        /** A canonical-name proposal of Suggest dismissed in a document: not proposed there again. */
        dismissName: z
          .object({ document: DocumentId, name: z.string().trim().min(1).max(300) })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  'project.open': declare<ProjectSummary>()(z.object({ path: ProjectPath }).strict()),
  'project.create': declare<ProjectSummary>()(z.object({ path: ProjectPath, name: z.string().trim().min(1).max(200) }).strict()),
  'documents.list': declare<DocumentSummary[]>()(Empty),
  'documents.rename': declare<DocumentSummary>()(z.object({ id: DocumentId, title: z.string().trim().min(1).max(300) }).strict()),
  /** Import files as documents; files over 20 MB need confirmLarge (see ImportResult.errors). */
  'documents.import': declare<ImportResult>()(
    z.object({ files: z.array(ImportFile).min(1).max(500), confirmLarge: z.boolean().default(false) }).strict(),
  ),
  /** A CSV file's columns and first rows, before importing it. */
  'documents.previewCsv': declare<CsvPreview>()(z.object({ file: ImportFile }).strict()),
  'documents.open': declare<OpenedDocument>()(z.object({ id: DocumentId }).strict()),
  'annotations.apply': declare<ApplyResult>()(
    z
      .object({
        document: DocumentId,
        ops: z.array(AnnotationOp).min(1).max(10_000),
        window: WindowId.optional(),
        /** The `layerToken` of the host's copy this window's links are in step with (see ApplyResult.links). */
        inStep: z.string().max(100).optional(),
      })
      .strict(),
  ),
  /**
   * Suggest: sources, claims and their links proposed from attribution cues in a document's text
   * (docs/suggestions.md), in the project's Claim and Source labels, without what the current
   * annotator rejected or already has in their layer. Decisions are saved with annotations.apply
   * (`decide` ops), so they undo like any change.
   */
  'suggestions.document': declare<DocumentSuggestions>()(z.object({ document: DocumentId }).strict()),
  /** Values already used for each completable text attribute, keyed "label.attribute". */
  'annotations.values': declare<Record<string, string[]>>()(Empty),
  /** Export in any format (docs/formats.md) as one file to save with host.saveFile. */
  'export.annotations': declare<ExportedFile>()(ExportOptions.strict()),
  'project.annotators': declare<AnnotatorSummary[]>()(Empty),
  /** Changes others made on disk since `since`; the UI polls it every few seconds. */
  /**
   * What changed since a revision: files changed by other programs (the folder's watch), and what
   * this host saved for another window (`window`: the asking window's id, whose own saves are left
   * out), so two windows of one host hear of each other's changes as they do of a colleague's.
   */
  'project.changes': declare<ProjectChanges>()(z.object({ since: z.number().int().nonnegative(), window: WindowId.optional() }).strict()),
  /** The user has read ProjectChanges.notice: it is not shown again. */
  'project.dismissNotice': declare<null>()(Empty),
  /**
   * Import annotations (a path): a colleague's project folder or store file, a JSON Lines or W3C
   * Web Annotation (.jsonld/.json) export, or a brat folder or .ann file. `as` names the layer for
   * formats that carry no annotator (brat, or W3C without creators).
   */
  'annotations.import': declare<AnnotationImportReport>()(
    z
      .object({
        path: ProjectPath,
        as: AnnotatorName.nullable().default(null),
        /** Replace a layer here even when it has changes newer than the import's (it is kept aside first). */
        replace: z.boolean().default(false),
      })
      .strict(),
  ),
  /** `have`: the sha256 of the document's text the page holds already; when it is the text's, the reply leaves the text out. */
  'review.open': declare<ReviewView>()(
    z
      .object({
        document: DocumentId,
        annotators: Annotators,
        have: Sha256.optional(),
      })
      .strict(),
  ),
  'review.decide': declare<ReviewedState>()(
    z.object({ document: DocumentId, annotators: Annotators, unit: z.string().min(1).max(20_000), decision: UnitDecision }).strict(),
  ),
  /** Settle or reopen several units at once, as one change (undoing or redoing a review action). */
  'review.decideMany': declare<ReviewedState>()(
    z
      .object({
        document: DocumentId,
        annotators: Annotators,
        items: z
          .array(z.object({ unit: z.string().min(1).max(20_000), decision: UnitDecision }).strict())
          .min(1)
          .max(100_000),
      })
      .strict(),
  ),
  /** Accept the first annotator's version of every agreed unit not yet settled. */
  'review.acceptAgreed': declare<ReviewedState>()(z.object({ document: DocumentId, annotators: Annotators }).strict()),
  /** Settled / total review units per document id, comparing these annotators (all when null). */
  'review.progress': declare<Record<string, { settled: number; total: number }>>()(
    z.object({ annotators: Annotators.nullable().default(null) }).strict(),
  ),
  /** Agreement figures for the project, or one document, between these annotators (all when null). */
  'agreement.report': declare<AgreementReport>()(
    z.object({ annotators: Annotators.nullable().default(null), document: DocumentId.nullable().default(null) }).strict(),
  ),
  /** The same report as a file to save: a long CSV table, or the JSON report. */
  'agreement.export': declare<{ filename: string; content: string }>()(
    z
      .object({
        annotators: Annotators.nullable().default(null),
        document: DocumentId.nullable().default(null),
        format: z.enum(['csv', 'json']),
      })
      .strict(),
  ),
  /** The kept versions of one file, newest first (for a project.json, the project need not open). */
  'backups.list': declare<BackupInfo[]>()(z.object({ store: StoreRef }).strict()),
  /** Put a kept version back; the replaced one is kept in turn. A project.json restore opens that project. */
  // `window`: the restoring window, which shows the restored file itself and is not told of it as of a change elsewhere.
  'backups.restore': declare<RestoreResult>()(z.object({ store: StoreRef, backup: BackupId, window: WindowId.optional() }).strict()),
  /** The user says a pinned copy is not needed: it becomes an ordinary earlier version. Returns the backups as they are now. */
  'backups.unpin': declare<BackupInfo[]>()(z.object({ store: StoreRef, backup: BackupId }).strict()),
  /** The Retrieve view: every annotation of the project that the filter keeps, grouped, a window of rows at a time. */
  'retrieve.query': declare<RetrieveResult>()(
    z
      .object({
        filter: RetrieveFilterArgs,
        grouping: z.enum(['none', 'label', 'source', 'document', 'layer']).default('none'),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(2000).default(200),
        facets: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Exactly the rows the Retrieve view's filter keeps, as CSV, TSV or an Excel workbook. */
  'retrieve.export': declare<ExportedFile>()(
    z
      .object({
        filter: RetrieveFilterArgs,
        format: z.enum(['csv', 'tsv', 'xlsx']),
        bom: z.boolean().default(false),
        neutralizeFormulas: z.boolean().default(true),
      })
      .strict(),
  ),
  /** Every hit of a query in one document's stored text, as code point offsets (regular expressions stopped after 2 s). */
  'search.document': declare<{ hits: Hit[]; truncated: boolean }>()(
    z.object({ document: DocumentId, query: SearchQuery, maxHits: z.number().int().min(1).max(MAX_HITS).default(MAX_HITS) }).strict(),
  ),
  /** The hits of a query in every document (or these), grouped by document, each in its context. */
  'search.project': declare<ProjectSearch>()(
    z
      .object({
        query: SearchQuery,
        documents: z.array(DocumentId).min(1).max(100_000).nullable().default(null),
        maxHits: z.number().int().min(1).max(10_000).default(2000),
      })
      .strict(),
  ),
  // Document status, memos, replies and guidelines (docs/format.md): each annotator writes only their own files.
  /** Set the current annotator's status of a document ('invalid' for "nothing to tag" while it has annotations). */
  'status.set': declare<DocumentSummary>()(z.object({ document: DocumentId, state: DocumentState, window: WindowId.optional() }).strict()),
  /** Every annotator's status, memo and replies on a document. */
  'notes.document': declare<DocumentNotes>()(z.object({ document: DocumentId }).strict()),
  /** Set the current annotator's memo on a document (empty text removes it). */
  'notes.setMemo': declare<DocumentNotes>()(
    z.object({ document: DocumentId, text: z.string().max(100_000), window: WindowId.optional() }).strict(),
  ),
  /** Reply to an annotation of any layer of a document; the reply goes to the current annotator's own file. */
  'notes.reply': declare<DocumentNotes>()(
    z
      .object({
        document: DocumentId,
        on: z.object({ layer: LayerName, annotation: AnnotationId }).strict(),
        text: z.string().trim().min(1).max(20_000),
        window: WindowId.optional(),
      })
      .strict(),
  ),
  /** Remove one of the current annotator's replies. */
  'notes.removeReply': declare<DocumentNotes>()(z.object({ document: DocumentId, id: AnnotationId, window: WindowId.optional() }).strict()),
  /** Every annotator's project memo. */
  'notes.project': declare<AnnotatorMemo[]>()(Empty),
  /** Set the current annotator's project memo (empty text removes it). */
  'notes.setProjectMemo': declare<AnnotatorMemo[]>()(z.object({ text: z.string().max(100_000) }).strict()),
  /** The project's guidelines.md. */
  'guidelines.read': declare<Guidelines>()(Empty),
  /** Save guidelines.md over the version read (`base`: its sha256, null when there was none); 'conflict' if it changed meanwhile. */
  'guidelines.save': declare<Guidelines>()(
    z
      .object({
        text: z.string().max(2_000_000),
        base: Sha256.nullable(),
      })
      .strict(),
  ),
  /** Desktop only: native dialogs. Browser mode answers 'unavailable'. */
  'host.openProjectDialog': declare<ProjectSummary | null>()(Empty),
  'host.createProjectDialog': declare<ProjectSummary | null>()(z.object({ name: z.string().trim().min(1).max(200) }).strict()),
  /** Desktop only: pick a folder or file for "Import annotations…". */
  'host.pickPath': declare<string | null>()(z.object({ kind: z.enum(['folder', 'file']), title: z.string().min(1).max(200) }).strict()),
  /**
   * Desktop only: export straight to a file picked in the save dialog, written by the host (CSV
   * and TSV as their rows are made), so a large export never travels to the window and back.
   * Null when the dialog was cancelled.
   */
  'host.exportToFile': declare<(Omit<ExportedFile, 'content'> & { path: string }) | null>()(ExportOptions.strict()),
  'host.saveFile': declare<{ path: string } | null>()(
    z
      .object({
        defaultName: z.string().min(1).max(255),
        content: z.string().max(500_000_000),
        encoding: z.enum(['utf8', 'base64']).default('utf8'),
      })
      .strict(),
  ),
  /** Set (a value) or remove (null or blank) some of a document's properties; the others stay. */
  'documents.setProperties': declare<DocumentSummary>()(
    z
      .object({
        id: DocumentId,
        properties: z
          .record(z.string().min(1).max(200), z.string().max(100_000).nullable())
          .refine((p) => Object.keys(p).length >= 1 && Object.keys(p).length <= 100, 'between 1 and 100 properties'),
      })
      .strict(),
  ),
  /** How much of the tag set the project uses (every layer, the reviewed ones too), for the tag-set editor. */
  'tagset.usage': declare<{ usage: TagUsage; unreadable: number }>()(z.object({}).strict()),
  /**
   * Replace the project's labels and link types, merging what `merges` names into what stays;
   * refused in one sentence when anything in use would lose its home (see shared/tagset).
   */
  'tagset.save': declare<ProjectSummary & { layersChanged: number }>()(
    z
      .object({
        labels: LabelSchema,
        linkTypes: z.array(LinkTypeDef).max(20),
        merges: z.array(TagMerge).max(200),
        /** The tag set the change was made from: when the project's is no longer that, the save is refused ('conflict'). */
        base: z
          .object({ labels: LabelSchema, linkTypes: z.array(LinkTypeDef).max(20) })
          .strict()
          .nullable()
          .default(null),
      })
      .strict(),
  ),
  /** Who says what about whom: the matrix, a network and the counts over time of the statements that pass the filter. */
  'analysis.view': declare<AnalysisView>()(
    z
      .object({
        filter: AnalysisFilter.default(AnalysisFilter.parse({})),
        network: NetworkChoice.default(NetworkChoice.parse({})),
        overTime: OverTimeChoice.default(OverTimeChoice.parse({})),
      })
      .strict(),
  ),
  /** A page of the statements that pass the filter, narrowed to a cell, a node, the unlinked stances or a search. */
  'analysis.statements': declare<StatementPage>()(
    z
      .object({
        filter: AnalysisFilter.default(AnalysisFilter.parse({})),
        narrow: Narrow.default(Narrow.parse({})),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  /** An analysis export as a file: the statements, matrix or counts over time (csv, tsv, xlsx), a network's nodes or edges, GraphML or GEXF. */
  'analysis.export': declare<AnalysisExport>()(
    z
      .object({
        filter: AnalysisFilter.default(AnalysisFilter.parse({})),
        /** The statements table's narrowing (its search): what it shows is what it exports. */
        narrow: Narrow.default(Narrow.parse({})),
        table: z.enum(['statements', 'matrix', 'over-time', 'nodes', 'edges', 'graphml', 'gexf']),
        format: z.enum(['csv', 'tsv', 'xlsx']).default('csv'),
        network: NetworkChoice.default(NetworkChoice.parse({})),
        overTime: OverTimeChoice.default(OverTimeChoice.parse({})),
        bom: z.boolean().default(false),
        neutralizeFormulas: z.boolean().default(true),
      })
      .strict(),
  ),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>
export type ResultOf<M extends MethodName> = Contract[M]['result']

export { DomainError, type ErrorCode, type Retry } from './errors'
export type { BackupInfo } from './model/backup'
export type { CsvPreview } from './model/csv-preview'
export type { AnnotationImportReport } from './interchange/import-report'
export type { DocumentSuggestions, ProposedLink, ProposedSpan } from './suggest/for-layer'
export { ExportFormat, ExportTable } from './interchange/formats'

/** A failure as it crosses the boundary: the domain error's code, retry hint and sentence. */
export interface ApiErrorInfo {
  code: ErrorCode
  /** 'soon': sending the same call again in a moment may succeed (a file was busy); 'never': not without a change. */
  retry: Retry
  /** One sentence for the user: what happened and what to do. */
  message: string
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo }

/** What a host implements: one async function per method, given validated arguments. */
export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

/** True when `name` is a method of the contract. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/** The longest error sentence a host sends: a message must never flood the page or the wire. */
export const MAX_MESSAGE_LENGTH = 2000

/** `s` cut to at most `max` UTF-16 units, at a code point boundary, ending in … when cut. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s
  let end = max - 1
  const c = s.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return `${s.slice(0, end)}…`
}

/** "unknown keys "a", "b" and 299,998 more" */
function unknownKeys(keys: readonly string[]): string {
  const named = keys
    .slice(0, 5)
    .map((k) => JSON.stringify(shorten(k, 40)))
    .join(', ')
  const more = keys.length > 5 ? ` and ${(keys.length - 5).toLocaleString('en')} more` : ''
  return `unknown key${keys.length === 1 ? '' : 's'} ${named}${more}`
}

/** Readable summary of a validation failure: "files.0.name: Too small ...", bounded in length. */
function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => {
    const where = i.path.length ? `${shorten(i.path.map(String).join('.'), 120)}: ` : ''
    return where + shorten(i.code === 'unrecognized_keys' ? unknownKeys(i.keys) : i.message, 300)
  })
  if (error.issues.length > 3) parts.push(`and ${(error.issues.length - 3).toLocaleString('en')} more`)
  return parts.join('; ')
}

function failure(code: ErrorCode, message: string, retry: Retry = 'never'): Result<never> {
  return { ok: false, error: { code, retry, message: shorten(message, MAX_MESSAGE_LENGTH) } }
}

/**
 * Validate and run one call. Never throws: bad method names and arguments give 'invalid',
 * DomainErrors keep their code, retry hint and sentence, anything else becomes 'failed'.
 */
export async function dispatch(handlers: Handlers, name: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isMethodName(name)) {
    return failure('invalid', `There is no method named ${shorten(JSON.stringify(String(name).slice(0, 200)), 80)}.`)
  }
  const parsed = contract[name].args.safeParse(args ?? {})
  if (!parsed.success) return failure('invalid', `Invalid arguments for ${name}: ${describeIssues(parsed.error)}.`)
  try {
    const handler = handlers[name] as (a: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (e instanceof DomainError) return failure(e.code, e.message, e.retry)
    const message = e instanceof Error ? e.message : String(e)
    return failure('failed', `Something went wrong: ${shorten(message, 500)}`)
  }
}

/** A transport carries one call to the host and brings its Result back. */
export type Transport = (method: MethodName, args: unknown) => Promise<Result<unknown>>

/** The error a client raises when a call comes back failed: the host's code, retry hint and sentence. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly retry: Retry
  constructor(info: ApiErrorInfo) {
    super(info.message)
    this.code = info.code
    this.retry = info.retry === 'soon' ? 'soon' : 'never'
    this.name = 'ApiError'
  }
}

/** A typed client over any transport: `await client.call('documents.open', { id })`. */
export interface Client {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>
}

/** Build the client the UI uses; failures are thrown as ApiError with the host's sentence. */
export function createClient(transport: Transport): Client {
  return {
    async call(method, args) {
      const result = await transport(method, args)
      if (!result.ok) throw new ApiError(result.error)
      return result.value as never
    },
  }
}
