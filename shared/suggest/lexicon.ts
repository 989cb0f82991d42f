/**
 * A cue set compiled for fast look-ups: sets of lowercase words, and multi-word phrases ("according
 * to", "pointed out", "prime minister") as word sequences keyed by their first word, so matching at
 * a token costs one map look-up whatever the size of the lists.
 */
import type { CueSet } from './cue-set'
import { MARKED_KINDS } from './cue-set'

/** One form of a reporting verb, as words. */
export interface VerbForm {
  lemma: string
  words: readonly string[]
  kind: 'speech' | 'cognition'
  /** Takes a listener before what is said ("told reporters that"). */
  object: boolean
  /** Reports a quotation only ("called it “…”"). */
  quoteOnly: boolean
  /** May report a clause without "that". */
  bareClause: boolean
  /** An -ing form ("saying", "adding"): its speaker is the subject of the sentence. */
  participle: boolean
}

/** A kind a source can be given from its words. */
export type MarkedKind = (typeof MARKED_KINDS)[number]

/** Phrases by first word, longest first. */
type PhraseTable<T> = Map<string, { words: readonly string[]; value: T }[]>

function table<T>(entries: Iterable<[string, T]>): PhraseTable<T> {
  const t: PhraseTable<T> = new Map()
  for (const [phrase, value] of entries) {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean)
    if (words.length === 0) continue
    const list = t.get(words[0]!) ?? []
    list.push({ words, value })
    t.set(words[0]!, list)
  }
  for (const list of t.values()) list.sort((a, b) => b.words.length - a.words.length)
  return t
}

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()))

/** The compiled cue set. */
export class Lexicon {
  readonly verbs: PhraseTable<VerbForm>
  readonly accordingTo: PhraseTable<true>
  readonly sourceComplements: PhraseTable<true>
  readonly kindMarkers: PhraseTable<MarkedKind>
  readonly roles: PhraseTable<true>
  readonly listeners: PhraseTable<true>
  readonly roleWords: Set<string>
  readonly roleModifiers: Set<string>
  readonly unnamedNouns: Set<string>
  readonly unnamedModifiers: Set<string>
  readonly pronouns: Set<string>
  readonly between: Set<string>
  readonly timeWords: Set<string>
  readonly starters: Set<string>
  readonly connectors: Set<string>
  readonly organizationConnectors: Set<string>
  readonly abbreviations: Set<string>
  readonly complementizers: Set<string>
  /** Closing mark of each opening mark, for quotations and for inner quotations. */
  readonly closers: Map<string, string>
  readonly innerClosers: Map<string, string>

  constructor(readonly cues: CueSet) {
    const verbEntries: [string, VerbForm][] = []
    for (const [kind, list] of [
      ['speech', cues.speechVerbs],
      ['cognition', cues.cognitionVerbs],
    ] as const) {
      for (const v of list) {
        for (const form of v.forms) {
          const words = form.toLowerCase().split(/\s+/)
          verbEntries.push([
            form,
            {
              lemma: v.lemma,
              words,
              kind,
              object: v.object ?? false,
              quoteOnly: v.quoteOnly ?? false,
              bareClause: v.bareClause ?? false,
              participle: words[0]!.endsWith('ing'),
            },
          ])
        }
      }
    }
    this.verbs = table(verbEntries)
    this.accordingTo = table(cues.accordingTo.map((p) => [p, true as const]))
    this.sourceComplements = table(cues.sourceComplements.map((p) => [p, true as const]))
    this.kindMarkers = table(MARKED_KINDS.flatMap((k) => cues.kinds[k].map((p): [string, MarkedKind] => [p, k])))
    this.roles = table(cues.roles.map((p) => [p, true as const]))
    this.listeners = table(cues.listeners.map((p) => [p, true as const]))
    this.roleWords = lower(cues.roles.flatMap((r) => r.split(/\s+/)))
    this.roleModifiers = lower(cues.roleModifiers)
    this.unnamedNouns = lower(cues.unnamedNouns)
    this.unnamedModifiers = lower(cues.unnamedModifiers)
    this.pronouns = lower(cues.pronouns)
    this.between = lower(cues.betweenSubjectAndVerb)
    this.timeWords = lower(cues.timeWords)
    this.starters = lower(cues.sentenceStarters)
    this.connectors = lower(cues.nameConnectors)
    this.organizationConnectors = lower(cues.organizationConnectors)
    this.abbreviations = lower(cues.abbreviations)
    this.complementizers = lower(cues.complementizers)
    this.closers = new Map(cues.quotes.pairs.map(([o, c]) => [o, c]))
    this.innerClosers = new Map(cues.quotes.inner.map(([o, c]) => [o, c]))
  }

  /** The longest phrase of `t` starting at word i of `words`, with its length in words. */
  match<T>(t: PhraseTable<T>, words: readonly string[], i: number, end = words.length): { value: T; length: number } | null {
    const list = t.get(words[i] ?? '')
    if (!list) return null
    for (const p of list) {
      if (i + p.words.length > end) continue
      let ok = true
      for (let k = 1; k < p.words.length && ok; k++) ok = words[i + k] === p.words[k]
      if (ok) return { value: p.value, length: p.words.length }
    }
    return null
  }
}
