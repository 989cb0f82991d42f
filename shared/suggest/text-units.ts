/**
 * The units the cue patterns walk over: the agreement module's tokens (words, and each
 * punctuation mark on its own; code point offsets), with their text, lowercase form, paragraph
 * and sentence. Sentences end at a paragraph break, or after '.', '!', '?' or '…' (and any closing
 * quotation marks or brackets right after it) when the next token starts a sentence (a capital, a
 * digit or a quotation mark) and the full stop does not end an abbreviation of the cue set ("Mr.",
 * "U.S.") or an initial ("J. Smith").
 */
import { tokenize } from '../agreement/tokens'
import { TextIndex } from '../offsets'
import type { Lexicon } from './lexicon'

/** A text cut into tokens, paragraphs and sentences; every offset is in code points. */
export interface TextUnits {
  index: TextIndex
  /** Token i covers code points [starts[i], ends[i]). */
  starts: Int32Array
  ends: Int32Array
  count: number
  /** The token's text as written, and in lowercase. */
  raw: string[]
  words: string[]
  /** Whether white space (or the start of the text) comes right before the token. */
  spaceBefore: Uint8Array
  /** Paragraph (line) and sentence number of each token; both ascending. */
  paragraph: Int32Array
  sentence: Int32Array
  /** First token and end token (exclusive) of each sentence. */
  sentenceStart: number[]
  sentenceEnd: number[]
}

const ENDS = new Set(['.', '!', '?', '…'])
const TRAILING = new Set(['"', '”', '’', "'", '»', ')', ']', '›'])

/** Whether a token starts with an uppercase letter. */
export function isCapitalized(raw: string): boolean {
  const c = raw.codePointAt(0)!
  if (c < 128) return c >= 65 && c <= 90
  const ch = String.fromCodePoint(c)
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}

/** Whether a token is a word (starts with a letter or digit). */
export function isWord(raw: string): boolean {
  return /^[\p{L}\p{N}]/u.test(raw)
}

/** Cut a text into the units the cue patterns use. */
export function textUnits(text: string, lexicon: Lexicon, index = new TextIndex(text)): TextUnits {
  const { starts, ends, count } = tokenize(text)
  const raw: string[] = Array.from({ length: count })
  const words: string[] = Array.from({ length: count })
  const spaceBefore = new Uint8Array(count)
  const paragraph = new Int32Array(count)
  let para = 0
  let prevEndU16 = 0
  for (let i = 0; i < count; i++) {
    const s = index.cpToU16(starts[i]!)
    const e = index.cpToU16(ends[i]!)
    raw[i] = text.slice(s, e)
    words[i] = raw[i]!.toLowerCase()
    if (i === 0 || s > prevEndU16) {
      spaceBefore[i] = 1
      for (let k = prevEndU16; k < s; k++) if (text.charCodeAt(k) === 10) para++
    }
    paragraph[i] = para
    prevEndU16 = e
  }
  const sentence = new Int32Array(count)
  const sentenceStart: number[] = []
  const sentenceEnd: number[] = []
  let current = 0
  for (let i = 0; i < count; i++) {
    const startsSentence =
      i === 0 || paragraph[i] !== paragraph[i - 1] || endsSentenceBefore(i, raw, words, spaceBefore, paragraph, lexicon)
    if (startsSentence) {
      if (i > 0) sentenceEnd.push(i)
      sentenceStart.push(i)
      current = sentenceStart.length - 1
    }
    sentence[i] = current
  }
  if (count > 0) sentenceEnd.push(count)
  return { index, starts, ends, count, raw, words, spaceBefore, paragraph, sentence, sentenceStart, sentenceEnd }
}

/** Whether a new sentence starts at token i (within one paragraph). */
function endsSentenceBefore(
  i: number,
  raw: string[],
  words: string[],
  spaceBefore: Uint8Array,
  paragraph: Int32Array,
  lexicon: Lexicon,
): boolean {
  if (!spaceBefore[i]) return false
  // Walk back over closing marks glued to the end mark: `friend." After`.
  let j = i - 1
  while (j >= 0 && TRAILING.has(raw[j]!) && !spaceBefore[j]) j--
  if (j < 0 || !ENDS.has(raw[j]!) || paragraph[j] !== paragraph[i]) return false
  const next = raw[i]!
  if (!(isCapitalized(next) || /^[\p{N}"“„«‘'(]/u.test(next))) return false
  if (raw[j] !== '.') return true
  const before = j > 0 && !spaceBefore[j] ? words[j - 1]! : ''
  if (before === '') return true
  if (lexicon.abbreviations.has(before)) return false
  // "U.S." is U . S . : the word before the last stop is one letter after another stop.
  return !(before.length === 1 && /\p{L}/u.test(before))
}
