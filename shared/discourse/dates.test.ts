import { describe, expect, it } from 'vitest'
import { bucketOf, bucketsBetween, dateProperty, documentDate, isoDate, isoWeek } from './dates'

describe('document dates', () => {
  it('reads yyyy-mm-dd and the date part of a timestamp', () => {
    expect(isoDate('2023-10-07')).toBe('2023-10-07')
    expect(isoDate(' 2023-10-07 ')).toBe('2023-10-07')
    expect(isoDate('2023-10-07T23:30:00-05:00')).toBe('2023-10-07')
    expect(isoDate('2024-02-29')).toBe('2024-02-29')
  })

  it('refuses what is not a calendar date', () => {
    for (const v of [undefined, '', '07.10.2023', 'October 2023', '2023-10', '2023-02-29', '2023-13-01', '2023-10-07x', '20231007']) {
      expect(isoDate(v)).toBeNull()
    }
  })
})

describe('ISO weeks', () => {
  it('numbers weeks from the one holding the first Thursday, across year ends', () => {
    expect(isoWeek('2023-10-07')).toBe('2023-W40')
    expect(isoWeek('2023-10-09')).toBe('2023-W41')
    expect(isoWeek('2021-01-01')).toBe('2020-W53')
    expect(isoWeek('2021-01-04')).toBe('2021-W01')
    expect(isoWeek('2019-12-30')).toBe('2020-W01')
    expect(isoWeek('2026-12-31')).toBe('2026-W53')
  })
})

describe('buckets', () => {
  it('puts a date in its week, month or year', () => {
    expect(bucketOf('2023-10-07', 'week')).toBe('2023-W40')
    expect(bucketOf('2023-10-07', 'month')).toBe('2023-10')
    expect(bucketOf('2023-10-07', 'year')).toBe('2023')
  })

  it('lists every bucket between two dates, empty ones included', () => {
    expect(bucketsBetween('2023-11-20', '2024-02-01', 'month')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(bucketsBetween('2020-12-25', '2021-01-12', 'week')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02'])
    expect(bucketsBetween('2021-06-01', '2023-01-01', 'year')).toEqual(['2021', '2022', '2023'])
    expect(bucketsBetween('2023-10-09', '2023-10-15', 'week')).toEqual(['2023-W41'])
    expect(bucketsBetween('2024-01-01', '2023-01-01', 'year')).toEqual([])
  })
})

describe("a document's date property", () => {
  it('is "date" in any case, as a CSV corpus header gives it, "date" itself first', () => {
    expect(documentDate({ Date: '2023-10-07', outlet: 'x' })).toBe('2023-10-07')
    expect(documentDate({ DATE: ' 2023-10-07T08:00:00Z ' })).toBe('2023-10-07')
    expect(documentDate({ Date: '2020-01-01', date: '2023-10-07' })).toBe('2023-10-07')
    expect(documentDate({ Date: '12/10/2023' })).toBeNull()
    expect(documentDate({ published: '2023-10-07' })).toBeNull()
    expect(dateProperty({ Date: '2023-10-07' })).toBe('Date')
  })
})
