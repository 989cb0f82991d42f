import { describe, expect, it } from 'vitest'
import { estimateHeight, fitEstimate, HeightMap } from './height-map'

const E = { lineHeight: 30, spacing: 5, charsPerLine: 50 }

describe('HeightMap', () => {
  it('estimates from length until measured, and sums heights as the gaps need them', () => {
    const lengths = [0, 50, 51, 200]
    const map = new HeightMap((i) => lengths[i]!, lengths.length, E)
    expect([0, 1, 2, 3].map((i) => map.height(i))).toEqual([35, 35, 65, 125])
    expect(map.total).toBe(260)
    expect(map.sum(1, 3)).toBe(100)
    map.set(2, 95)
    expect(map.isMeasured(2)).toBe(true)
    expect(map.total).toBe(290)
    expect(map.top(3)).toBe(165)
  })

  it('finds the paragraph at a scroll position', () => {
    const map = new HeightMap(() => 10, 100, E)
    expect(map.at(-50)).toBe(0)
    expect(map.at(0)).toBe(0)
    expect(map.at(34.9)).toBe(0)
    expect(map.at(35)).toBe(1)
    expect(map.at(1e9)).toBe(99)
  })

  it('keeps measured heights when the estimate is refitted, and forgets them when the width changes', () => {
    const map = new HeightMap(() => 100, 3, E)
    map.set(0, 200)
    map.reestimate({ ...E, charsPerLine: 100 })
    expect([map.height(0), map.height(1)]).toEqual([200, 35])
    map.forget()
    expect(map.height(0)).toBe(35)
  })

  it('fits characters per line to what was measured', () => {
    const fitted = fitEstimate(30, 5, [
      { chars: 150, height: 5 + 30 * 3 },
      { chars: 150, height: 5 + 30 * 3 },
    ])
    expect(fitted.charsPerLine).toBeCloseTo(60)
    expect(estimateHeight(0, fitted)).toBe(35)
  })
})
