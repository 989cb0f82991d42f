/**
 * The cue lists of one language, as a researcher edits them: a JSON file per language
 * (cues/en.json) holding the speech and cognition verbs with their inflections, the phrases that
 * introduce a source ("according to"), the nouns of unnamed sources, titles and roles, the words
 * that mark a government, a medium, an organisation or a document, and the quotation marks. The
 * suggestion engine reads nothing else about a language, so adding German or Russian cues is a
 * new file (see cues/README.md), not code. This module is the file's schema and its parser.
 */
import { z } from 'zod'
import english from './cues/en.json'

/** The format name every cue file starts with. */
export const CUES_FORMAT = 'marginalia-cues'

/** A word or phrase of a list: lowercase words, matched without regard to case. */
const Phrase = z.string().trim().min(1).max(80)
const Phrases = z.array(Phrase).max(5000)
/** One character that opens or closes a quotation. */
const Mark = z.string().refine((s) => Array.from(s).length === 1, 'one character')

/** A verb that reports speech or thought, with every form that should be recognised. */
export const CueVerb = z.object({
  lemma: Phrase,
  /** The inflected forms, each one word or a fixed phrase ("point out", "pointed out"). */
  forms: z.array(Phrase).min(1).max(40),
  /** Takes a listener before what is said: "told reporters that …", "warned Washington that …". */
  object: z.boolean().optional(),
  /** Reports only a quotation, never a clause: "called the plan “a betrayal”". */
  quoteOnly: z.boolean().optional(),
  /** May report a clause without "that": "Experts say the war …" (otherwise "that" is needed). */
  bareClause: z.boolean().optional(),
})
export type CueVerb = z.infer<typeof CueVerb>

/** The source kinds a cue file can name markers for (the Source label's kind options). */
export const MARKED_KINDS = ['government', 'media', 'organization', 'document'] as const

export const CueSet = z.object({
  format: z.literal(CUES_FORMAT),
  version: z.literal(1),
  /** The language's code, e.g. "en", "de", "ru". */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en" or "de"'),
  description: z.string().max(2000).optional(),
  quotes: z.object({
    /** Opening and closing marks of quotations: ["“", "”"]; the same mark twice for straight quotes. */
    pairs: z.array(z.tuple([Mark, Mark])).min(1),
    /** Marks of quotations inside quotations (and of scare quotes): ["‘", "’"]. */
    inner: z.array(z.tuple([Mark, Mark])),
    /** A quotation without any cue is proposed as a claim only from this many words on. */
    minWords: z.number().int().min(1).max(50),
  }),
  speechVerbs: z.array(CueVerb).min(1),
  cognitionVerbs: z.array(CueVerb),
  /** Phrases whose following noun phrase is the source: "according to". */
  accordingTo: Phrases,
  /** Words that may open a reported clause and are left out of it: "that". */
  complementizers: Phrases,
  /** Auxiliaries and adverbs that may stand between a speaker and the verb: "has", "also". */
  betweenSubjectAndVerb: Phrases,
  /** Listeners after a verb such as "told": "reporters", "journalists". */
  listeners: Phrases,
  /** Pronouns: a speaker that is one gives a claim without a source. */
  pronouns: Phrases,
  /** Head nouns of unnamed sources: "officials", "sources", "a spokesman". */
  unnamedNouns: Phrases,
  /** Words that may precede an unnamed source's noun: "senior", "two", "western". */
  unnamedModifiers: Phrases,
  /** What may follow an unnamed source's noun and belongs to it: "close to", "familiar with". */
  sourceComplements: Phrases,
  /** Titles and roles that may precede or stand for a name: "minister", "spokesman". */
  roles: Phrases,
  /** Words that may precede a role: "former", "deputy", "foreign". */
  roleModifiers: Phrases,
  /** Words that make a source a government, a medium, an organisation or a document. */
  kinds: z.object(Object.fromEntries(MARKED_KINDS.map((k) => [k, Phrases])) as Record<(typeof MARKED_KINDS)[number], typeof Phrases>),
  /** Abbreviations whose full stop does not end a sentence (without the stop): "mr", "u.s". */
  abbreviations: Phrases,
  /** Capitalised words that start sentences but are not names: "but", "however", "on". */
  sentenceStarters: Phrases,
  /** Words of time and manner phrases skipped after a verb: "on", "wednesday", "interview". */
  timeWords: Phrases,
  /** Lowercase words that may stand inside a name: "of", "al", "von". */
  nameConnectors: Phrases,
  /** Of those, the ones that make a name an organisation's, not a person's: "Axis of Resistance", "Council of Europe". */
  organizationConnectors: Phrases.default([]),
})
export type CueSet = z.infer<typeof CueSet>

/** A cue file parsed, or why it cannot be used (one sentence naming the first problem). */
export type ParsedCues = { cues: CueSet } | { problem: string }

/** Check a cue file's content (already parsed from JSON) against the schema. */
export function parseCueSet(value: unknown): ParsedCues {
  const parsed = CueSet.safeParse(value)
  if (parsed.success) return { cues: parsed.data }
  const issue = parsed.error.issues[0]!
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the file'
  return { problem: `This is not a cue file Marginalia can use: ${where}: ${issue.message}.` }
}

const builtIn: Record<string, unknown> = { en: english }

/** The languages with a cue file shipped in shared/suggest/cues/. */
export const CUE_LANGUAGES: readonly string[] = Object.keys(builtIn)

/** The shipped cue set of a language; throws for a language without one (see CUE_LANGUAGES). */
export function cuesFor(language: string): CueSet {
  const file = builtIn[language]
  if (!file) throw new Error(`There are no suggestion cues for "${language}" yet; languages: ${CUE_LANGUAGES.join(', ')}.`)
  const parsed = parseCueSet(file)
  if ('problem' in parsed) throw new Error(`cues/${language}.json: ${parsed.problem}`)
  return parsed.cues
}
