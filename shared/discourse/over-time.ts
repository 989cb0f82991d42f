/**
 * Stances over time: for each actor (or each target), how many stances it took (or received) per
 * ISO week, month or year of the document's date, by polarity. The stances counted are those the
 * matrix counts (stances with a target, after the filter and duplicates). Every bucket from the
 * first dated stance to the last is listed, empty ones included, so a chart's time axis has no
 * gaps; stances in documents without a date are counted apart, as "undated". By actor, stances
 * with no source form their own series (key null), last; stances with no target are listed.
 */
import type { Cell } from '../csv'
import { bucketOf, bucketsBetween, type TimeUnit } from './dates'
import { keptStatements, type Duplicates, type StatementFilter } from './filter'
import { countStance, noStances, type StanceCounts, type Statement, type StatementSet } from './statements'

/** Count per actor or per target, in weeks, months or years, of the stances that pass the filter. */
export interface OverTimeOptions {
  by: 'actor' | 'target'
  unit: TimeUnit
  filter?: StatementFilter
  duplicates?: Duplicates
}

/** One actor's or target's stances, bucket by bucket. */
export interface TimeSeries {
  /** The actor or target key; null for the stances with no source (by actor only). */
  key: string | null
  label: string
  /** The actor's kind ('' for targets and for the unlinked series). */
  kind: string
  /** One entry per bucket of OverTime.buckets. */
  counts: StanceCounts[]
  /** Its stances in documents with no date. */
  undated: StanceCounts
  total: StanceCounts
}

/** The buckets, one series per actor or target, the totals, and what no series counts. */
export interface OverTime {
  by: 'actor' | 'target'
  unit: TimeUnit
  /** 2023-W41, 2023-10 or 2023: every bucket from the first dated stance to the last. */
  buckets: string[]
  /** By most stances, then key; the unlinked series last. */
  series: TimeSeries[]
  /** All stances by bucket (the sum of the series), and all undated ones. */
  counts: StanceCounts[]
  undated: StanceCounts
  /** Stances with no target, which no series counts (Statement.ref). */
  untargeted: string[]
}

/** The label of the unlinked series. */
export const NO_SOURCE_LABEL = '(no source)'

/** Stances of a statement set per actor or target and time bucket. */
export function overTime(set: StatementSet, options: OverTimeOptions): OverTime {
  return overTimeOf(set, keptStatements(set.statements, options.filter, options.duplicates), options)
}

/** Stances per actor or target and time bucket, of statements already filtered (keptStatements; `options.filter` is not applied again). */
export function overTimeOf(set: StatementSet, statements: readonly Statement[], options: Pick<OverTimeOptions, 'by' | 'unit'>): OverTime {
  const untargeted: string[] = []
  const stances: Statement[] = []
  let first: string | null = null
  let last: string | null = null
  for (const s of statements) {
    if (!s.stance) continue
    if (s.targetKey === null) {
      untargeted.push(s.ref)
      continue
    }
    stances.push(s)
    if (s.date !== null) {
      if (first === null || s.date < first) first = s.date
      if (last === null || s.date > last) last = s.date
    }
  }
  const buckets = first !== null && last !== null ? bucketsBetween(first, last, options.unit) : []
  const index = new Map(buckets.map((b, i) => [b, i]))
  const fresh = () => buckets.map(() => noStances())
  const label = new Map<string, { label: string; kind: string }>(
    options.by === 'actor' ? set.actors.map((a) => [a.key, a]) : set.targets.map((t) => [t.key, { label: t.label, kind: '' }]),
  )
  const series = new Map<string | null, TimeSeries>()
  const counts = fresh()
  const undated = noStances()
  for (const s of stances) {
    const key = options.by === 'actor' ? s.actorKey : s.targetKey
    let line = series.get(key)
    if (!line) {
      const named = key === null ? { label: NO_SOURCE_LABEL, kind: '' } : (label.get(key) ?? { label: key, kind: '' })
      series.set(key, (line = { key, label: named.label, kind: named.kind, counts: fresh(), undated: noStances(), total: noStances() }))
    }
    if (s.date === null) {
      countStance(line.undated, s.polarity)
      countStance(undated, s.polarity)
    } else {
      const i = index.get(bucketOf(s.date, options.unit))!
      countStance(line.counts[i]!, s.polarity)
      countStance(counts[i]!, s.polarity)
    }
    countStance(line.total, s.polarity)
  }
  const ordered = [...series.values()].sort(
    (a, b) => Number(a.key === null) - Number(b.key === null) || b.total.total - a.total.total || ((a.key ?? '') < (b.key ?? '') ? -1 : 1),
  )
  return { by: options.by, unit: options.unit, buckets, series: ordered, counts, undated, untargeted }
}

/** The bucket name of undated stances in the table. */
export const UNDATED = 'undated'

/**
 * The counts as a long table: one row per series and bucket (empty buckets included, so a plot
 * draws zeros), then the series' undated row when it has undated stances. Columns: bucket,
 * <by>_key, <by>_label, (actor_kind), favor, against, neutral, unset, total.
 */
export function overTimeTable(t: OverTime): { header: string[]; rows: Cell[][] } {
  const actor = t.by === 'actor'
  const header = [
    'bucket',
    `${t.by}_key`,
    `${t.by}_label`,
    ...(actor ? ['actor_kind'] : []),
    'favor',
    'against',
    'neutral',
    'unset',
    'total',
  ]
  const rows: Cell[][] = []
  const row = (bucket: string, s: TimeSeries, c: StanceCounts): Cell[] => [
    bucket,
    s.key ?? '',
    s.label,
    ...(actor ? [s.kind] : []),
    c.favor,
    c.against,
    c.neutral,
    c.unset,
    c.total,
  ]
  for (const s of t.series) {
    t.buckets.forEach((b, i) => rows.push(row(b, s, s.counts[i]!)))
    if (s.undated.total > 0) rows.push(row(UNDATED, s, s.undated))
  }
  return { header, rows }
}
