/**
 * The suggestion engine's entry point: a document's stored text in, proposed sources, claims,
 * attribution links and canonical names out (see types.ts), by the cue patterns of one language's
 * cue set. Pure and synchronous; one pass over the text's tokens plus work proportional to the
 * cues found, so a 1 MB text takes well under a second (docs/suggestions.md gives the timing).
 *
 * When two proposed claims overlap, the one of the more reliable pattern is kept (then the
 * longer): a quotation inside a reported clause is not proposed twice. A source named at several
 * cues is proposed once per mention, each with the links of the claims it speaks.
 */
import { proposeNames } from './canonical-names'
import { cuesFor, type CueSet } from './cue-set'
import { Lexicon } from './lexicon'
import type { Mention, MentionContext } from './mentions'
import { quoteAttributions } from './quote-patterns'
import { reportedSpeech } from './reported-speech'
import type { Attribution } from './speakers'
import { textUnits } from './text-units'
import type { LinkSuggestion, SpanSuggestion, Suggestions } from './types'

export type * from './types'

/** What to suggest with: a shipped language's cues (default "en"), or a cue set of your own. */
export interface SuggestOptions {
  language?: string
  cues?: CueSet
  /** Leave out suggestions below this confidence (0..1; default 0: everything). */
  minConfidence?: number
}

const compiled = new WeakMap<CueSet, Lexicon>()

/** Propose sources, claims, links and canonical names for one stored text. */
export function suggest(text: string, options: SuggestOptions = {}): Suggestions {
  const cues = options.cues ?? cuesFor(options.language ?? 'en')
  let lexicon = compiled.get(cues)
  if (!lexicon) compiled.set(cues, (lexicon = new Lexicon(cues)))
  const c: MentionContext = { u: textUnits(text, lexicon), lexicon }
  const { attributions, quoted } = quoteAttributions(c)
  const kept = withoutOverlaps([...attributions, ...reportedSpeech(c, quoted)], c.u.count).filter(
    (a) => a.confidence >= (options.minConfidence ?? 0),
  )
  return assemble(c, cues.language, kept)
}

/** Keep the more reliable of overlapping claims (then the longer, then the earlier). */
function withoutOverlaps(all: Attribution[], tokens: number): Attribution[] {
  const order = [...all].sort(
    (a, b) => b.confidence - a.confidence || b.claim.end - b.claim.first - (a.claim.end - a.claim.first) || a.claim.first - b.claim.first,
  )
  const kept: Attribution[] = []
  const taken = new Uint8Array(tokens)
  for (const a of order) {
    if (taken.subarray(a.claim.first, a.claim.end).includes(1)) continue
    taken.fill(1, a.claim.first, a.claim.end)
    kept.push(a)
  }
  return kept.sort((a, b) => a.claim.first - b.claim.first)
}

function assemble(c: MentionContext, language: string, attributions: Attribution[]): Suggestions {
  const { u } = c
  const cp = (first: number, end: number) => ({ start: u.starts[first]!, end: u.ends[end - 1]! })
  const cueOf = (a: Attribution) => ({
    pattern: a.pattern,
    text: u.index.slice(u.starts[a.cue.first]!, u.ends[a.cue.end - 1]!),
    ...cp(a.cue.first, a.cue.end),
  })
  const speakers = new Map<string, Mention>()
  for (const a of attributions) if (a.speaker && !a.speaker.pronoun) speakers.set(`${a.speaker.first}-${a.speaker.end}`, a.speaker)
  const { proposals, nameOf } = proposeNames(c, [...speakers.values()])
  const spans: SpanSuggestion[] = []
  const links: LinkSuggestion[] = []
  const sourceIds = new Map<string, SpanSuggestion>()
  for (const a of attributions) {
    const claimAt = cp(a.claim.first, a.claim.end)
    const claim: SpanSuggestion = {
      id: `claim-${claimAt.start}-${claimAt.end}`,
      label: 'claim',
      ...claimAt,
      text: u.index.slice(claimAt.start, claimAt.end),
      confidence: a.confidence,
      cue: cueOf(a),
      attributes: {},
    }
    if (a.speaker?.pronoun) claim.speakerIsPronoun = true
    spans.push(claim)
    if (!a.speaker || a.speaker.pronoun) continue
    const key = `${a.speaker.first}-${a.speaker.end}`
    let source = sourceIds.get(key)
    if (!source) {
      const at = cp(a.speaker.first, a.speaker.end)
      const named = nameOf.get(speakers.get(key)!)
      const kind = a.speaker.kind ?? named?.kind
      source = {
        id: `source-${at.start}-${at.end}`,
        label: 'source',
        ...at,
        text: u.index.slice(at.start, at.end),
        confidence: a.confidence,
        cue: cueOf(a),
        attributes: { ...(kind ? { kind } : {}), ...(named ? { name: named.name } : {}) },
      }
      sourceIds.set(key, source)
      spans.push(source)
    } else source.confidence = Math.max(source.confidence, a.confidence)
    links.push({ from: claim.id, to: source.id, confidence: a.confidence, cue: claim.cue })
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
  return { language, spans, links, names: proposals }
}
