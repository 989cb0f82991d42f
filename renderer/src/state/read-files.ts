/**
 * Reading files the user picked or dropped into what documents.import takes: base64 bytes, in
 * requests of a bounded size. A file too large for one request is refused here, with a sentence
 * like the host's own refusals; everything else is judged by the host.
 */

/** One file as documents.import takes it. */
export interface ImportFile {
  name: string
  data: string
}

/** Largest file sent (the contract allows 40,000,000 base64 characters, about 30 MB). */
const MAX_FILE_BYTES = 29_000_000
/** Bytes per request, so several files share a request without hitting the server's limit. */
const MAX_BATCH_BYTES = 24_000_000
const MAX_BATCH_FILES = 200

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.addEventListener('load', () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    })
    reader.addEventListener('error', () => reject(reader.error ?? new Error('unreadable')))
    reader.readAsDataURL(file)
  })
}

/** Read files into import requests; files that cannot be sent are listed with the reason. */
export async function readFilesForImport(
  files: readonly File[],
): Promise<{ batches: ImportFile[][]; refused: { name: string; message: string }[] }> {
  const batches: ImportFile[][] = []
  const refused: { name: string; message: string }[] = []
  let batch: ImportFile[] = []
  let size = 0
  for (const file of files) {
    const name = file.name.slice(0, 255) || 'untitled.txt'
    if (file.size > MAX_FILE_BYTES) {
      refused.push({ name, message: `This file is ${Math.round(file.size / 1e6)} MB; texts up to 29 MB can be imported, so split it into parts.` })
      continue
    }
    let data: string
    try {
      data = await readBase64(file)
    } catch {
      refused.push({ name, message: 'This file could not be read; check that it still exists and that you may open it.' })
      continue
    }
    if (batch.length && (size + file.size > MAX_BATCH_BYTES || batch.length >= MAX_BATCH_FILES)) {
      batches.push(batch)
      batch = []
      size = 0
    }
    batch.push({ name, data })
    size += file.size
  }
  if (batch.length) batches.push(batch)
  return { batches, refused }
}
