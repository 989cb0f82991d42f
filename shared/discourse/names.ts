/**
 * Actor and target names as annotators write them, folded into keys, so that one actor or target
 * spelled with other case or spacing ("Israel", " israel ", "ISRAEL") is counted once and shown by
 * the spelling annotators used most.
 *
 * - The display form of a name is its text in Unicode NFC, with every run of white space (spaces,
 *   tabs, line breaks, no-break spaces) collapsed to one space, invisible control characters
 *   (and lone surrogates, U+FFFE, U+FFFF) removed, and the ends trimmed. So a name is never a key
 *   no file format can hold: the XML writers need no second escape for names.
 * - The key is the display form case-folded as a whole: upper-cased, then lower-cased, so two names
 *   are one key exactly when their capitals are the same ("Straße", "STRASSE" and "strasse";
 *   "ΟΔΟΣ" and "οδος", whose final sigma a character-by-character fold would keep apart). Unlike
 *   shared/search's folding, a key needs no way back to positions in a text, so it folds the
 *   whole string. Diacritics are kept: "Zoé" and "Zoe" are two names.
 * - The label shown for a key is its most frequent display form; a tie goes to the form that sorts
 *   first by code units, which puts capitals first ("Israel" before "israel").
 */
const WHITE_SPACE = /\s+/gu
const INVISIBLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu
const SPACES = / {2,}/g

/** The display form of a name: NFC, white space collapsed to single spaces, control characters removed, trimmed. */
export function displayName(raw: string): string {
  return raw.normalize('NFC').replace(WHITE_SPACE, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').trim()
}

/**
 * The name a source is counted under as an actor: its canonical name when it has one (anything but
 * white space), else the text it spans. The Analysis and Retrieve both ask here.
 */
export function actorName(source: { readonly name: string; readonly text: string }): string {
  return source.name.trim() !== '' ? source.name : source.text
}

/** The key of a name: its display form case-folded; '' for a name that is only white space. */
export function nameKey(raw: string): string {
  return caseFold(displayName(raw))
}

function caseFold(s: string): string {
  return s.toUpperCase().toLowerCase()
}

/** The label among counted spellings: most frequent, ties to the first by code unit order. */
export function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [spelling, n] of counts) {
    if (n > bestCount || (n === bestCount && spelling < best)) {
      best = spelling
      bestCount = n
    }
  }
  return best
}

/**
 * Names seen so far, by key, with how often each spelling was seen. Counting a name already seen
 * costs one map lookup (the count sits with the name as typed, and is gathered by key when a label
 * is asked for), so a table of 100,000 statements that name a few thousand actors folds each
 * distinct spelling once.
 */
export class NameRegistry {
  private readonly resolved = new Map<string, { key: string; display: string; count: number }>()
  private spellings: Map<string, Map<string, number>> | null = null

  /** The key of `raw` (null when it is empty or only white space), without counting it. */
  keyOf(raw: string): string | null {
    const r = this.resolve(raw)
    return r.key || null
  }

  /** Count one use of `raw` and return its key (null when empty or only white space). */
  add(raw: string): string | null {
    const r = this.resolve(raw)
    if (!r.key) return null
    r.count++
    this.spellings = null
    return r.key
  }

  /** The label of a key: its most frequent spelling (the key itself if it was never counted). */
  label(key: string): string {
    const counts = this.gathered().get(key)
    return counts ? mostFrequent(counts) : key
  }

  /** Every counted key, in the order first counted. */
  keys(): string[] {
    return [...this.gathered().keys()]
  }

  private gathered(): Map<string, Map<string, number>> {
    if (this.spellings) return this.spellings
    const spellings = new Map<string, Map<string, number>>()
    for (const r of this.resolved.values()) {
      if (r.count === 0) continue
      let counts = spellings.get(r.key)
      if (!counts) spellings.set(r.key, (counts = new Map()))
      counts.set(r.display, (counts.get(r.display) ?? 0) + r.count)
    }
    return (this.spellings = spellings)
  }

  private resolve(raw: string): { key: string; display: string; count: number } {
    let r = this.resolved.get(raw)
    if (!r) {
      const display = displayName(raw)
      r = { key: caseFold(display), display, count: 0 }
      this.resolved.set(raw, r)
    }
    return r
  }
}
