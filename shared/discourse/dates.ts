/**
 * Document dates for the analysis: a document's `date` property read as an ISO 8601 calendar date
 * (yyyy-mm-dd), and the week, month and year buckets stances are counted in over time. Weeks are
 * ISO weeks (Monday to Sunday; week 1 holds the year's first Thursday), so 2021-01-01 falls in
 * 2020-W53. All arithmetic is on UTC calendar days: no time zone can move a date.
 */

/** The bucket sizes of an over-time count. */
export type TimeUnit = 'week' | 'month' | 'year'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/
const DAY = 86_400_000

/**
 * A document date as yyyy-mm-dd, or null: the value must start with a real calendar date
 * (2023-10-07, or a timestamp such as 2023-10-07T08:00:00Z, whose date part is taken as written);
 * anything else (07.10.2023, October 2023, 2023-02-30) is not a date.
 */
export function isoDate(value: string | undefined): string | null {
  if (value === undefined) return null
  const m = ISO_DATE.exec(value.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return `${m[1]}-${m[2]}-${m[3]}`
}

/**
 * The name of a document's date property: the one named "date" in any case ("Date", as a CSV
 * corpus's column header often is), "date" itself first; undefined when there is none. The
 * Analysis, the document list and the Properties dialog all find the date here.
 */
export function dateProperty(properties: Readonly<Record<string, string>>): string | undefined {
  if (Object.hasOwn(properties, 'date')) return 'date'
  return Object.keys(properties).find((k) => k.trim().toLowerCase() === 'date')
}

/** A document's date as the Analysis reads it (yyyy-mm-dd), or null when it has none it can read. */
export function documentDate(properties: Readonly<Record<string, string>>): string | null {
  const key = dateProperty(properties)
  return key === undefined ? null : isoDate(properties[key])
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function utcDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** The ISO week of a yyyy-mm-dd date, as yyyy-Www (2023-W41); the year is the week's ISO year. */
export function isoWeek(date: string): string {
  const day = utcDay(date)
  const weekday = (new Date(day).getUTCDay() + 6) % 7
  const thursday = new Date(day + (3 - weekday) * DAY)
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY))
  return `${pad(year, 4)}-W${pad(week)}`
}

/** The bucket a yyyy-mm-dd date falls in: 2023-W41, 2023-10 or 2023. */
export function bucketOf(date: string, unit: TimeUnit): string {
  if (unit === 'week') return isoWeek(date)
  if (unit === 'month') return date.slice(0, 7)
  return date.slice(0, 4)
}

/** Every bucket from the one holding `first` to the one holding `last` (yyyy-mm-dd dates), in order, none skipped. */
export function bucketsBetween(first: string, last: string, unit: TimeUnit): string[] {
  if (first > last) return []
  const out: string[] = []
  const end = bucketOf(last, unit)
  if (unit === 'week') {
    const monday = utcDay(first) - ((new Date(utcDay(first)).getUTCDay() + 6) % 7) * DAY
    for (let d = monday; ; d += 7 * DAY) {
      const b = isoWeek(new Date(d).toISOString().slice(0, 10))
      out.push(b)
      if (b === end) return out
    }
  }
  let year = Number(first.slice(0, 4))
  let month = unit === 'month' ? Number(first.slice(5, 7)) : 1
  for (;;) {
    const b = unit === 'month' ? `${pad(year, 4)}-${pad(month)}` : pad(year, 4)
    out.push(b)
    if (b === end) return out
    if (unit === 'year' || month === 12) {
      year++
      month = 1
    } else month++
  }
}
