/**
 * The benchmark's texts and annotations, generated from a seed so every run and every renderer
 * sees the same bytes and the same spans. The prose reads like wire copy: datelined paragraphs of
 * three to seven sentences, quotes with attribution, numbers, names in several scripts, the odd
 * emoji (astral and ZWJ sequences), so code point and UTF-16 offsets differ as they do in real
 * corpora. Spans are claims (long, sentence-like), sources (short, often inside a claim) and
 * stances (medium), placed on word boundaries; at these densities most of them overlap others,
 * and a few run across a paragraph break.
 */

/** A deterministic pseudo-random source (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PEOPLE = [
  'Maria Keller',
  'José Álvarez',
  'Zoë Brandt',
  'Łukasz Wróbel',
  'Søren Dahl',
  'Nguyễn Thị Lan',
  'Ольга Петрова',
  'Ahmet Yılmaz',
  'Δημήτρης Παππάς',
  'Amira Haddad',
  'محمد الأحمد',
  'Chen Wei',
  'Priya Raman',
  'François Léger',
  'Ingrid Ødegård',
  'Kwame Mensah',
  'Hannah Schäfer',
  'Tomás Ó Briain',
  'Yuki Tanaka',
  'Arkady Mil-Man',
]
const ROLES = [
  'a spokesperson for the ministry',
  'the deputy foreign minister',
  'an analyst at the Institute for Security Studies',
  'a senior diplomat',
  'the opposition leader',
  'a researcher at the university',
  'the central bank governor',
  'a former ambassador',
  'the mayor',
  'an official who asked not to be named',
]
const PLACES = [
  'Moscow',
  'Tehran',
  'Brussels',
  'Kyiv',
  'Ankara',
  'Cairo',
  'Warsaw',
  'Beirut',
  'Geneva',
  'Doha',
  'Berlin',
  'São Paulo',
  'Zürich',
  'Reykjavík',
]
const ORGS = [
  'the European Commission',
  'the United Nations',
  'the defence ministry',
  'the parliament',
  'the energy regulator',
  'the International Monetary Fund',
  'the electoral commission',
  'the health ministry',
  'the state news agency',
  'NATO',
]
const SUBJECTS = [
  'the ceasefire talks',
  'the sanctions package',
  'the gas pipeline',
  'the prisoner exchange',
  'the budget deal',
  'the new border rules',
  'the grain corridor',
  'the nuclear agreement',
  'the election results',
  'the reconstruction fund',
  'the interest rate decision',
  'the refugee quota',
  'the drone strikes',
  'the trade embargo',
  'the peace plan',
]
const VERBS = [
  'had failed',
  'would resume next week',
  'were a turning point',
  'remained fragile',
  'had been delayed again',
  'could collapse within days',
  'were moving in the right direction',
  'had exposed deep divisions',
  'would not be renewed',
  'had cost more than €4.2 billion',
  'were “a matter of weeks” away',
  'had been blocked by a single vote',
]
const STANCES = [
  'strongly supported',
  'firmly rejected',
  'cautiously welcomed',
  'openly criticised',
  'refused to endorse',
  'called for a review of',
]
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'late on Thursday', 'on Friday', 'over the weekend', 'earlier this month']
const EXTRAS = [
  'according to figures seen by reporters',
  'citing two people familiar with the matter',
  'in a statement posted online',
  'at a press conference in the capital',
  'in an interview with local television',
  'speaking on condition of anonymity',
]
const EMOJI = ['🙂', '🇺🇦', '👩🏽‍⚕️', '📈', '🕊️', '⚠️', '🇪🇺']

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!
}

function sentence(rand: () => number): string {
  const who = pick(rand, PEOPLE)
  const role = pick(rand, ROLES)
  const topic = pick(rand, SUBJECTS)
  switch (Math.floor(rand() * 7)) {
    case 0:
      return `${who}, ${role}, said ${pick(rand, DAYS)} that ${topic} ${pick(rand, VERBS)}.`
    case 1:
      return `“We cannot accept ${topic} in its current form,” ${who} told reporters in ${pick(rand, PLACES)}.`
    case 2:
      return `${pick(rand, ORGS).replace(/^./, (c) => c.toUpperCase())} ${pick(rand, STANCES)} ${topic}, ${pick(rand, EXTRAS)}.`
    case 3:
      return `Officials in ${pick(rand, PLACES)} said ${Math.floor(rand() * 900 + 12)} people had been affected and that ${topic} ${pick(rand, VERBS)} ${pick(rand, DAYS)}.`
    case 4:
      return `Critics — among them ${who} — argue that ${topic} ${pick(rand, VERBS)}, while supporters insist it is working ${pick(rand, EMOJI)}.`
    case 5:
      return `In ${pick(rand, PLACES)}, ${role} ${pick(rand, STANCES)} ${topic} and warned of “serious consequences” for the region.`
    default:
      return `The figures, published ${pick(rand, DAYS)}, show a rise of ${(rand() * 9 + 0.5).toFixed(1)}% since January; ${who} called them “deeply worrying”.`
  }
}

/** One word of the text: code point offsets [start, end) and its paragraph. */
export interface Words {
  start: Int32Array
  end: Int32Array
  paragraph: Int32Array
  count: number
}

/** A generated text with its word boundaries. */
export interface Corpus {
  text: string
  /** The first line, which Marginalia takes as the title. */
  title: string
  paragraphs: number
  words: Words
}

/** Prose of about `bytes` UTF-8 bytes (whole paragraphs), starting with a headline line. */
export function generateText(bytes: number, label: string, seed: number): Corpus {
  const rand = random(seed)
  const title = `Benchmark text ${label}: ${pick(rand, SUBJECTS)} ${pick(rand, VERBS)}`
  const lines = [title]
  let size = Buffer.byteLength(title) + 1
  while (size < bytes) {
    const n = 3 + Math.floor(rand() * 5)
    const parts = [`${pick(rand, PLACES).toUpperCase()} —`]
    for (let i = 0; i < n; i++) parts.push(sentence(rand))
    const para = parts.join(' ')
    lines.push(para)
    size += Buffer.byteLength(para) + 1
  }
  const text = `${lines.join('\n')}\n`
  return { text, title, paragraphs: lines.length, words: wordsOf(lines) }
}

function wordsOf(lines: readonly string[]): Words {
  const start: number[] = []
  const end: number[] = []
  const paragraph: number[] = []
  let base = 0
  lines.forEach((line, p) => {
    let cp = 0
    let inWord = false
    for (const ch of line) {
      const space = ch === ' '
      if (!space && !inWord) {
        start.push(base + cp)
        paragraph.push(p)
        inWord = true
      } else if (space && inWord) {
        end.push(base + cp)
        inWord = false
      }
      cp++
    }
    if (inWord) end.push(base + cp)
    base += cp + 1
  })
  return { start: Int32Array.from(start), end: Int32Array.from(end), paragraph: Int32Array.from(paragraph), count: start.length }
}

/** One annotation to create: a label and a code point span. */
export interface BenchSpan {
  label: 'claim' | 'source' | 'stance'
  start: number
  end: number
}

/**
 * `count` spans over the corpus's words (the title line left alone): 40% claims of 6-25 words,
 * 30% sources of 1-3 words (half of them inside the claim just made), 30% stances of 4-15 words.
 * About 2% may run on into the next paragraph; the rest stop at their paragraph's end.
 */
export function generateSpans(corpus: Corpus, count: number, seed: number): BenchSpan[] {
  const rand = random(seed)
  const { words } = corpus
  const first = words.paragraph.indexOf(1)
  const spans: BenchSpan[] = []
  const lastOfParagraph = (w: number) => {
    let e = w
    while (e + 1 < words.count && words.paragraph[e + 1] === words.paragraph[w]) e++
    return e
  }
  let lastClaim: [number, number] | null = null
  for (let i = 0; i < count; i++) {
    const r = rand()
    const label = r < 0.4 ? 'claim' : r < 0.7 ? 'source' : 'stance'
    const length =
      label === 'claim' ? 6 + Math.floor(rand() * 20) : label === 'source' ? 1 + Math.floor(rand() * 3) : 4 + Math.floor(rand() * 12)
    let w = first + Math.floor(rand() * (words.count - first))
    if (label === 'source' && lastClaim && rand() < 0.5) w = lastClaim[0] + Math.floor(rand() * (lastClaim[1] - lastClaim[0] + 1))
    const cross = rand() < 0.02
    const limit = cross ? words.count - 1 : lastOfParagraph(w)
    const e = Math.min(w + length - 1, limit)
    spans.push({ label, start: words.start[w]!, end: words.end[e]! })
    if (label === 'claim') lastClaim = [w, e]
  }
  return spans
}

/**
 * Converts code point offsets of the stored text to UTF-16 offsets into the text with its line
 * breaks left out: what a DOM text offset counts in a container of one <p> per line with nothing
 * between them (how @recogito/text-annotator counts `start`/`end`).
 */
export function domOffsets(text: string): (cp: number) => number {
  const astral: number[] = []
  const breaks: number[] = []
  let cp = 0
  for (const ch of text) {
    if (ch.length === 2) astral.push(cp)
    else if (ch === '\n') breaks.push(cp)
    cp++
  }
  const before = (list: readonly number[], x: number) => {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (list[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return (at) => at + before(astral, at) - before(breaks, at)
}
