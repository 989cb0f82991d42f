/**
 * The quotation patterns: a quotation followed by its speaker (`"…," said X`, `"…," X said`),
 * preceded by its speaker and verb (`X said: "…"`, `X declared “…”`, `calling it “…”`), a quoted
 * paragraph after a sentence ending in a colon (with or without quotation marks), a quotation
 * paragraph that continues the previous paragraph's speaker, and a full-sentence quotation with
 * no cue at all (a claim without a source). Short quotations without a cue are scare quotes and
 * propose nothing.
 */
import type { Mention, MentionContext } from './mentions'
import { findQuotations, quotedClaim, type Quotation } from './quotes'
import { contentAfter, speakerAndVerbAt, subjectBefore, verbAt, type Attribution, type VerbAt } from './speakers'
import { mentionAfter } from './mentions'
import { sentenceSubject } from './reported-speech'

/** Confidence of each quotation pattern (how often it proposes what annotators mark). */
const CONFIDENCE = { after: 0.9, before: 0.85, colon: 0.6, continuation: 0.5, bare: 0.4 }

/**
 * Every attribution the quotations of a text propose, and the token ranges quoted (quotations and
 * quoted paragraphs after a colon), whose verbs are the quoted speaker's, not the text's.
 */
export function quoteAttributions(c: MentionContext): { attributions: Attribution[]; quoted: { first: number; end: number }[] } {
  const { u, lexicon } = c
  const quotations = findQuotations(u, lexicon)
  const out: Attribution[] = []
  let lastSpeaker: { mention: Mention; paragraph: number } | null = null
  const minWords = lexicon.cues.quotes.minWords
  for (const q of quotations) {
    const claim = quotedClaim(u, q)
    if (!claim) continue
    const found = speakerFollowing(c, q) ?? speakerPreceding(c, q)
    if (found) {
      if (q.words < 2 && !found.verb.form.quoteOnly) continue
      out.push({
        claim,
        speaker: found.speaker,
        pattern: found.pattern,
        cue: { first: found.verb.first, end: found.verb.end },
        confidence: CONFIDENCE[found.pattern === 'quote-then-speaker' ? 'after' : 'before'],
      })
      lastSpeaker = { mention: found.speaker, paragraph: u.paragraph[q.end - 1]! }
      continue
    }
    if (q.inner || q.words < minWords) continue
    const startsParagraph = q.open === 0 || u.paragraph[q.open - 1] !== u.paragraph[q.open]
    const startsSentence = u.sentenceStart[u.sentence[q.open]!] === q.open || u.raw[q.open - 1] === ':'
    if ((startsParagraph || startsSentence) && lastSpeaker && lastSpeaker.paragraph >= u.paragraph[q.open]! - 4) {
      out.push({
        claim,
        speaker: lastSpeaker.mention,
        pattern: 'quote-continuation',
        cue: { first: q.open, end: q.open + 1 },
        confidence: CONFIDENCE.continuation,
      })
    } else if (startsSentence) {
      out.push({ claim, speaker: null, pattern: 'bare-quote', cue: { first: q.open, end: q.open + 1 }, confidence: CONFIDENCE.bare })
    }
  }
  const blocks = colonBlocks(c, quotations)
  out.push(...blocks)
  const quoted = [...quotations.map((q) => ({ first: q.open, end: q.close < 0 ? q.end : q.close + 1 })), ...blocks.map((b) => b.claim)]
  return { attributions: out, quoted }
}

type Found = { speaker: Mention; verb: VerbAt; pattern: 'quote-then-speaker' | 'speaker-then-quote' }

/** `"…," said X` or `"…," X said`, in the quotation's closing paragraph. */
function speakerFollowing(c: MentionContext, q: Quotation): Found | null {
  const { u } = c
  if (q.close < 0) return null
  let at = q.close + 1
  if (u.raw[at] === ',' || u.raw[at] === '—' || u.raw[at] === '–') at++
  if (at >= u.count || u.paragraph[at] !== u.paragraph[q.close] || u.sentenceStart[u.sentence[at]!] === at) return null
  let limit = at
  while (limit < u.count && u.paragraph[limit] === u.paragraph[at] && !/^[.;!?“"]$/.test(u.raw[limit]!) && limit < at + 40) limit++
  const found = speakerAndVerbAt(c, at, limit)
  return found ? { ...found, pattern: 'quote-then-speaker' } : null
}

/** `X said: "…"`, `X declared “…”`, `Israeli officials were outraged, calling it “…”`. */
function speakerPreceding(c: MentionContext, q: Quotation): Found | null {
  const { u } = c
  let end = q.open
  // A quotation opening a paragraph after one that ends with a colon: the colon's sentence.
  if (u.raw[end - 1] === ':' && u.paragraph[end - 1] !== u.paragraph[end]) end--
  else if (end === 0 || u.paragraph[end - 1] !== u.paragraph[end] || /^[.!?…]$/.test(u.raw[end - 1]!)) return null
  const sentenceFirst = u.sentenceStart[u.sentence[Math.max(0, end - 1)]!]!
  for (let i = end - 1; i >= sentenceFirst && i >= end - 14; i--) {
    if (c.lexicon.closers.has(u.raw[i]!) && i < end - 1) return null
    const verb = verbAt(c, i, end)
    if (!verb) continue
    // Between the verb and the quotation only a listener, a time phrase, a comma, a colon or
    // "that", or a short object the quotation describes ("calling the invitation “…”"); a longer
    // reported clause holding the quotation is the reported-speech pattern's claim.
    const gap = end - Math.max(contentAfter(c, verb, end).at, verb.end)
    if (gap > (verb.form.quoteOnly ? 6 : 0)) return null
    const speaker = verb.form.participle ? sentenceSubject(c, sentenceFirst, i) : subjectBefore(c, verb, sentenceFirst)
    if (speaker) return { speaker, verb, pattern: 'speaker-then-quote' }
  }
  return null
}

/** A paragraph ending with a colon, and the quoted paragraph after it without quotation marks. */
function colonBlocks(c: MentionContext, quotations: readonly Quotation[]): Attribution[] {
  const { u } = c
  const out: Attribution[] = []
  const quoted = new Set(quotations.map((q) => q.open))
  for (let i = 0; i + 1 < u.count; i++) {
    if (u.raw[i] !== ':' || u.paragraph[i + 1] === u.paragraph[i] || quoted.has(i + 1)) continue
    let end = i + 1
    while (end < u.count && u.paragraph[end] === u.paragraph[i + 1]) end++
    const sentenceFirst = u.sentenceStart[u.sentence[i]!]!
    let speaker: Mention | null = null
    let cue = { first: i, end: i + 1 }
    for (let k = i - 1; k >= sentenceFirst && !speaker; k--) {
      const verb = verbAt(c, k, i)
      if (verb) {
        speaker = subjectBefore(c, verb, sentenceFirst)
        cue = { first: verb.first, end: verb.end }
      }
    }
    // Without a verb: the named person the clause before the colon is about ("… Ryabkov went the extra mile:").
    let clause = i - 1
    while (clause > sentenceFirst && u.raw[clause - 1] !== ',') clause--
    for (let k = clause; k < i && !speaker; k++) {
      const m = mentionAfter(c, k, i)
      if (m && m.kind === 'person' && m.name) speaker = m
      else if (m) k = m.end - 1
    }
    if (speaker && !speaker.pronoun && end - (i + 1) >= 6) {
      let last = end
      while (last > i + 1 && /^[,;:]$/.test(u.raw[last - 1]!)) last--
      out.push({ claim: { first: i + 1, end: last }, speaker, pattern: 'colon-block', cue, confidence: CONFIDENCE.colon })
    }
  }
  return out
}
