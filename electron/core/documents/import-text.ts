/**
 * Plain text and Markdown files, and the steps every import shares: the text normalised once and
 * for all (byte order mark stripped, line endings made LF), its sha256, its title and id. Offsets
 * refer to this stored text forever after, so this is the only place text is changed. Bad input
 * returns one sentence saying what is wrong and what to do; nothing is written.
 */
import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import { decodeBytes } from './import-decode'
import { foldToAscii } from '../../../shared/ascii'

/** File endings Marginalia imports as plain text. */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.text']

export type DecodeResult = { text: string; encoding: string; error: null } | { text: null; encoding: null; error: string }

/** Decode and normalise one plain text file; `name` is only used in messages and to check the ending. */
export function decodeImport(name: string, bytes: Uint8Array, encoding?: string | null): DecodeResult {
  const ext = extname(name).toLowerCase()
  if (!TEXT_EXTENSIONS.includes(ext)) {
    const what = ext ? `a ${ext} file` : 'a file without an ending'
    return {
      text: null,
      encoding: null,
      error: `${name} is ${what}; Marginalia imports plain text (.txt) and Markdown (.md) files this way.`,
    }
  }
  const decoded = decodeBytes(name, bytes, { forced: encoding })
  if (decoded.error !== null) return decoded
  const text = normalizeText(decoded.text)
  if (text.trim() === '')
    return {
      text: null,
      encoding: null,
      error:
        text === '' ? `${name} is empty; there is no text to annotate.` : `${name} holds only white space; there is no text to annotate.`,
    }
  return { text, encoding: decoded.encoding, error: null }
}

/** Strip a leading byte order mark and make every line ending (CRLF, CR) a single LF. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

/** sha256 (hex) of a text's UTF-8 bytes. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** A title for a new document: its first non-empty line (Markdown '#' removed), or the file name. */
export function titleFor(text: string, fileName: string): string {
  const first = text
    .split('\n')
    .map((l) => l.replace(/^#{1,6}\s+/, '').trim())
    .find((l) => l !== '')
  const fallback = fileName.replace(/\.[^.]+$/, '').trim() || 'Untitled'
  const title = first ?? fallback
  if (Array.from(title).length <= 120) return title
  const cut = Array.from(title).slice(0, 120).join('')
  const space = cut.lastIndexOf(' ')
  return `${space > 60 ? cut.slice(0, space) : cut}…`
}

/** A file-safe slug of any string (lowercase ASCII letters, digits and '-', at most 48), possibly empty. */
export function slugOf(s: string): string {
  return foldToAscii(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '')
}

/** A readable, file-safe document id: a slug of the title plus the start of the text's hash. */
export function documentIdFor(title: string, sha256: string): string {
  return `${slugOf(title) || 'document'}-${sha256.slice(0, 8)}`
}
