/**
 * Turning an imported file's bytes into the text Marginalia stores: decoded (UTF-8, or UTF-16
 * with a byte order mark), byte order mark stripped, line endings made LF, once and for all.
 * Offsets refer to this stored text forever after, so this is the only place text is changed.
 * Bad input returns one sentence saying what is wrong and what to do; nothing is written.
 */
import { createHash } from 'node:crypto'
import { extname } from 'node:path'

/** File endings Marginalia imports as plain text. */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.text']

export type DecodeResult = { text: string; error: null } | { text: null; error: string }

/** Decode and normalise one file; `name` is only used in messages and to check the ending. */
export function decodeImport(name: string, bytes: Uint8Array): DecodeResult {
  const ext = extname(name).toLowerCase()
  if (!TEXT_EXTENSIONS.includes(ext)) {
    const what = ext ? `a ${ext} file` : 'a file without an ending'
    return fail(`${name} is ${what}; Marginalia imports plain text (.txt) and Markdown (.md) files, so save it as one of those and import it again.`)
  }
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeStrict('utf-16le', bytes.subarray(2))
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeStrict('utf-16be', bytes.subarray(2))
  else {
    if (looksBinary(bytes)) {
      return fail(`${name} looks like a binary file, not text; Marginalia imports plain text (.txt) and Markdown (.md) files.`)
    }
    try {
      text = decodeStrict('utf-8', bytes)
    } catch {
      return fail(`${name} is not valid UTF-8 text; open it in a text editor, save it with UTF-8 encoding, and import it again.`)
    }
  }
  text = normalizeText(text)
  if (text.trim() === '') return fail(`${name} is empty; there is no text to annotate.`)
  return { text, error: null }
}

function fail(error: string): DecodeResult {
  return { text: null, error }
}

function decodeStrict(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
}

/** A NUL byte, or many control characters, in the first 64 KiB means this is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++
  }
  return n > 0 && control / n > 0.02
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

/** A readable, file-safe document id: a slug of the title plus the start of the text's hash. */
export function documentIdFor(title: string, sha256: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '')
  return `${slug || 'document'}-${sha256.slice(0, 8)}`
}
