/**
 * The one table that maps the contract's methods onto the core. The Electron main process (IPC)
 * and the browser-mode server (HTTP) both route every call through `dispatch(createHandlers(...))`,
 * so the two hosts cannot drift apart. Host-only abilities (native dialogs, saving a file) are
 * passed in; a host without them answers 'unavailable'.
 */
import { type Handlers, type ProjectSummary } from '../../../shared/api'
import { DomainError } from '../../../shared/errors'
import { agreementCsv, projectAgreement } from './agreement-service'
import { exportFileName } from '../interchange/export-tables'
import { previewCsv } from '../documents/import-csv'
import { acceptAgreed, annotatorSummaries, decide, decideMany, reviewProgress, sentReviewOf } from './review-service'
import { searchDocument, searchProject } from './search-service'
import { documentSuggestions } from './suggest-service'
import { AnalysisService } from './analysis-service'
import {
  addReply,
  documentNotes,
  projectMemos,
  readGuidelines,
  removeReply,
  saveGuidelines,
  setDocumentMemo,
  setProjectMemo,
} from './notes-service'
import type { Workbench } from './workbench'

/** What only a desktop host can do. */
export interface HostAbilities {
  openProjectDialog?: () => Promise<ProjectSummary | null>
  createProjectDialog?: (name: string) => Promise<ProjectSummary | null>
  saveFile?: (defaultName: string, content: string | Uint8Array) => Promise<{ path: string } | null>
  /** Ask where to save a file of this name (the save dialog); null if cancelled. */
  pickSavePath?: (defaultName: string) => Promise<string | null>
  pickPath?: (kind: 'folder' | 'file', title: string) => Promise<string | null>
}

function unavailable(): never {
  throw new DomainError('unavailable', 'That needs the desktop app; in browser mode, type the folder path instead.')
}

/** The handlers for every contract method over one workbench. */
export function createHandlers(wb: Workbench, host: HostAbilities = {}): Handlers {
  const analysis = new AnalysisService(() => wb.current)
  return {
    'app.info': async () => wb.info(),
    'settings.setAnnotator': ({ name }) => wb.setAnnotator(name),
    'settings.remember': (patch) => wb.rememberProject(patch),
    'settings.setPreferences': (patch) => wb.setPreferences(patch),
    'project.open': ({ path }) => wb.open(path),
    'project.create': ({ path, name }) => wb.create(path, name),
    'documents.list': () => wb.listDocuments(),
    'documents.rename': ({ id, title }) => wb.rename(id, title),
    'documents.import': ({ files, confirmLarge }) =>
      wb.importFiles(
        files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')), encoding: f.encoding, csv: f.csv })),
        confirmLarge,
      ),
    'documents.previewCsv': async ({ file }) => {
      const preview = previewCsv(file.name, new Uint8Array(Buffer.from(file.data, 'base64')), file.encoding)
      if ('error' in preview) throw new DomainError('invalid', preview.error)
      return preview
    },
    'documents.open': ({ id }) => wb.openDocument(id),
    'annotations.apply': ({ document, ops, window, inStep }) => wb.apply(document, ops, window, inStep),
    'annotations.values': () => wb.attributeValues(),
    'suggestions.document': ({ document }) => documentSuggestions(wb.current, wb.annotator, document, wb.dismissedNames(document)),
    'export.annotations': (options) => wb.exportAnnotations(options),
    'project.annotators': () => annotatorSummaries(wb.current),
    'agreement.report': ({ annotators, document }) => projectAgreement(wb.current, annotators, document),
    'agreement.export': async ({ annotators, document, format }) => {
      const report = await projectAgreement(wb.current, annotators, document)
      const base = exportFileName(wb.current.name)
        .replace(/-annotations-/, '-agreement-')
        .replace(/\.csv$/, '')
      return format === 'csv'
        ? { filename: `${base}.csv`, content: agreementCsv(report) }
        : { filename: `${base}.json`, content: `${JSON.stringify(report, null, 2)}\n` }
    },
    'project.changes': async ({ since, window }) => wb.changes(since, window),
    'project.dismissNotice': async () => wb.dismissProjectNotice(),
    'annotations.import': ({ path, as, replace }) => wb.importAnnotations(path, as, replace),
    'review.open': async ({ document, annotators, have }) => {
      const view = await sentReviewOf(wb.current, document, annotators, wb.annotator, have)
      return { ...view, document: await wb.summaryOf(document) }
    },
    'review.decide': ({ document, annotators, unit, decision }) => decide(wb.current, document, annotators, unit, decision, wb.annotator),
    'review.decideMany': ({ document, annotators, items }) => decideMany(wb.current, document, annotators, items, wb.annotator),
    'review.acceptAgreed': ({ document, annotators }) => acceptAgreed(wb.current, document, annotators, wb.annotator),
    'review.progress': ({ annotators }) => reviewProgress(wb.current, annotators),
    'backups.list': ({ store }) => wb.listBackups(store),
    'backups.restore': ({ store, backup, window }) => wb.restoreBackup(store, backup, window),
    'backups.unpin': ({ store, backup }) => wb.unpinBackup(store, backup),
    'retrieve.query': ({ filter, grouping, offset, limit, facets }) => wb.retrieve(filter, grouping, offset, limit, facets),
    'retrieve.export': ({ filter, format, bom, neutralizeFormulas }) => wb.exportRetrieved(filter, format, bom, neutralizeFormulas),
    'search.document': ({ document, query, maxHits }) => searchDocument(wb.current, document, query, maxHits),
    'search.project': ({ query, documents, maxHits }) => searchProject(wb.current, query, { documents, maxHits }),
    'status.set': ({ document, state, window }) => wb.setState(document, state, window),
    'notes.document': ({ document }) => documentNotes(wb.current, document),
    'notes.setMemo': async ({ document, text, window }) => {
      const notes = await setDocumentMemo(wb.current, wb.annotator, document, text, new Date().toISOString())
      wb.wrote({ layer: wb.annotator, document }, window)
      return notes
    },
    'notes.reply': async ({ document, on, text, window }) => {
      const notes = await addReply(wb.current, wb.annotator, document, on, text, new Date().toISOString())
      wb.wrote({ layer: wb.annotator, document }, window)
      wb.notesChanged(document)
      return notes
    },
    'notes.removeReply': async ({ document, id, window }) => {
      const notes = await removeReply(wb.current, wb.annotator, document, id)
      wb.wrote({ layer: wb.annotator, document }, window)
      wb.notesChanged(document)
      return notes
    },
    'notes.project': () => projectMemos(wb.current),
    'notes.setProjectMemo': ({ text }) => setProjectMemo(wb.current, wb.annotator, text, new Date().toISOString()),
    'guidelines.read': () => readGuidelines(wb.current),
    'guidelines.save': ({ text, base }) => saveGuidelines(wb.current, text, base),
    'host.openProjectDialog': () => (host.openProjectDialog ?? unavailable)(),
    'host.createProjectDialog': ({ name }) => (host.createProjectDialog ? host.createProjectDialog(name) : unavailable()),
    'host.pickPath': ({ kind, title }) => (host.pickPath ? host.pickPath(kind, title) : unavailable()),
    'host.exportToFile': async (options) => {
      if (!host.pickSavePath) return unavailable()
      const path = await host.pickSavePath(wb.exportFileName(options))
      return path === null ? null : { ...(await wb.exportAnnotationsTo(options, path)), path }
    },
    'host.saveFile': ({ defaultName, content, encoding }) =>
      host.saveFile ? host.saveFile(defaultName, encoding === 'base64' ? Buffer.from(content, 'base64') : content) : unavailable(),
    'documents.setProperties': ({ id, properties }) => wb.setProperties(id, properties),
    'tagset.usage': () => wb.tagUsage(),
    'tagset.save': ({ labels, linkTypes, merges, base }) => wb.saveTagSet({ labels, linkTypes }, merges, base),
    'analysis.view': ({ filter, network, overTime }) => analysis.view(filter, network, overTime),
    'analysis.statements': ({ filter, narrow, offset, limit }) => analysis.page(filter, narrow, offset, limit),
    'analysis.export': async (request) => {
      const file = await analysis.export(request)
      const binary = typeof file.content !== 'string'
      return {
        filename: file.filename,
        mediaType: file.mediaType,
        content: binary ? Buffer.from(file.content).toString('base64') : (file.content as string),
        encoding: binary ? 'base64' : 'utf8',
        rows: file.rows,
      }
    },
  }
}
