import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../shared/offsets'
import type { ReviewedAnnotation } from '../../../shared/model/review'
import { annotation, marked } from '../testing/builders'
import { SpanIndex } from './highlights'
import { ParagraphIndex } from './paragraphs'
import { layerOfSpan } from '../state/model/review-layers'
import { reviewedChanges, reviewSpans, reviewedSpan } from './review-spans'
import { docFromText } from './schema'

function reviewed(index: TextIndex, label: string, start: number, end: number, modified = '2026-01-01T00:00:00.000Z'): ReviewedAnnotation {
  const a = annotation(index, label, start, end, { modified })
  return { ...a, provenance: { action: 'accepted', chosen: 'maria', sources: [], decidedBy: 'rita', decided: modified } }
}

describe('review spans', () => {
  it('draws every layer in its own lane and the reviewed layer apart, with ids that say whose they are', () => {
    const { text, spans } = marked('Die Ministerin 👩🏽‍⚕️ [sagte: [Gespräche] gescheitert]')
    const index = new TextIndex(text)
    const [outer, inner] = spans
    const layers = [
      { annotator: 'maria', annotations: [annotation(index, 'claim', outer!.start, outer!.end)], links: [] },
      { annotator: 'jonas', annotations: [annotation(index, 'stance', inner!.start, inner!.end)], links: [] },
    ]
    const all = reviewSpans(index, layers, [reviewed(index, 'claim', outer!.start, outer!.end)])
    expect(all.map((s) => s.classes)).toEqual([
      'mg-rv mg-rv-lane-0 mg-label-claim',
      'mg-rv mg-rv-lane-1 mg-label-stance',
      'mg-rv-reviewed mg-label-claim',
    ])
    expect(all.map((s) => layerOfSpan(s.id).layer)).toEqual(['maria', 'jonas', '_reviewed'])
    // The same machinery draws them: what lies under "Gespräche" is found again by position.
    const doc = docFromText(text)
    const under = new SpanIndex(new ParagraphIndex(index), all).between(index.cpToPm(inner!.start), index.cpToPm(inner!.start + 1))
    expect(under.map((s) => layerOfSpan(s.id).layer).sort()).toEqual(['_reviewed', 'jonas', 'maria'])
    expect(under.every((s) => doc.textBetween(s.from, s.to).includes('Gespräche'))).toBe(true)
  })

  it('draws annotations made alike by several annotators as one span with a bar in each lane', () => {
    const { text, spans } = marked('[Kyiv] said [talks failed]')
    const index = new TextIndex(text)
    const [a, b] = spans
    const layer = (annotator: string, label: string) => ({
      annotator,
      annotations: [annotation(index, 'source', a!.start, a!.end), annotation(index, label, b!.start, b!.end)],
      links: [],
    })
    const all = reviewSpans(index, [layer('maria', 'claim'), layer('jonas', 'stance'), layer('lena', 'claim')], [])
    expect(all.map((s) => `${index.slice(s.start, s.end)}: ${s.classes}`).sort()).toEqual([
      'Kyiv: mg-rv mg-rv-lane-0 mg-rv-lane-1 mg-rv-lane-2 mg-label-source',
      'talks failed: mg-rv mg-rv-lane-0 mg-rv-lane-2 mg-label-claim',
      'talks failed: mg-rv mg-rv-lane-1 mg-label-stance',
    ])
    expect(layerOfSpan(all[0]!.id).layer).toBe('maria')
  })

  it('redraws only reviewed annotations that came, changed or went', () => {
    const { text, spans } = marked('[one] [two] [three]')
    const index = new TextIndex(text)
    const [a, b, c] = spans.map((s) => reviewed(index, 'claim', s.start, s.end))
    const b2 = { ...b!, label: 'source', modified: '2026-02-02T00:00:00.000Z' }
    const { put, removed } = reviewedChanges(index, [a!, b!], [b2, c!])
    expect(put.map((s) => s.id)).toEqual([reviewedSpan(index, b2).id, reviewedSpan(index, c!).id])
    expect(removed).toEqual([reviewedSpan(index, a!).id])
  })
})
