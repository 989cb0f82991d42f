/**
 * What the suggestion engine proposes, as plain JSON: spans (sources and claims) and attribution
 * links, each with a confidence and the cue that produced it, and canonical-name proposals. All
 * offsets are Unicode code points into the stored text, end-exclusive (Python's text[start:end]),
 * like every stored annotation. Suggestions are proposals: nothing here is anyone's annotation
 * until a researcher accepts it.
 */

/** The Source label's kinds (the `kind` attribute's options). */
export type SourceKind = 'person' | 'organization' | 'media' | 'government' | 'document' | 'unnamed'

/** The pattern that produced a suggestion. */
export type CuePattern =
  /** "…," said X / "…," X said: a quotation followed by its speaker. */
  | 'quote-then-speaker'
  /** X said: "…" / X said, "…": the speaker and verb before the quotation. */
  | 'speaker-then-quote'
  /** X went the extra mile: (paragraph break) a quoted paragraph without quotation marks. */
  | 'colon-block'
  /** X said (that) CLAUSE / X told reporters CLAUSE / X believes CLAUSE. */
  | 'reported-speech'
  /** CLAUSE, X said. (no quotation marks) */
  | 'clause-then-speaker'
  /** According to X, CLAUSE / CLAUSE, according to X. */
  | 'according-to'
  /** A quotation paragraph with no cue, after a paragraph whose speaker is known. */
  | 'quote-continuation'
  /** A full-sentence quotation with no cue at all: a claim without a source. */
  | 'bare-quote'

/** The words that cued a suggestion: the verb or phrase, where it is, and the pattern. */
export interface Cue {
  pattern: CuePattern
  /** The cue word or phrase as written ("said", "according to", ":"). */
  text: string
  start: number
  end: number
}

/** A proposed annotation. */
export interface SpanSuggestion {
  /** Stable within one text and cue set: the label and offsets ("source-120-138"). */
  id: string
  label: 'source' | 'claim'
  start: number
  end: number
  /** The text of [start, end), for reading and for checks. */
  text: string
  /** 0..1: how often this pattern proposes what a careful annotator marks (see docs/suggestions.md). */
  confidence: number
  cue: Cue
  /** For sources: `kind` and `name` (canonical name) when known; absent keys are unknown. */
  attributes: { kind?: SourceKind; name?: string }
  /** A claim whose speaker is a pronoun ("he said"): left without a source on purpose. */
  speakerIsPronoun?: boolean
}

/** A proposed attribution: claim `from` is attributed to source `to` (suggestion ids). */
export interface LinkSuggestion {
  from: string
  to: string
  confidence: number
  cue: Cue
}

/** One mention in a canonical-name proposal. */
export interface NameMention {
  start: number
  end: number
  text: string
  /** Why it is in the cluster: the full name, the same surname, a title or an apposition tying it. */
  evidence: 'full-name' | 'surname' | 'title' | 'apposition'
}

/** "These mentions are one actor, called `name`": a proposal the researcher confirms. */
export interface NameProposal {
  name: string
  kind: SourceKind | undefined
  mentions: NameMention[]
}

/** Everything proposed for one text. */
export interface Suggestions {
  language: string
  /** Sources and claims in text order (by start, then end, then label). */
  spans: SpanSuggestion[]
  links: LinkSuggestion[]
  names: NameProposal[]
}
