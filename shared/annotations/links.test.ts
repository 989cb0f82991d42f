import { describe, expect, it } from 'vitest'
import { defaultTagSet } from '../model/labels'
import { attributionTarget, fittingLinks, linkFits, linkProblem } from './links'

describe('the link rule', () => {
  it('lets claims and stances be attributed to sources, and nothing else', () => {
    expect(attributionTarget(defaultTagSet.labels, 'claim')).toBe('source')
    expect(attributionTarget(defaultTagSet.labels, 'source')).toBeNull()
    expect(linkFits(defaultTagSet, 'attribution', 'stance', 'source')).toBe(true)
    expect(linkFits(defaultTagSet, 'attribution', 'claim', 'stance')).toBe(false)
    expect(linkFits(defaultTagSet, 'attribution', 'source', 'source')).toBe(false)
    expect(linkFits(defaultTagSet, 'attribution', 'rumour', 'source')).toBe(false)
  })

  it('says why a link does not fit, in the labels’ names', () => {
    expect(linkProblem(defaultTagSet, 'attribution', { label: 'claim' }, { label: 'source' })).toBeNull()
    expect(linkProblem(defaultTagSet, 'attribution', { label: 'stance' }, { label: 'claim' })).toBe(
      'A stance cannot be attributed to a claim; pick a source.',
    )
  })

  it('keeps the links whose ends still exist and still fit', () => {
    const link = (id: string, from: string, to: string) => ({
      id,
      type: 'attribution' as const,
      from,
      to,
      author: 'a',
      created: '2026-01-01T00:00:00.000Z',
    })
    const labels = new Map([
      ['c', 'claim'],
      ['s', 'source'],
      ['t', 'stance'],
    ])
    const kept = fittingLinks(defaultTagSet, [link('1', 'c', 's'), link('2', 't', 'c'), link('3', 'gone', 's')], (id) =>
      labels.has(id) ? { label: labels.get(id)! } : undefined,
    )
    expect(kept.map((l) => l.id)).toEqual(['1'])
  })
})
