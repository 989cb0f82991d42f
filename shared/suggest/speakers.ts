/**
 * Finding the reporting verb and its speaker around a cue: a verb form of the cue set at a token
 * (not "to say", not a noun such as "the report"), the speaker before it (skipping auxiliaries and
 * adverbs such as "has also", an apposition between commas or dashes, a bracketed aside) or after
 * it ("said Alexander Gabuev"), and what stands between a verb and its content (a listener, a time
 * or manner phrase, "that").
 */
import type { VerbForm } from './lexicon'
import type { CuePattern } from './types'
import { mentionAfter, mentionBefore, type Mention, type MentionContext } from './mentions'
import { isCapitalized, isWord } from './text-units'

/** A reporting verb found at a token: [first, end) and its form. */
export interface VerbAt {
  first: number
  end: number
  form: VerbForm
}

/** One of the attribution patterns' results, by tokens (see types.ts for the patterns). */
export interface Attribution {
  claim: { first: number; end: number }
  speaker: Mention | null
  pattern: CuePattern
  cue: { first: number; end: number }
  confidence: number
}

const AUXILIARIES = new Set(['will', 'would', 'did', 'do', 'does', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'to'])
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had'])
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'it'])
const CLOSING_ASIDE: Record<string, string> = { ']': '[', ')': '(' }
const DASHES = new Set(['—', '–'])

/** The reporting verb at token i, if any (its words must fit before `limit`). */
export function verbAt(c: MentionContext, i: number, limit: number): VerbAt | null {
  const { u, lexicon } = c
  const m = lexicon.match(lexicon.verbs, u.words, i, limit)
  if (!m || isCapitalized(u.raw[i]!)) return null
  if (i > 0 && u.words[i - 1] === 'to') return null
  if (u.words[i + m.length] === 'to' && m.value.lemma !== 'say' && m.value.lemma !== 'tell') return null
  // "American states will have": a verb is not followed by an auxiliary.
  const next = u.words[i + m.length] ?? ''
  if (next !== 'to' && (AUXILIARIES.has(next) || FINITE.has(next))) return null
  return { first: i, end: i + m.length, form: m.value }
}

const PLURAL_PRONOUNS = new Set(['i', 'we', 'they', 'you'])

/**
 * Whether a verb's speaker fits its form: a base form ("say", "maintain") needs a plural or
 * first-person speaker or an auxiliary ("officials say", "they say", "did say"), so "helped the
 * Kremlin maintain influence" is no cue.
 */
export function agrees(c: MentionContext, verb: VerbAt, speaker: Mention): boolean {
  if (verb.form.words.join(' ') !== verb.form.lemma) return true
  if (AUXILIARIES.has(c.u.words[verb.first - 1] ?? '')) return true
  const head = c.u.words[speaker.head]!
  return speaker.pronoun ? PLURAL_PRONOUNS.has(head) : head.endsWith('s') && !head.endsWith('ss')
}

/** The speaker before a verb, within the sentence starting at `first` (null when none fits the verb). */
export function subjectBefore(c: MentionContext, verb: VerbAt, first: number): Mention | null {
  const m = speakerBefore(c, verb.first, first)
  return m && agrees(c, verb, m) ? m : null
}

function speakerBefore(c: MentionContext, v: number, first: number): Mention | null {
  const { u, lexicon } = c
  let j = v
  const skippable = (w: string) => (lexicon.between.has(w) || (w.length > 4 && w.endsWith('ly'))) && !lexicon.pronouns.has(w)
  for (let steps = 0; steps < 4 && j - 1 >= first && skippable(u.words[j - 1]!); steps++) j--
  const before = u.raw[j - 1]
  if (before !== undefined && CLOSING_ASIDE[before] !== undefined) {
    for (let k = j - 2; k >= first && k >= j - 60; k--) if (u.raw[k] === CLOSING_ASIDE[before]) return mentionBefore(c, k, first)
    return null
  }
  if (before === ',' || (before !== undefined && DASHES.has(before))) {
    // An apposition: "Abbas Gallyamov, a former speechwriter for Putin, told …".
    for (let k = j - 2; k >= first && k >= j - 30; k--) {
      if (u.raw[k] === before || (before === ',' && DASHES.has(u.raw[k]!))) {
        // "Deputy Secretary-General of the Front, Jamil Mezher, told": the name between the commas.
        const named = mentionAfter(c, k + 1, j - 1)
        if (named && named.first === k + 1 && named.end === j - 1 && named.kind === 'person' && named.name && named.role === null)
          return named
        const m = mentionBefore(c, k, first)
        return m && !m.pronoun && appositionLike(c, k + 1, j - 1) ? m : null
      }
      if (c.lexicon.closers.has(u.raw[k]!) || u.raw[k] === ';') return null
    }
    return null
  }
  return mentionBefore(c, j, first)
}

/** Whether tokens [first, end) read as an apposition ("a former speechwriter for Putin", "director of …", "65,"). */
function appositionLike(c: MentionContext, first: number, end: number): boolean {
  if (end <= first || end - first > 25) return false
  const w = c.u.words[first]!
  for (let i = first; i < end; i++) if (verbAt(c, i, end)) return false
  if (w.endsWith('ed') || w.endsWith('ing')) return true
  return (
    ['a', 'an', 'the', 'who', 'whose', 'now', 'then', 'once', 'himself', 'herself', 'itself', 'both', 'one', 'also'].includes(w) ||
    c.lexicon.roleWords.has(w) ||
    c.lexicon.roleModifiers.has(w) ||
    isCapitalized(c.u.raw[first]!) ||
    /^\p{N}/u.test(w)
  )
}

/** The speaker right after a verb ending at token `at` ("said Artis Pabriks, …"), or null. */
export function speakerAfterVerb(c: MentionContext, at: number, limit: number): Mention | null {
  return mentionAfter(c, at, limit)
}

/**
 * A speaker and verb starting at token `at` after a quotation: `Gallyamov said`, `he told CBC`,
 * `Abbas Gallyamov, a former speechwriter for Putin, told`, or `said Alexander Gabuev`.
 */
export function speakerAndVerbAt(c: MentionContext, at: number, limit: number): { speaker: Mention; verb: VerbAt } | null {
  const verb = verbAt(c, at, limit)
  if (verb) {
    const speaker = speakerAfterVerb(c, verb.end, limit)
    return speaker ? { speaker, verb } : null
  }
  const speaker = mentionAfter(c, at, limit)
  if (!speaker) return null
  let j = speaker.end
  if (c.u.raw[j] === ',' && !speaker.pronoun) {
    let k = j + 1
    while (k < limit && k < j + 26 && c.u.raw[k] !== ',') k++
    if (k >= limit || c.u.raw[k] !== ',' || !appositionLike(c, j + 1, k)) return null
    j = k + 1
  }
  for (let steps = 0; steps < 4 && j < limit && c.lexicon.between.has(c.u.words[j]!) && !verbAt(c, j, limit); steps++) j++
  const v = verbAt(c, j, limit)
  return v && agrees(c, v, speaker) ? { speaker, verb: v } : null
}

/**
 * Where a verb's content starts: after a listener ("told reporters", "told CBC News"), a time or
 * manner phrase ("on Wednesday", "in an interview with …") when "that", a comma or a colon
 * follows it, and the complementizer. `that` says whether a complementizer was there.
 */
export function contentAfter(c: MentionContext, verb: VerbAt, limit: number): { at: number; that: boolean } {
  const { u, lexicon } = c
  let i = verb.end
  if (verb.form.object || verb.form.lemma === 'tell') {
    const listener = lexicon.match(lexicon.listeners, u.words, i, limit)
    if (listener) i += listener.length
    else if (OBJECT_PRONOUNS.has(u.words[i] ?? '')) i++
    else {
      const m = mentionAfter(c, i, limit)
      if (m && !m.pronoun) i = m.end
    }
  }
  // "told an energy forum in Moscow that …": content after a nearby "that" with no break before it.
  for (let k = i; k < limit && k < i + 12; k++) {
    if (lexicon.complementizers.has(u.words[k]!)) return { at: k + 1, that: true }
    if (!isWord(u.raw[k]!) || verbAt(c, k, limit)) break
    if (!verb.form.object && !(lexicon.timeWords.has(u.words[k]!) || isCapitalized(u.raw[k]!) || /^\p{N}/u.test(u.raw[k]!))) break
  }
  // Skip a time or manner phrase when something that opens the content follows it.
  let k = i
  while (
    k < limit &&
    k < i + 12 &&
    (lexicon.timeWords.has(u.words[k]!) || (isCapitalized(u.raw[k]!) && k > i) || /^\p{N}+$/u.test(u.raw[k]!))
  )
    k++
  if (k > i && k < limit && (lexicon.complementizers.has(u.words[k]!) || u.raw[k] === ',' || u.raw[k] === ':')) i = k
  if (i < limit && (u.raw[i] === ',' || u.raw[i] === ':')) i++
  if (i < limit && lexicon.complementizers.has(u.words[i]!)) return { at: i + 1, that: true }
  return { at: i, that: false }
}

/** Whether a token range holds at least n words. */
export function hasWords(c: MentionContext, first: number, end: number, n: number): boolean {
  let words = 0
  for (let i = first; i < end && words < n; i++) if (isWord(c.u.raw[i]!)) words++
  return words >= n
}
