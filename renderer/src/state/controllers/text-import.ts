/**
 * "Import texts…" and files dropped on the window. Before anything is imported the user is asked
 * what only they can decide: whether a file over 20 MB should come in, and which columns of a
 * CSV or TSV table hold each row's text, title and id (from documents.previewCsv). The rest goes
 * to documents.import a few files at a time, so the header can say "Importing n of N…" and each
 * request stays small. The report sorts what happened: imported (with any encoding other than
 * UTF-8), already in the project, refused with the host's sentence, skipped by choice.
 * Imports started while one runs wait their turn.
 */
import type { ArgsOf, Client, ImportResult } from '../../../../shared/api'
import { messageOf } from '../model/errors'
import { BATCH_LIMITS, LARGE_FILE_BYTES, isTable, planBatches, unsendable } from '../model/import-plan'
import { importedEntry } from '../model/import-summary'
import { readBase64, unreadable } from './read-files'
import { inNameOrder } from '../../../../shared/name-order'
import type { ImportQuestion, ImportReport, SessionState } from '../model/session-state'
import type { Store } from '../model/store'

/** The columns chosen for a table: each row's text, and optionally its title and id. */
export type CsvColumns = NonNullable<ArgsOf<'documents.import'>['files'][number]['csv']>

/** A file cleared to be sent. */
interface Ready {
  file: File
  name: string
  data: string | null
  csv: CsvColumns | null
  /** The user agreed to import it although it is large. */
  large: boolean
}

/** The import of texts, with its questions and progress in the session's store. */
export class TextImport {
  private queue: Promise<void> = Promise.resolve()
  private pending: ((answer: unknown) => void) | null = null
  private asked = 0

  constructor(
    private readonly store: Store<SessionState>,
    private readonly client: Client,
    /** Called with the first document of an import when no document is open. */
    private readonly openFirst: (id: string) => void,
    /** How a file's bytes are read (tests pass their own). */
    private readonly read: (file: File) => Promise<string> = readBase64,
  ) {}

  /** Import these files once any import already running is done. */
  run(files: readonly File[]): Promise<void> {
    if (files.length === 0) return this.queue
    // In the order a file manager lists them, whichever request each one goes in.
    const next = this.queue.then(() => this.importAll(inNameOrder(files)))
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Answer the open question: true/false for a large file, the columns (or null to skip) for a table. */
  answer(value: boolean | CsvColumns | null): void {
    const resolve = this.pending
    this.pending = null
    this.store.set({ importQuestion: null })
    resolve?.(value)
  }

  private ask(question: Omit<Extract<ImportQuestion, { kind: 'large' }>, 'id'>): Promise<boolean>
  private ask(question: Omit<Extract<ImportQuestion, { kind: 'csv' }>, 'id'>): Promise<CsvColumns | null>
  private ask(question: Omit<ImportQuestion, 'id'>): Promise<unknown> {
    return new Promise((resolve) => {
      this.pending = resolve
      this.store.set({ importQuestion: { ...question, id: ++this.asked } as ImportQuestion })
    })
  }

  private async importAll(files: readonly File[]): Promise<void> {
    const report: ImportReport = { imported: [], duplicates: [], errors: [], skipped: [] }
    const total = files.length
    this.store.set({ imported: null, importing: { done: 0, total } })
    try {
      const ready = await this.prepare(files, report)
      let done = total - ready.length
      this.store.set({ importing: { done, total } })
      for (const batch of planBatches(
        ready.map((r) => r.file.size),
        BATCH_LIMITS,
      )) {
        await this.send(
          batch.map((i) => ready[i]!),
          report,
        )
        done += batch.length
        this.store.set({ importing: { done, total } })
      }
    } finally {
      this.store.set({ importing: null, importQuestion: null, imported: report })
    }
  }

  /** Ask what has to be asked, file by file; returns the files to send. */
  private async prepare(files: readonly File[], report: ImportReport): Promise<Ready[]> {
    const ready: Ready[] = []
    for (const file of files) {
      const name = file.name.slice(0, 255) || 'untitled.txt'
      const tooLarge = unsendable(name, file.size)
      if (tooLarge) {
        report.errors.push({ name, message: tooLarge })
        continue
      }
      const large = file.size > LARGE_FILE_BYTES
      if (large && !(await this.ask({ kind: 'large', name, bytes: file.size }))) {
        report.skipped.push(name)
        continue
      }
      if (!isTable(name)) {
        ready.push({ file, name, data: null, csv: null, large })
        continue
      }
      let data: string
      try {
        data = await this.read(file)
      } catch {
        report.errors.push(unreadable(name))
        continue
      }
      try {
        const preview = await this.client.call('documents.previewCsv', { file: { name, data } })
        const csv = await this.ask({ kind: 'csv', name, preview })
        if (csv) ready.push({ file, name, data, csv, large })
        else report.skipped.push(name)
      } catch (e) {
        report.errors.push({ name, message: messageOf(e) })
      }
    }
    return ready
  }

  /** Send one request (with confirmLarge when the user agreed to a large file in it) and take in its answer. */
  private async send(items: Ready[], report: ImportReport, confirmLarge = items.some((r) => r.large)): Promise<void> {
    const files: ArgsOf<'documents.import'>['files'] = []
    const sent: Ready[] = []
    for (const item of items) {
      try {
        item.data ??= await this.read(item.file)
        files.push({ name: item.name, data: item.data, csv: item.csv })
        sent.push(item)
      } catch {
        report.errors.push(unreadable(item.name))
      }
    }
    if (files.length === 0) return
    let result: ImportResult
    try {
      result = await this.client.call('documents.import', { files, confirmLarge })
    } catch (e) {
      report.errors.push(...sent.map((r) => ({ name: r.name, message: messageOf(e) })))
      return
    }
    this.take(result, report)
    // The host counts size too: a file it finds large after all is asked about now, and sent again.
    for (const e of result.errors.filter((x) => x.kind === 'needs-confirmation')) {
      const item = sent.find((r) => r.name === e.name)
      if (!item) report.errors.push({ name: e.name, message: e.message })
      else if (await this.ask({ kind: 'large', name: item.name, bytes: item.file.size })) await this.send([item], report, true)
      else report.skipped.push(item.name)
    }
  }

  /** Sort an answer into the report, and add what came in to the document list. */
  private take(result: ImportResult, report: ImportReport): void {
    report.imported.push(...result.imported.map(importedEntry))
    for (const e of result.errors) {
      if (e.kind === 'duplicate') report.duplicates.push({ name: e.name, message: e.message })
      else if (e.kind !== 'needs-confirmation') report.errors.push({ name: e.name, message: e.message })
    }
    if (result.imported.length === 0) return
    const { documents, documentDetails } = this.store.get()
    const details = { ...documentDetails }
    const added = result.imported.map((summary) => {
      details[summary.id] = { encoding: summary.encoding, properties: summary.properties }
      return summary
    })
    this.store.set({ documents: [...documents, ...added], documentDetails: details })
    if (!this.store.get().doc && this.store.get().opening === null) this.openFirst(added[0]!.id)
  }
}
