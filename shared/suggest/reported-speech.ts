/**
 * The patterns without quotation marks, sentence by sentence: reported speech (`X said (that)
 * CLAUSE`, `X told reporters CLAUSE`, `X believes CLAUSE`, `…, adding that CLAUSE`), a clause
 * followed by its speaker (`CLAUSE, X said.`) and "according to" before or after its clause.
 * The claim is the reported clause without the reporting verb, the complementizer or the final
 * full stop; it ends at the sentence's end or where another attribution starts (", according to",
 * ", adding"). Verbs inside quotations belong to the quoted speaker and are left to the
 * quotation patterns; a verb needs "that" unless the cue set marks it `bareClause` ("say", "believe").
 */
import type { Mention, MentionContext } from './mentions'
import { mentionAfter } from './mentions'
import { contentAfter, hasWords, speakerAfterVerb, subjectBefore, verbAt, type Attribution } from './speakers'
import { isCapitalized, isWord } from './text-units'

const CONFIDENCE = { that: 0.8, bare: 0.65, clauseFirst: 0.75, according: 0.85 }
const NOT_A_CLAUSE = new Set([
  'to',
  'so',
  'nothing',
  'no',
  'yes',
  'goodbye',
  'otherwise',
  'something',
  'anything',
  'much',
  'more',
  'little',
  'sorry',
  'for',
  'about',
  'of',
  'with',
  'in',
  'on',
  'by',
  'at',
  'as',
  'when',
  'if',
  'whether',
  'how',
  'what',
  'why',
  'where',
  'who',
  'and',
  'or',
  'but',
])
const FINAL = /^[.!?…,;:—–-]$/

/** Every attribution of reported speech and "according to" in the text. */
export function reportedSpeech(c: MentionContext, quotedRanges: readonly { first: number; end: number }[]): Attribution[] {
  const { u, lexicon } = c
  const quoted = new Uint8Array(u.count)
  for (const q of quotedRanges) quoted.fill(1, q.first, q.end)
  const out: Attribution[] = []
  for (let s = 0; s < u.sentenceStart.length; s++) {
    const first = u.sentenceStart[s]!
    const end = u.sentenceEnd[s]!
    let covered = first
    // A question reports nothing: "What would you say are the driving forces?"
    if (u.raw[end - 1] === '?') continue
    for (let i = first; i < end; i++) {
      if (quoted[i] || i < covered) continue
      const according = lexicon.match(lexicon.accordingTo, u.words, i, end)
      if (according) {
        const a = accordingTo(c, i, i + according.length, first, end)
        if (a) {
          out.push(a)
          covered = Math.max(a.claim.end, a.speaker?.end ?? 0)
        }
        continue
      }
      const verb = verbAt(c, i, end)
      if (!verb || verb.form.quoteOnly) continue
      const speaker = verb.form.participle ? sentenceSubject(c, first, i) : subjectBefore(c, verb, first)
      if (!speaker) {
        // "CLAUSE, said X."
        if (u.raw[i - 1] === ',' && i - 1 > first && !quoted[i - 2]) {
          const after = speakerAfterVerb(c, verb.end, end)
          if (after && isTail(c, after.end, end)) out.push(clauseFirst(c, first, i - 1, after, verb.first, verb.end))
        }
        continue
      }
      const content = contentAfter(c, verb, end)
      if (isTail(c, content.at, end)) {
        // "CLAUSE, X said." (a quotation before the comma is the quotation patterns' business)
        const comma = speaker.first - 1
        if (u.raw[comma] === ',' && comma > first && !quoted[comma - 1] && hasWords(c, first, comma, 3))
          out.push(clauseFirst(c, first, comma, speaker, verb.first, verb.end))
        continue
      }
      if (quoted[content.at] || lexicon.closers.has(u.raw[content.at]!)) continue
      if (!content.that && (!verb.form.bareClause || NOT_A_CLAUSE.has(u.words[content.at]!))) continue
      if (!isWord(u.raw[content.at]!)) continue
      const claimEnd = clauseEnd(c, content.at, end, quoted)
      if (!hasWords(c, content.at, claimEnd, 3)) continue
      out.push({
        claim: { first: content.at, end: claimEnd },
        speaker,
        pattern: 'reported-speech',
        cue: { first: verb.first, end: verb.end },
        confidence: content.that ? CONFIDENCE.that : CONFIDENCE.bare,
      })
      covered = claimEnd
    }
  }
  return out
}

/** "According to X, CLAUSE" and "CLAUSE, according to X". */
function accordingTo(c: MentionContext, cue: number, at: number, first: number, end: number): Attribution | null {
  const { u } = c
  const source = mentionAfter(c, at, end)
  if (!source || source.pronoun) return null
  const result = (claimFirst: number, claimEnd: number): Attribution | null =>
    hasWords(c, claimFirst, claimEnd, 3)
      ? {
          claim: { first: claimFirst, end: claimEnd },
          speaker: source,
          pattern: 'according-to',
          cue: { first: cue, end: at },
          confidence: CONFIDENCE.according,
        }
      : null
  let k = source.end
  while (k < end && u.raw[k] !== ',' && !FINAL.test(u.raw[k]!)) k++
  if (cue === first || (u.raw[cue - 1] === ',' && !hasWords(c, first, cue, 4))) {
    if (u.raw[k] !== ',') return null
    return result(k + 1, clauseEnd(c, k + 1, end, new Uint8Array(0)))
  }
  let claimEnd = cue
  while (claimEnd > first && FINAL.test(u.raw[claimEnd - 1]!)) claimEnd--
  return result(first, claimEnd)
}

/**
 * The subject of the sentence, for a participle ("…, calling it", "before declaring"): the mention
 * opening the sentence, or opening the clause after an introductory phrase and its comma.
 */
export function sentenceSubject(c: MentionContext, first: number, verb: number): Mention | null {
  const { u } = c
  const starts = [first]
  for (let i = first; i < verb - 1 && starts.length < 3; i++) if (u.raw[i] === ',') starts.push(i + 1)
  for (const at of starts) {
    const m = mentionAfter(c, at, verb)
    if (m && u.raw[m.end] !== ',' && (m.first === at || (m.first === at + 1 && c.lexicon.starters.has(u.words[at]!)))) return m
  }
  return null
}

function clauseFirst(c: MentionContext, first: number, comma: number, speaker: Mention, cueFirst: number, cueEnd: number): Attribution {
  return {
    claim: { first, end: comma },
    speaker,
    pattern: 'clause-then-speaker',
    cue: { first: cueFirst, end: cueEnd },
    confidence: CONFIDENCE.clauseFirst,
  }
}

/** Whether only a listener, time phrase or punctuation is left from `at` to the sentence's end. */
function isTail(c: MentionContext, at: number, end: number): boolean {
  for (let i = at; i < end; i++) {
    const r = c.u.raw[i]!
    if (!isWord(r)) {
      if (r === ',' && i > at) return true
      if (FINAL.test(r) || c.lexicon.closers.has(r) || r === "'" || r === '’' || r === '.') continue
      return false
    }
    if (!(c.lexicon.timeWords.has(c.u.words[i]!) || isCapitalized(r) || /^\p{N}/u.test(r) || c.lexicon.listeners.has(c.u.words[i]!)))
      return false
  }
  return true
}

/** Where a reported clause from `at` ends: before ", according to", ", adding", ";", or the sentence's final marks. */
function clauseEnd(c: MentionContext, at: number, end: number, quoted: Uint8Array): number {
  const { u, lexicon } = c
  let stop = end
  for (let i = at; i < end; i++) {
    if (quoted[i]) continue
    if (u.raw[i] === ';') {
      stop = i
      break
    }
    if (u.raw[i] === ',' && i + 1 < end) {
      const v = verbAt(c, i + 1, end)
      if (lexicon.match(lexicon.accordingTo, u.words, i + 1, end) || (v && v.form.participle)) {
        stop = i
        break
      }
    }
  }
  while (stop > at && FINAL.test(u.raw[stop - 1]!)) stop--
  return stop
}
