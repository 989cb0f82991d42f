import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../../shared/offsets'
import { annotation, marked } from '../../testing/builders'
import { AnnotationSet } from '../model/annotation-set'
import { layerDiff } from './layer-reload'

describe('layerDiff', () => {
  it('finds what a sync tool added, changed and removed, and leaves the rest alone', () => {
    const { text, spans } = marked('[Kyiv] said [talks failed] and [Moscow 🇷🇺] denied it')
    const index = new TextIndex(text)
    const [a, b, c] = spans.map((s) => annotation(index, 'claim', s.start, s.end))
    const layer = new AnnotationSet([a!, b!], [])
    const changed = { ...b!, attributes: { polarity: 'against' }, modified: '2026-03-03T00:00:00.000Z' }
    const { put, removed } = layerDiff(layer, [changed, c!])
    expect(put.map((x) => x.id).sort()).toEqual([b!.id, c!.id].sort())
    expect(removed).toEqual([a!.id])
    expect(layerDiff(layer, [a!, b!])).toEqual({ put: [], removed: [] })
  })
})
