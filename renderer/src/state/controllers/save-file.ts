/**
 * Handing the user a file the host produced (an export, an agreement report): on desktop the
 * native save dialog (host.saveFile writes it), in browser mode a download of the same name.
 * Binary files (zips) travel as base64 and are saved as their bytes.
 */
import type { Client } from '../../../../shared/api'

/** A file to save: text as is, or bytes as base64. */
export interface FileToSave {
  filename: string
  mediaType: string
  content: string
  encoding: 'utf8' | 'base64'
}

/** The bytes a base64 string holds. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Save a file; returns where it went (a path, or the downloaded file's name), or null if cancelled. */
export async function saveFile(client: Client, host: 'desktop' | 'browser' | undefined, file: FileToSave): Promise<string | null> {
  if (host === 'desktop') {
    const saved = await client.call('host.saveFile', { defaultName: file.filename, content: file.content, encoding: file.encoding })
    return saved ? saved.path : null
  }
  const body = file.encoding === 'base64' ? base64ToBytes(file.content) : file.content
  const url = URL.createObjectURL(new Blob([body], { type: file.mediaType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return file.filename
}

/** Save text as a file (see saveFile). */
export function saveTextFile(
  client: Client,
  host: 'desktop' | 'browser' | undefined,
  filename: string,
  content: string,
  type: string,
): Promise<string | null> {
  return saveFile(client, host, { filename, mediaType: type, content, encoding: 'utf8' })
}
