/**
 * Planning an import of texts before anything is sent: which files the host takes, which ones are
 * large enough to ask about first, which are tables whose columns the user picks, and how the
 * rest is cut into small requests so the UI can say "Importing n of N…" as they go.
 */

/** File types "Import texts…" offers (docs/formats.md#importing-texts), for the picker's `accept`. */
export const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.csv,.tsv'

/** The same list for people: what the drop zone and the empty document list say. */
export const IMPORT_KINDS = '.txt, .md, .html, .docx, .csv or .tsv'

/** Files larger than this (20 MB, as the host counts) are imported only once the user agrees. */
export const LARGE_FILE_BYTES = 20 * 1024 * 1024

/** Largest file one request can carry (the contract allows 40,000,000 base64 characters, about 30 MB). */
export const MAX_FILE_BYTES = 29_000_000

/** Limits of one documents.import request: few files, so progress moves, and a bounded body. */
export const BATCH_LIMITS = { files: 8, bytes: 8_000_000 }

/** True for a table whose rows become documents (.csv, .tsv): its columns are chosen first. */
export function isTable(name: string): boolean {
  return /\.(csv|tsv)$/i.test(name)
}

/** A size as people say it: "24 MB", "850 KB". */
export function megabytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 1_000_000)} MB`
  return `${Math.max(1, Math.round(bytes / 1000))} KB`
}

/** The question asked before sending a large file. */
export function largeFileQuestion(name: string, bytes: number): string {
  return `${name} is ${megabytes(bytes)}; import anyway?`
}

/** Why a file cannot be sent at all, or null when it can. */
export function unsendable(name: string, bytes: number): string | null {
  if (bytes <= MAX_FILE_BYTES) return null
  return `${name} is ${megabytes(bytes)}; texts up to 29 MB can be imported, so split it into parts.`
}

/**
 * Cut items (in order) into requests of at most `limits.files` items and `limits.bytes` bytes;
 * an item larger than the byte limit goes alone. Returns the items' indices per request.
 */
export function planBatches(sizes: readonly number[], limits = BATCH_LIMITS): number[][] {
  const batches: number[][] = []
  let batch: number[] = []
  let bytes = 0
  sizes.forEach((size, i) => {
    if (batch.length > 0 && (batch.length >= limits.files || bytes + size > limits.bytes)) {
      batches.push(batch)
      batch = []
      bytes = 0
    }
    batch.push(i)
    bytes += size
  })
  if (batch.length > 0) batches.push(batch)
  return batches
}

/** The file a document came from: its `importedFrom` without a CSV row fragment ("corpus.csv#row=3"). */
export function sourceFile(importedFrom: string): string {
  return importedFrom.replace(/#row=\d+$/, '')
}

/** True for encodings worth pointing out (anything but UTF-8; unknown for .docx). */
export function notableEncoding(encoding: string | null | undefined): encoding is string {
  return typeof encoding === 'string' && encoding.toLowerCase().replace(/[^a-z0-9]/g, '') !== 'utf8'
}
