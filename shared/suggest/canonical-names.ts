/**
 * Canonical-name proposals: one actor's mentions in a document, clustered. A person's full name
 * ("Russian President Vladimir Putin" gives "Vladimir Putin") starts a cluster; a later or earlier
 * mention of the same surname alone ("Putin", "Putin's") joins the nearest cluster with that
 * surname; a mention by title only ("the Russian president", "the president") joins the one
 * cluster whose title holds its words; so does one by the role of an apposition ("Abbas
 * Gallyamov, a former speechwriter for Putin," … "the former speechwriter"). Other sources are
 * named by their words without a leading article. These are proposals: nothing is applied.
 */
import { mentionAfter, withoutPossessive, type Mention, type MentionContext } from './mentions'
import type { NameMention, NameProposal, SourceKind } from './types'
import { isCapitalized } from './text-units'

interface Cluster {
  name: string
  surname: string
  roles: string[][]
  mentions: { m: Mention; evidence: NameMention['evidence'] }[]
}

/** The canonical name (and kind, when it ties a bare surname to a person) proposed for each mention. */
export interface NamesResult {
  proposals: NameProposal[]
  nameOf: Map<Mention, { name: string; kind: SourceKind | undefined }>
}

const ARTICLES = new Set(['the', 'a', 'an'])

/** Cluster the sources' mentions (and the other full names of the text) into proposals. */
export function proposeNames(c: MentionContext, sources: readonly Mention[]): NamesResult {
  const { u } = c
  const text = (first: number, end: number) => u.index.slice(u.starts[first]!, u.ends[end - 1]!)
  const all = [...sources, ...personNames(c, sources)].sort((a, b) => a.first - b.first)
  const clusters: Cluster[] = []
  const byName = new Map<string, Cluster>()
  const bySurname = new Map<string, Cluster[]>()
  const clusterOf = new Map<Mention, Cluster>()
  for (const m of all) {
    if (m.kind !== 'person' || !m.name || m.name.end - m.name.first < 2) continue
    const name = text(m.name.first, m.name.end).replace(/['’]s$/, '')
    const surname = withoutPossessive(u.words[m.name.end - 1]!)
    let cluster = byName.get(name)
    if (!cluster) {
      clusters.push((cluster = { name, surname, roles: [], mentions: [] }))
      byName.set(name, cluster)
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), cluster])
    }
    if (m.role) cluster.roles.push(m.role.split(' '))
    for (const role of appositionRole(c, m)) cluster.roles.push(role)
    cluster.mentions.push({ m, evidence: 'full-name' })
    clusterOf.set(m, cluster)
  }
  for (const m of sources) {
    if (clusterOf.has(m) || m.pronoun) continue
    let found: Cluster | undefined
    let evidence: NameMention['evidence'] = 'surname'
    if (m.name && m.name.end - m.name.first === 1) {
      const surname = withoutPossessive(u.words[m.name.first]!)
      found = nearest(bySurname.get(surname) ?? [], m)
    } else if (!m.name && m.kind === 'person') {
      const words = u.words.slice(m.first, m.end).filter((w) => !ARTICLES.has(w))
      const fits = clusters.filter((k) =>
        k.roles.some((r) => r[r.length - 1] === words[words.length - 1] && words.every((w) => r.includes(w))),
      )
      if (fits.length === 1) found = fits[0]
      evidence =
        fits.length === 1 && fits[0]!.mentions.some((x) => x.m.role?.split(' ').join(' ') === words.join(' ')) ? 'title' : 'apposition'
    }
    if (found) {
      found.mentions.push({ m, evidence })
      clusterOf.set(m, found)
    }
  }
  const nameOf = new Map<Mention, { name: string; kind: SourceKind | undefined }>()
  for (const m of sources) {
    if (m.pronoun) continue
    const cluster = clusterOf.get(m)
    if (cluster) nameOf.set(m, { name: cluster.name, kind: 'person' })
    else {
      let first = m.first
      while (first < m.end - 1 && ARTICLES.has(u.words[first]!)) first++
      nameOf.set(m, { name: text(first, m.end), kind: m.kind })
    }
  }
  const spoken = new Set(sources)
  const alone = surnamesAlone(c, clusters, bySurname)
  const proposals = clusters
    .filter((k) => k.mentions.some((x) => spoken.has(x.m)))
    .map((k) => ({
      name: k.name,
      kind: 'person' as const,
      mentions: [...dedupe(k.mentions).map(({ m, evidence }) => ({ first: m.first, end: m.end, evidence })), ...(alone.get(k) ?? [])]
        .sort((a, b) => a.first - b.first)
        .map(({ first, end, evidence }) => ({ start: u.starts[first]!, end: u.ends[end - 1]!, text: text(first, end), evidence })),
    }))
  return { proposals, nameOf }
}

/** The other mentions of a cluster's surname on its own ("Putin", "Putin's"), outside its mentions. */
function surnamesAlone(
  c: MentionContext,
  clusters: readonly Cluster[],
  bySurname: Map<string, Cluster[]>,
): Map<Cluster, { first: number; end: number; evidence: NameMention['evidence'] }[]> {
  const { u } = c
  const inside = new Uint8Array(u.count)
  for (const k of clusters) for (const x of k.mentions) inside.fill(1, x.m.first, x.m.end)
  const out = new Map<Cluster, { first: number; end: number; evidence: NameMention['evidence'] }[]>()
  const capitalNear = (i: number, j: number) =>
    j >= 0 && j < u.count && u.paragraph[j] === u.paragraph[i] && isCapitalized(u.raw[j]!) && !c.lexicon.starters.has(u.words[j]!)
  for (let i = 0; i < u.count; i++) {
    if (inside[i] || !isCapitalized(u.raw[i]!)) continue
    const owners = bySurname.get(withoutPossessive(u.words[i]!))
    if (!owners || owners.length !== 1 || capitalNear(i, i - 1) || capitalNear(i, i + 1)) continue
    const list = out.get(owners[0]!) ?? []
    list.push({ first: i, end: i + 1, evidence: 'surname' })
    out.set(owners[0]!, list)
  }
  return out
}

/** The other full names of persons in the text that come with a title ("Israeli Prime Minister Benjamin Netanyahu"). */
function personNames(c: MentionContext, sources: readonly Mention[]): Mention[] {
  const { u } = c
  const taken = new Uint8Array(u.count)
  for (const m of sources) taken.fill(1, m.first, m.end)
  const out: Mention[] = []
  for (let i = 0; i < u.count; i++) {
    if (
      !isCapitalized(u.raw[i]!) ||
      taken[i] ||
      (i > 0 &&
        (isCapitalized(u.raw[i - 1]!) || (u.raw[i - 1] === '.' && /^\p{Lu}$/u.test(u.raw[i - 2] ?? ''))) &&
        u.paragraph[i - 1] === u.paragraph[i])
    )
      continue
    const limit = u.sentenceEnd[u.sentence[i]!]!
    const m = mentionAfter(c, i, Math.min(limit, i + 12))
    if (m && m.kind === 'person' && m.name && m.role && !taken[m.first]) {
      out.push(m)
      i = m.end - 1
    }
  }
  return out
}

/** A role given in an apposition after the name: "Abbas Gallyamov, a former speechwriter for Putin,". */
function appositionRole(c: MentionContext, m: Mention): string[][] {
  const { u, lexicon } = c
  if (u.raw[m.end] !== ',') return []
  const words: string[] = []
  for (let i = m.end + 1; i < u.count && i < m.end + 8; i++) {
    const w = u.words[i]!
    if (lexicon.roleWords.has(w) || lexicon.roleModifiers.has(w)) words.push(w)
    else if (words.length > 0 || !ARTICLES.has(w)) break
  }
  return words.some((w) => lexicon.roleWords.has(w)) ? [words] : []
}

function nearest(candidates: Cluster[], m: Mention): Cluster | undefined {
  let best: Cluster | undefined
  let distance = Infinity
  for (const k of candidates) {
    // Full-name mentions come first in k.mentions and in text order: a binary search finds the nearest.
    const full = k.mentions.filter((x) => x.evidence === 'full-name')
    let lo = 0
    let hi = full.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (full[mid]!.m.first < m.first) lo = mid + 1
      else hi = mid
    }
    for (const x of [full[lo - 1], full[lo]]) {
      if (!x) continue
      const d = Math.abs(x.m.first - m.first) + (x.m.first > m.first ? 0.5 : 0)
      if (d < distance) [best, distance] = [k, d]
    }
  }
  return best
}

function dedupe<T extends { m: Mention }>(xs: T[]): T[] {
  const seen = new Set<string>()
  return xs.filter((x) => {
    const key = `${x.m.first}-${x.m.end}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
