/**
 * Bytes to text for every import format: which encoding a file is in, and its text. A byte order
 * mark decides first (UTF-8, UTF-16 LE/BE); then bytes that are valid UTF-8 are UTF-8; then an
 * HTML file's own <meta charset> is believed; only then is the encoding guessed (chardet) from
 * the byte statistics. A file that is binary, that mixes UTF-8 with another encoding, or whose
 * encoding cannot be recognised or decoded is refused with one sentence, never decoded into
 * mojibake. UTF-8 and UTF-16 are decoded strictly by TextDecoder; legacy encodings by iconv-lite
 * (Node's TextDecoder reads windows-1252 as ISO-8859-1), and an ISO-8859-1 file is read as
 * windows-1252, its superset, as browsers do.
 */
import { analyse } from 'chardet'
import iconv from 'iconv-lite'

export type Decoded = { text: string; encoding: string; error: null } | { text: null; encoding: null; error: string }

/** Decode a file's bytes; `name` is only used in messages. `declared` is an HTML meta charset, `forced` the user's choice. */
export function decodeBytes(name: string, bytes: Uint8Array, options: { declared?: string | null; forced?: string | null } = {}): Decoded {
  if (options.forced) {
    const encoding = encodingName(options.forced)
    if (!encoding) return fail(`${name}: ${unknownEncodingSentence(options.forced)}`)
    return tryDecode(name, encoding, stripBom(bytes, encoding))
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return tryDecode(name, 'utf-8', bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(name, 'utf-16le', bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode(name, 'utf-16be', bytes.subarray(2))
  if (looksBinary(bytes)) {
    if (looksLikeUtf16(bytes))
      return fail(
        `${name} looks like UTF-16 text without a byte order mark, which cannot be told apart safely; open it in a text editor, save it as UTF-8, and import it again.`,
      )
    return fail(`${name} looks like a binary file, not text, so it was not imported.`)
  }
  const utf8 = firstInvalidUtf8(bytes)
  if (utf8.invalidAt < 0) return tryDecode(name, 'utf-8', bytes)
  if (utf8.validMultibyte > 0) {
    return fail(
      `${name} mixes UTF-8 with another encoding (the first byte that is not UTF-8 is at byte ${utf8.invalidAt}); open it in a text editor, save it as UTF-8, and import it again.`,
    )
  }
  const declared = options.declared ? encodingName(options.declared) : null
  if (declared && declared !== 'utf-8') return tryDecode(name, declared, bytes)
  const guess = analyse(bytes).find((m) => m.confidence >= 10 && !/^(UTF-|ASCII)/i.test(m.name) && encodingName(m.name) !== null)
  if (!guess) {
    return fail(
      `${name} is not UTF-8 and its encoding could not be recognised; open it in a text editor, save it as UTF-8, and import it again.`,
    )
  }
  return tryDecode(name, encodingName(guess.name)!, bytes)
}

/** What is said of an encoding label Marginalia cannot decode (the import, per file; the command line, once). */
export function unknownEncodingSentence(label: string): string {
  return `"${label}" is not an encoding Marginalia knows; choose another, such as utf-8 or windows-1252.`
}

/** The name Marginalia records for an encoding label (lowercase; ISO-8859-1 is read as windows-1252), or null if it cannot decode it. */
export function encodingName(label: string): string | null {
  const l = label.trim().toLowerCase()
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp1252)$/.test(l)) return 'windows-1252'
  if (/^utf-?8$/.test(l)) return 'utf-8'
  if (/^utf-?16(le)?$/.test(l)) return 'utf-16le'
  if (/^utf-?16be$/.test(l)) return 'utf-16be'
  return iconv.encodingExists(l) ? l : null
}

function tryDecode(name: string, encoding: string, bytes: Uint8Array): Decoded {
  let text: string
  if (/^utf-(8|16le|16be)$/.test(encoding)) {
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
    } catch {
      return fail(`${name} is not valid ${encoding} text; open it in a text editor, save it as UTF-8, and import it again.`)
    }
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false })
    if (text.includes('\uFFFD'))
      return fail(`${name} is not valid ${encoding} text; open it in a text editor, save it as UTF-8, and import it again.`)
  }
  if (controlShare(text) > 0.02)
    return fail(`${name} does not decode as ${encoding} text (it holds control characters), so it was not imported.`)
  return { text, encoding, error: null }
}

function stripBom(bytes: Uint8Array, encoding: string): Uint8Array {
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3)
  if (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2)
  if (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2)
  return bytes
}

function fail(error: string): Decoded {
  return { text: null, encoding: null, error }
}

/**
 * Whether NUL-laden bytes read like UTF-16 text written without its byte order mark: in the first
 * 64 KiB, nearly every other byte (the even ones for big-endian, the odd ones for little-endian)
 * is NUL and the rest are not, as Latin-script text in UTF-16 is.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536) & ~1
  if (n < 8) return false
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  return (oddZero > 0.9 * pairs && evenZero < 0.1 * pairs) || (evenZero > 0.9 * pairs && oddZero < 0.1 * pairs)
}

/** A NUL byte, or many control characters, in the first 64 KiB means this is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++
  }
  return n > 0 && control / n > 0.02
}

/** Share of C0/C1 control characters (other than tab, line feed, form feed, carriage return) in the first 64 K characters. */
function controlShare(text: string): number {
  const n = Math.min(text.length, 65536)
  let control = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f)) control++
  }
  return n > 0 ? control / n : 0
}

/**
 * Where the bytes stop being UTF-8 (-1 if they never do), and how many well-formed multi-byte
 * UTF-8 sequences come before and after: some of both means two encodings in one file.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { invalidAt: number; validMultibyte: number } {
  let invalidAt = -1
  let validMultibyte = 0
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= bytes.length
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80
    if (ok && len === 3) ok = !(b === 0xe0 && bytes[i + 1]! < 0xa0) && !(b === 0xed && bytes[i + 1]! > 0x9f)
    if (ok && len === 4) ok = !(b === 0xf0 && bytes[i + 1]! < 0x90) && !(b === 0xf4 && bytes[i + 1]! > 0x8f)
    if (ok) {
      validMultibyte++
      i += len
    } else {
      if (invalidAt < 0) invalidAt = i
      i++
    }
  }
  return { invalidAt, validMultibyte }
}

/** The charset an HTML file declares in its first 1024 bytes (<meta charset> or http-equiv), or null. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)
  return m ? m[1]! : null
}
