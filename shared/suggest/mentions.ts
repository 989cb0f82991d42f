/**
 * Source mentions: the noun phrase that names who speaks, found next to a cue. A mention is built
 * from capitalised words (names), the cue set's titles and roles ("Deputy Foreign Minister"),
 * unnamed-source nouns and their modifiers ("two senior officials"), kind markers ("the interior
 * ministry", "CBC News"), initials ("U.S."), name connectors inside a name ("Ministry of Foreign
 * Affairs", "bin") and a complement that belongs to an unnamed source ("sources close to the
 * talks", "a spokeswoman for the port authority"). A leading article or number is kept ("the
 * ministry", "two officials"); an apposition after a comma is not part of the mention.
 */
import type { SourceKind } from './types'
import type { Lexicon } from './lexicon'
import { isCapitalized, isWord, type TextUnits } from './text-units'

/** A noun phrase naming a speaker, by tokens [first, end). */
export interface Mention {
  first: number
  end: number
  /** The token that heads it (the last word before any complement). */
  head: number
  pronoun: boolean
  kind: SourceKind | undefined
  /** Tokens [nameFirst, end of name) of the proper name in it, when it has one ("Vladimir Putin"). */
  name: { first: number; end: number } | null
  /** The title or role before the name, in lowercase ("russian president"), or the role alone. */
  role: string | null
}

const DETERMINERS = new Set(['the', 'a', 'an'])
const APOSTROPHES = new Set(["'", '’'])

/** What the mention finder needs: the text's units and the compiled cues. */
export interface MentionContext {
  u: TextUnits
  lexicon: Lexicon
}

/** Whether token i may be inside a mention (before the determiner and complement rules). */
function nominal(c: MentionContext, i: number): boolean {
  const { u, lexicon } = c
  const r = u.raw[i]!
  const w = withoutPossessive(u.words[i]!)
  if (!isWord(r))
    return r === '.' && i > 0 && !u.spaceBefore[i] && (/^\p{Lu}$/u.test(u.raw[i - 1]!) || lexicon.abbreviations.has(u.words[i - 1]!))
  if (lexicon.pronouns.has(w) || DETERMINERS.has(w)) return false
  if (isCapitalized(r)) return true
  if (lexicon.roleWords.has(w) || lexicon.unnamedNouns.has(w) || lexicon.unnamedModifiers.has(w) || lexicon.roleModifiers.has(w))
    return true
  const marker = lexicon.match(lexicon.kindMarkers, [w], 0)
  return w === 'media' || (marker !== null && marker.value !== 'media')
}

/** Whether token i can head a mention: a name, a role, an unnamed-source noun or a kind marker. */
function canHead(c: MentionContext, i: number): boolean {
  const { u, lexicon } = c
  const w = u.words[i]!
  if (!isWord(u.raw[i]!)) return false
  if (isCapitalized(u.raw[i]!)) return !lexicon.starters.has(w) || lexicon.roleWords.has(w)
  return lexicon.roleWords.has(w) || lexicon.unnamedNouns.has(w) || lexicon.match(lexicon.kindMarkers, u.words, i) !== null
}

/** The mention ending right before token `end` (within [limit, end)), or null. */
export function mentionBefore(c: MentionContext, end: number, limit: number): Mention | null {
  const { u, lexicon } = c
  if (end - 1 >= limit && lexicon.pronouns.has(u.words[end - 1]!)) return pronounMention(end - 1)
  let first = end
  for (let j = end - 1; j >= limit; j--) {
    if (nominal(c, j)) first = j
    else if (APOSTROPHES.has(u.raw[j]!) && !u.spaceBefore[j] && j > limit && /s$/i.test(u.raw[j - 1]!) && first < end) first = --j
    else if (
      lexicon.connectors.has(u.words[j]!) &&
      first < end &&
      j > limit &&
      !DETERMINERS.has(u.words[j]!) &&
      // One particle between name words, or two ("von der Leyen").
      (nominal(c, j - 1) ||
        (j - 1 > limit && lexicon.connectors.has(u.words[j - 1]!) && !DETERMINERS.has(u.words[j - 1]!) && nominal(c, j - 2)))
    )
      first = j
    else if (
      u.words[j] === 'the' &&
      first < end &&
      j > limit &&
      lexicon.connectors.has(u.words[j - 1]!) &&
      !DETERMINERS.has(u.words[j - 1]!)
    )
      first = j
    else break
    if (end - first > 12) return null
  }
  // A complement of an unnamed source: "people familiar with the talks said".
  if (first === end) {
    const withComplement = complementBefore(c, end, limit)
    if (withComplement) return withComplement
    return null
  }
  const m = finish(c, withDeterminer(c, first, limit), end, limit)
  if (!m || m.pronoun) return m
  // "sources close to [the ministry]", "a report by [the audit office]": the noun before the complement heads it.
  for (let k = m.first - 1; k > limit && k >= m.first - 3; k--) {
    const comp = lexicon.match(lexicon.sourceComplements, u.words, k, m.first)
    if (comp && k + comp.length === m.first && headsComplement(c, k - 1)) {
      const outer = mentionBefore(c, k, limit)
      if (outer && !outer.pronoun) return { ...outer, end: m.end }
    }
  }
  return m
}

/** Whether token i is a noun that takes a complement: an unnamed source or a kind marker ("report", "office"). */
function headsComplement(c: MentionContext, i: number): boolean {
  return c.lexicon.unnamedNouns.has(c.u.words[i]!) || c.lexicon.match(c.lexicon.kindMarkers, c.u.words, i, i + 1) !== null
}

/** "sources close to the talks" ending before `end`: an unnamed noun, a complement phrase, its object. */
function complementBefore(c: MentionContext, end: number, limit: number): Mention | null {
  const { u, lexicon } = c
  for (let k = end - 1; k >= Math.max(limit, end - 7); k--) {
    if (!isWord(u.raw[k]!)) return null
    for (let start = k; start >= Math.max(limit + 1, k - 5); start--) {
      const m = lexicon.match(lexicon.sourceComplements, u.words, start, k + 1)
      if (m && start + m.length === k + 1 && headsComplement(c, start - 1)) {
        const inner = mentionBefore(c, start, limit)
        if (inner) return { ...inner, end, kind: inner.kind }
      }
    }
  }
  return null
}

/** The mention starting at token `first` (within [first, limit)), or null: "said [a spokeswoman for the port authority]". */
export function mentionAfter(c: MentionContext, first: number, limit: number): Mention | null {
  const { u, lexicon } = c
  if (first < limit && lexicon.pronouns.has(u.words[first]!)) return pronounMention(first)
  let i = first
  if (i < limit && DETERMINERS.has(u.words[i]!)) i++
  let end = i
  for (; i < limit; i++) {
    if (nominal(c, i)) end = i + 1
    else if (APOSTROPHES.has(u.raw[i]!) && !u.spaceBefore[i] && /s$/i.test(u.raw[i - 1]!)) end = i + 1
    else if (lexicon.connectors.has(u.words[i]!) && end === i && i + 1 < limit && (nominal(c, i + 1) || u.words[i + 1] === 'the')) continue
    else break
  }
  while (end > first && !canHead(c, end - 1)) end--
  if (end <= first || (end === first + 1 && DETERMINERS.has(u.words[first]!))) return null
  const m = finish(c, first, end, first)
  if (!m) return m
  // An unnamed source's complement: "a spokeswoman for the port authority".
  if (m.kind === 'unnamed' || m.kind === 'document' || lexicon.roleWords.has(u.words[m.head]!)) {
    const comp = lexicon.match(lexicon.sourceComplements, u.words, m.end, limit)
    if (comp) {
      const object = mentionAfter(c, m.end + comp.length, limit)
      if (object && !object.pronoun) return { ...m, end: object.end }
    }
  }
  return m
}

/** A word without its possessive ending: "ministry's" is "ministry". */
export function withoutPossessive(w: string): string {
  return w.endsWith("'s") || w.endsWith('’s') ? w.slice(0, -2) : w
}

function pronounMention(i: number): Mention {
  return { first: i, end: i + 1, head: i, pronoun: true, kind: undefined, name: null, role: null }
}

/** Take in an article or number right before the phrase: "the ministry", "two officials". */
function withDeterminer(c: MentionContext, first: number, limit: number): number {
  const j = first - 1
  if (j >= limit && (DETERMINERS.has(c.u.words[j]!) || /^\p{N}+$/u.test(c.u.raw[j]!))) return j
  return first
}

/** Trim a candidate [first, end) to a mention and give it its head, name, role and kind. */
function finish(c: MentionContext, first: number, end: number, sentenceFirst: number): Mention | null {
  const { u, lexicon } = c
  // A capitalised sentence opener ("But", "When", "On Monday") is not part of a name.
  while (
    first < end &&
    (first === sentenceFirst || !u.spaceBefore[first] || isOpening(u.raw[first - 1]!)) &&
    isCapitalized(u.raw[first]!) &&
    (lexicon.starters.has(u.words[first]!) || lexicon.timeWords.has(u.words[first]!)) &&
    !DETERMINERS.has(u.words[first]!)
  ) {
    first++
    sentenceFirst = first
  }
  while (first < end && lexicon.connectors.has(u.words[first]!) && !DETERMINERS.has(u.words[first]!)) first++
  while (end > first && (lexicon.connectors.has(u.words[end - 1]!) || APOSTROPHES.has(u.raw[end - 1]!) || !canHead(c, end - 1))) end--
  if (end <= first || (end === first + 1 && DETERMINERS.has(u.words[first]!))) return null
  const head = end - 1
  // The proper name: the capitalised words at the end that are not titles, roles or kind markers.
  let nameFirst = end
  const nameWord = (i: number) => {
    const w = withoutPossessive(u.words[i]!)
    return isCapitalized(u.raw[i]!) && !lexicon.roleWords.has(w) && !lexicon.roleModifiers.has(w) && !lexicon.unnamedNouns.has(w)
  }
  // Name words, and one or two lowercase particles between them ("Axis of Resistance", "Ursula von der Leyen").
  while (nameFirst > first) {
    if (nameWord(nameFirst - 1)) {
      nameFirst--
      continue
    }
    let k = nameFirst - 1
    while (k >= first && k >= nameFirst - 2 && lexicon.connectors.has(u.words[k]!)) k--
    if (k < nameFirst - 1 && k >= first && nameWord(k)) nameFirst = k
    else break
  }
  // A title's complement ("Prime Minister of Israel Benjamin Netanyahu", "Minister of Foreign
  // Affairs Sergey Lavrov", "President of the United States Joe Biden"): the place or body the title
  // is of is part of the title, and the person's name is the last two words after it (the last one
  // when only two follow: "Secretary of State Blinken"; none when one does: "the President of France").
  // The complement may be of more than one part ("Prime Minister of the State of Israel") and may
  // name a body ("President of the Palestinian Authority Mahmoud Abbas"): only the name is kept
  // from holding a body's word.
  let titleEnd = nameFirst
  if (nameFirst < end) {
    let k = nameFirst - 1
    while (k > first && isCapitalized(u.raw[k]!) && !lexicon.roleWords.has(u.words[k]!)) k--
    const ofWord = k
    for (let part = 0; part < 3; part++) {
      const connector = k
      while (k > first && k >= connector - 1 && lexicon.connectors.has(u.words[k]!)) k--
      if (k === connector || lexicon.roleWords.has(u.words[k]!)) break
      // An outer part's capitalised words ("State" in "of the State of Israel"), then its "of".
      const outer = k
      while (k > first && isCapitalized(u.raw[k]!) && !lexicon.roleWords.has(u.words[k]!)) k--
      if (k === outer) break
    }
    const personFirst = end - Math.max(0, Math.min(2, end - ofWord - 2))
    if (k < ofWord && lexicon.roleWords.has(u.words[k]!) && !markerReaches(c, ofWord + 1, personFirst, end)) {
      titleEnd = k + 1
      nameFirst = personFirst
    }
  }
  let markerKind: SourceKind | undefined
  for (let i = first; i < end; i++) {
    const m = lexicon.match(lexicon.kindMarkers, u.words, i, end)
    if (m && (m.value !== 'media' || isCapitalized(u.raw[i]!) || u.words[i] === 'media')) markerKind = m.value
  }
  const roleTokens: number[] = []
  for (let i = first; i < titleEnd; i++) if (lexicon.roleWords.has(u.words[i]!)) roleTokens.push(i)
  const hasRole = roleTokens.length > 0
  const roleStart = hasRole ? firstOfRole(c, first, titleEnd) : titleEnd
  const role = hasRole
    ? u.words
        .slice(roleStart, titleEnd)
        .filter((w) => !DETERMINERS.has(w))
        .join(' ')
    : null
  const nameTokens = end - nameFirst
  let kind: SourceKind | undefined
  let name: Mention['name'] = null
  const w = u.words[head]!
  if (nameTokens > 0 && (hasRole || nameTokens >= 2) && !nameHasMarker(c, nameFirst, end)) {
    // "Axis of Resistance", "Council of Europe": a name joined by "of" is an organisation's (a title before it keeps a person's).
    kind = !hasRole && nameHasOrganizationConnector(c, nameFirst, end) ? (markerKind ?? 'organization') : 'person'
    name = { first: nameFirst, end }
  } else if (lexicon.unnamedNouns.has(w) && nameTokens === 0) kind = 'unnamed'
  else if (markerKind) kind = markerKind
  else if (lexicon.roleWords.has(w) || titleEnd < nameFirst) kind = 'person'
  else if (nameTokens > 0) name = { first: nameFirst, end }
  return { first, end, head, pronoun: false, kind, name, role }
}

function isOpening(r: string): boolean {
  return /^[“"‘'«„([]$/.test(r)
}

/**
 * A name joined by "of" (or "for", "the") that names an organisation: fewer than three name words
 * after its last such word ("Axis of Resistance"). Three or more are a title and a person's full
 * name ("Archbishop of Canterbury Justin Welby").
 */
function nameHasOrganizationConnector(c: MentionContext, first: number, end: number): boolean {
  for (let i = end - 2; i > first; i--) if (c.lexicon.organizationConnectors.has(c.u.words[i]!)) return end - (i + 1) < 3
  return false
}

/** Whether a kind marker found from `first` on ("Palestinian Authority", "Foreign Affairs") runs into the words from `from`. */
function markerReaches(c: MentionContext, first: number, from: number, end: number): boolean {
  for (let i = first; i < end; i++) {
    const m = c.lexicon.match(c.lexicon.kindMarkers, c.u.words, i, end)
    if (m && i + m.length > from) return true
  }
  return false
}

function nameHasMarker(c: MentionContext, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (c.lexicon.match(c.lexicon.kindMarkers, c.u.words, i, end)) return true
  return false
}

/** Where the title before a name starts: its modifiers and nationality ("Russian Foreign Minister"). */
function firstOfRole(c: MentionContext, first: number, nameFirst: number): number {
  let i = nameFirst
  while (
    i > first &&
    (c.lexicon.roleWords.has(c.u.words[i - 1]!) || c.lexicon.roleModifiers.has(c.u.words[i - 1]!) || isCapitalized(c.u.raw[i - 1]!))
  )
    i--
  return i
}
