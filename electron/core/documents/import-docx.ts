/**
 * The text of a Word (.docx) file: mammoth converts the document to simple HTML (headings,
 * paragraphs, lists, tables, footnotes), and that HTML takes the same path as an imported web
 * page, so paragraphs come out the same way. A .docx is a zip; before mammoth unpacks it, every
 * part except media is inflated here with fflate's streaming inflater and counted, so a damaged
 * (truncated) file or a zip bomb is refused with one sentence instead of filling memory. Images
 * are never read.
 *
 * Word's core properties (docProps/core.xml, which Word fills from File › Info) give the
 * document's title, its author (dc:creator) and its date (dcterms:created, when the file was
 * made: for an article saved from the web, about when it was published).
 */
import { Parser } from 'htmlparser2'
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate'
import mammoth from 'mammoth'
import { htmlToText, type HtmlText } from './import-html'

/** Most bytes the document's parts (XML, not media) may hold once unpacked: mammoth needs about 50 bytes of memory per byte of XML (20 MB of XML took 1 GB and 16 s). */
export const MAX_DOCX_UNPACKED = 32 * 1024 * 1024

/** Why a zip is not usable, or null when its parts are complete and within limits. */
export function checkDocxZip(name: string, bytes: Uint8Array, limit = MAX_DOCX_UNPACKED): string | null {
  const damaged = `${name} is damaged or incomplete, so it is not a Word file Marginalia can read; open it in Word, save it again, and import the copy.`
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return damaged
  let total = 0
  /** Set by the inflaters' callbacks. */
  const state = { tooBig: false, failed: false }
  const open: UnzipFile[] = []
  const pending = new Set<string>()
  let sawDocument = false
  const unzip = new Unzip((file) => {
    if (file.name === 'word/document.xml') sawDocument = true
    if (file.name.startsWith('word/media/') || state.tooBig || state.failed) return
    open.push(file)
    pending.add(file.name)
    file.ondata = (err, chunk, final) => {
      if (err) {
        state.failed = true
        return
      }
      total += chunk.length
      if (total > limit) {
        state.tooBig = true
        for (const f of open) f.terminate()
        return
      }
      if (final) pending.delete(file.name)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    // Push in slices so a bomb is stopped after the limit, not after inflating a whole chunk.
    for (let at = 0; at < bytes.length && !state.tooBig && !state.failed; at += 65536)
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + 65536)), at + 65536 >= bytes.length)
  } catch {
    return damaged
  }
  if (state.tooBig) {
    return `${name} unpacks to more than ${Math.round(limit / 1024 / 1024)} MB of text and markup, more than a Word document holds, so it was not imported; check where it came from.`
  }
  if (state.failed || pending.size > 0) return damaged
  if (!sawDocument) return `${name} is not a Word document (it has no word/document.xml); save it as .docx in Word and import it again.`
  return null
}

/** The largest docProps/core.xml read (Word writes a few hundred bytes). */
const MAX_CORE_XML = 256 * 1024

/**
 * The core properties of a .docx file that was checked with checkDocxZip: title (or null), and
 * author and date as properties (null when it has none). A missing or unreadable core.xml gives none.
 */
export function docxCoreProperties(bytes: Uint8Array): { title: string | null; properties: Record<string, string> | null } {
  let xml: string
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' && f.originalSize <= MAX_CORE_XML })
    const core = files['docProps/core.xml']
    if (!core) return { title: null, properties: null }
    xml = new TextDecoder('utf-8', { fatal: false }).decode(core)
  } catch {
    return { title: null, properties: null }
  }
  const found: Record<string, string> = {}
  let current: string | null = null
  let value = ''
  const parser = new Parser(
    {
      onopentag(tag) {
        current = tag
        value = ''
      },
      ontext(data) {
        if (current) value += data
      },
      onclosetag(tag) {
        const clean = value.replace(/\s+/g, ' ').trim().slice(0, 2000)
        if (tag === current && clean !== '' && !(tag in found)) found[tag] = clean
        current = null
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()
  const properties: Record<string, string> = {}
  if (found['dc:creator']) properties.author = found['dc:creator']
  if (found['dcterms:created']) properties.date = found['dcterms:created']
  return { title: found['dc:title'] ?? null, properties: Object.keys(properties).length > 0 ? properties : null }
}

/** The text of a .docx file, its title from the core properties (or null), and its author and date; or why it cannot be read. */
export async function docxToText(name: string, bytes: Uint8Array): Promise<HtmlText> {
  const problem = checkDocxZip(name, bytes)
  if (problem) return { text: null, title: null, properties: null, error: problem }
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false, ignoreEmptyParagraphs: true },
    )
    html = result.value
  } catch {
    return {
      text: null,
      title: null,
      properties: null,
      error: `${name} is damaged or incomplete, so it is not a Word file Marginalia can read; open it in Word, save it again, and import the copy.`,
    }
  }
  // Mammoth links each footnote back to its reference with an arrow: not part of the text.
  html = html.replace(/<a href="#(?:footnote|endnote)-ref-[^"]*">[^<]*<\/a>/g, '')
  const out = htmlToText(name, html)
  // The HTML mammoth writes has no <title>: the core properties' title, else the first paragraph, as for text.
  if (out.error !== null) return out
  const core = docxCoreProperties(bytes)
  return { ...out, title: core.title, properties: core.properties }
}
