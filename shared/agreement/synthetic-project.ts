/**
 * Deterministic synthetic projects for measuring agreement at scale: a text of news-like words
 * (with some Hebrew, Arabic, accented words and emoji, so offsets exercise astral characters), and
 * two annotators whose layers mostly agree, with shifted boundaries, changed labels or polarity,
 * and spans only one of them marked. Same seed, same project.
 */
import type { LabelSchema } from '../model/labels'
import type { AgreementLayer, AnnotationLike, LinkLike } from './layer'
import type { AgreementInput } from './report'

const WORDS = [
  'the',
  'minister',
  'said',
  'Russia',
  'backs',
  'Hamas',
  'according',
  'to',
  'officials',
  'Kremlin',
  'denied',
  'report',
  'sources',
  'claim',
  'that',
  'Iran',
  'is',
  'neutral',
  'Zoé',
  'Nguyễn',
  'ישראל',
  'حماس',
  '😀',
  '🇺🇦',
  'Mil-Man',
  "Putin's",
  'on',
  'Tuesday',
  ',',
  '.',
  '"',
  'spokesman',
  'Peskov',
  'added',
  'analysts',
  'warn',
]

/** A pseudo-random generator (LCG) returning integers in [0, n). */
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s % n
  }
}

/** A text of about `codePoints` code points, and the code point start of each word. */
export function syntheticText(codePoints: number, seed = 1): { text: string; wordStarts: number[] } {
  const random = generator(seed)
  const parts: string[] = []
  const wordStarts: number[] = []
  let length = 0
  while (length < codePoints) {
    const w = WORDS[random(WORDS.length)]!
    wordStarts.push(length)
    parts.push(w)
    length += [...w].length
    // A paragraph every 80 words. (Not drawn from the generator: its low bits never make
    // random(20) zero. A space and a line break are both one code point and never a token, so
    // this changes no offset and no figure.)
    random(20)
    const sep = wordStarts.length % 80 === 0 ? '\n' : ' '
    parts.push(sep)
    length += 1
  }
  return { text: parts.join(''), wordStarts }
}

/** Two layers of `count` annotations each on a text with these word starts. */
export function syntheticLayers(wordStarts: readonly number[], count: number, seed = 2): [AgreementLayer, AgreementLayer] {
  const random = generator(seed)
  const labels = ['claim', 'source', 'stance']
  const polarities = ['favor', 'against', 'neutral']
  const a: AnnotationLike[] = []
  const b: AnnotationLike[] = []
  const last = wordStarts.length - 1
  for (let i = 0; i < count; i++) {
    const w = random(last - 12)
    const start = wordStarts[w]!
    const end = wordStarts[w + 1 + random(10)]! - 1
    const label = labels[random(3)]!
    const attributes: Record<string, string> = label === 'stance' ? { polarity: polarities[random(3)]! } : {}
    a.push({ id: `a${i}`, label, target: { position: { start, end } }, attributes })
    const r = random(10)
    if (r < 6) b.push({ id: `b${i}`, label, target: { position: { start, end } }, attributes })
    else if (r < 8) {
      const shifted = wordStarts[w + 1]!
      b.push({
        id: `b${i}`,
        label,
        target: { position: { start: shifted, end: Math.max(end, shifted + 1) } },
        attributes: label === 'stance' ? { polarity: polarities[random(3)]! } : {},
      })
    } else if (r < 9)
      b.push({ id: `b${i}`, label: labels[(labels.indexOf(label) + 1) % 3]!, target: { position: { start, end } }, attributes: {} })
    else {
      const v = random(last - 12)
      b.push({ id: `b${i}`, label, target: { position: { start: wordStarts[v]!, end: wordStarts[v + 2]! - 1 } }, attributes })
    }
  }
  return [
    { annotations: a, links: linksOf(a) },
    { annotations: b, links: linksOf(b) },
  ]
}

/** Each claim or stance attributed to the nearest source before it, if any. */
function linksOf(annotations: readonly AnnotationLike[]): LinkLike[] {
  const sorted = [...annotations].sort((x, y) => x.target.position.start - y.target.position.start)
  const links: LinkLike[] = []
  let source: string | undefined
  for (const x of sorted) {
    if (x.label === 'source') source = x.id
    else if (source) links.push({ type: 'attribution', from: x.id, to: source })
  }
  return links
}

/** A project of `documents` synthetic documents of about `codePoints` each, two annotators. */
export function syntheticProject(labels: LabelSchema, documents: number, codePoints: number, annotations: number): AgreementInput {
  return {
    labels,
    documents: Array.from({ length: documents }, (_, d) => {
      const { text, wordStarts } = syntheticText(codePoints, 10 + d)
      const [maria, jonas] = syntheticLayers(wordStarts, annotations, 20 + d)
      return { id: `doc-${d}`, title: `Document ${d}`, text, layers: { maria, jonas } }
    }),
  }
}
