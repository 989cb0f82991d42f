import { describe, expect, it } from 'vitest'
import { sentReview } from '../../../../shared/review/sent-form'
import type { ReviewView, ReviewedState } from '../../../../shared/api'
import { TextIndex } from '../../../../shared/offsets'
import { reviewUnits, type ReviewLayer } from '../../../../shared/review/units'
import { annotation, marked } from '../../testing/builders'
import {
  decisionOf,
  filterUnits,
  kindName,
  nextOpen,
  nothingToReview,
  openCounts,
  reviewModel,
  reviewedSourceMissing,
  settledBefore,
  withReviewed,
} from './review-model'

/** Maria and Jonas on one text: [0] agreed, [1] label differs, [2] only Maria, [3] boundaries differ. */
function review(decidedUnits: number[] = []) {
  const { text, spans } = marked('[Kyiv] said [talks failed], [Moscow 🇷🇺 denied] it, [the war goes on] today.')
  const index = new TextIndex(text)
  const [a, b, c, d] = spans
  const maria = [
    annotation(index, 'source', a!.start, a!.end),
    annotation(index, 'claim', b!.start, b!.end),
    annotation(index, 'claim', c!.start, c!.end),
    annotation(index, 'claim', d!.start, d!.end),
  ]
  const jonas = [
    annotation(index, 'source', a!.start, a!.end),
    annotation(index, 'stance', b!.start, b!.end),
    annotation(index, 'claim', d!.start + 4, d!.end),
  ]
  const layers: ReviewLayer[] = [
    { annotator: 'maria', annotations: maria, links: [] },
    { annotator: 'jonas', annotations: jonas, links: [] },
  ]
  const units = reviewUnits(layers)
  const decided = decidedUnits.map((i) => units[i]!.key)
  const reviewed: ReviewedState = {
    annotations: [],
    links: [],
    decisions: decided.map((unit) => ({
      unit,
      action: 'rejected',
      annotation: null,
      members: [],
      decidedBy: 'rita',
      decided: '2026-01-01T00:00:00.000Z',
    })),
    settled: decided.length,
    total: units.length,
  }
  const document = {
    id: 'doc',
    title: 'Doc',
    length: index.length,
    importedFrom: 'doc.txt',
    encoding: 'utf-8',
    properties: {},
    annotationCount: 0,
    state: 'not-started' as const,
    damaged: false,
  }
  // As review.open sends it: the model puts the annotations back.
  const view: ReviewView = { document, text, sha256: '0'.repeat(64), reviewer: 'rita', ...sentReview(index, layers, units), reviewed }
  const model = reviewModel(view, ['maria', 'jonas'])
  expect(model.units).toEqual(units)
  expect(model.layers).toEqual(layers)
  // Without the text, which the page holds already: the same model over the page's own text.
  const { text: _sent, ...withoutText } = view
  const held = reviewModel(withoutText, ['maria', 'jonas'], { index, sha256: view.sha256 })
  expect(held.index).toBe(index)
  expect(held.units).toEqual(units)
  expect(() => reviewModel(withoutText, ['maria', 'jonas'], { index, sha256: '1'.repeat(64) })).toThrow(/sent no text/)
  return { model, units }
}

describe('review model', () => {
  it('names each kind of unit, and who marked what only some marked', () => {
    const { units } = review()
    expect(units.map(kindName)).toEqual(['Agreed', 'Label differs', 'Only maria', 'Boundaries differ'])
  })

  it('steps through unsettled disagreements in text order, round the end, skipping agreed and settled ones', () => {
    const { model, units } = review()
    const [agreed, label, only, bounds] = units.map((u) => u.key)
    expect(nextOpen(model, null, 1)).toBe(label)
    expect(nextOpen(model, label!, 1)).toBe(only)
    expect(nextOpen(model, bounds!, 1)).toBe(label)
    expect(nextOpen(model, label!, -1)).toBe(bounds)
    expect(nextOpen(model, agreed!, 1, new Set([label!]))).toBe(only)
    const decisions = [label!, only!, bounds!].map((unit) => ({ ...review([0]).model.reviewed.decisions[0]!, unit }))
    const settled = withReviewed(model, { ...model.reviewed, decisions })
    expect(nextOpen(settled, null, 1)).toBeNull()
    expect(openCounts(settled)).toEqual({ disagreements: 0, agreed: 1 })
  })

  it('filters the list: agreed units only when asked, settled ones can be hidden', () => {
    const { model } = review([1])
    const keys = (f: Parameters<typeof filterUnits>[1]) => filterUnits(model, f).map((u) => kindName(u))
    expect(keys({ kind: 'all', showAgreed: false, showSettled: true })).toEqual(['Label differs', 'Only maria', 'Boundaries differ'])
    expect(keys({ kind: 'all', showAgreed: true, showSettled: false })).toEqual(['Agreed', 'Only maria', 'Boundaries differ'])
    expect(keys({ kind: 'boundaries-differ', showAgreed: false, showSettled: true })).toEqual(['Boundaries differ'])
  })

  it('ignores decisions on units that no longer exist (their members changed)', () => {
    const { model } = review([1])
    const gone = withReviewed(model, {
      ...model.reviewed,
      decisions: model.reviewed.decisions.map((d) => ({ ...d, unit: 'maria:gone|jonas:gone' })),
    })
    expect(gone.decisions.size).toBe(0)
    expect(model.decisions.size).toBe(1)
  })

  it('tells when an accepted version’s source is not linked in the reviewed layer', () => {
    const { model, units } = review()
    const claim = units[1]!.key
    const decision = {
      unit: claim,
      action: 'accepted' as const,
      annotation: 'r1',
      members: [],
      decidedBy: 'rita',
      decided: '2026-01-01T00:00:00.000Z',
    }
    const link = { id: 'l1', type: 'attribution', from: 'r1', to: 'r0', author: 'rita', created: '2026-01-01T00:00:00.000Z' }
    const without = withReviewed(model, { ...model.reviewed, decisions: [decision] })
    expect(reviewedSourceMissing(without, claim)).toBe(true)
    expect(reviewedSourceMissing(withReviewed(model, { ...model.reviewed, decisions: [decision], links: [link] }), claim)).toBe(false)
    // Rejected, or not settled: nothing to say.
    expect(reviewedSourceMissing(without, units[2]!.key)).toBe(false)
  })
})

describe('settledBefore', () => {
  it('tells an open unit settled before, under its own key or, grouped otherwise since, on one of its annotations', () => {
    const { model, units } = review()
    const [agreed, labelDiffers] = [units[0]!, units[1]!]
    const decided = (unit: string, members: { annotator: string; id: string }[]) =>
      withReviewed(model, {
        ...model.reviewed,
        decisions: [{ unit, action: 'rejected', annotation: null, members, decidedBy: 'rita', decided: '2026-01-01T00:00:00.000Z' }],
      })
    expect(settledBefore(model, agreed)).toBe(false)
    expect(settledBefore(decided(agreed.key, []), agreed)).toBe(true)
    // A decision under another key (the units were grouped otherwise) that holds one of its annotations.
    const maria = labelDiffers.members.find((m) => m.annotator === 'maria')!
    const other = decided('maria:x|jonas:y', [{ annotator: 'maria', id: maria.annotation.id }])
    expect(settledBefore(other, labelDiffers)).toBe(true)
    expect(settledBefore(other, agreed)).toBe(false)
  })
})

describe('decisionOf (what undo and redo send back)', () => {
  it('brings back an edited version with the source the reviewer picked, or none, while that source is in the reviewed layer', () => {
    const { model, units } = review()
    const claim = units[1]!.key
    const edited = (source: string | null | undefined, id = 'r1') => {
      const base = model.layers[0]!.annotations[1]!
      const provenance = {
        action: 'edited' as const,
        chosen: null,
        sources: [],
        decidedBy: 'rita',
        decided: '2026-01-01T00:00:00.000Z',
        ...(source === undefined ? {} : { source }),
      }
      return { ...base, id, provenance }
    }
    const source = { ...edited(undefined, 'r0'), label: 'source' }
    const decision = {
      unit: claim,
      action: 'edited' as const,
      annotation: 'r1',
      members: [],
      decidedBy: 'rita',
      decided: '2026-01-01T00:00:00.000Z',
    }
    const at = (a: ReturnType<typeof edited>, also: (typeof source)[] = []) =>
      decisionOf(withReviewed(model, { ...model.reviewed, annotations: [a, ...also], decisions: [decision] }), claim)
    const annotationOf = (d: ReturnType<typeof decisionOf>) => (d.action === 'edit' ? d.annotation : null)
    expect(annotationOf(at(edited('r0'), [source]))?.source).toBe('r0')
    expect(annotationOf(at(edited(null)))?.source).toBeNull()
    // Not picked, or picked and since gone: as the annotators linked it.
    expect(annotationOf(at(edited(undefined)))).not.toHaveProperty('source')
    expect(annotationOf(at(edited('r0')))).not.toHaveProperty('source')
  })
})

describe('nothingToReview', () => {
  it('names the compared annotators, not everyone', () => {
    expect(nothingToReview(['jonas', 'maria'])).toBe(
      'Neither jonas nor maria has annotated this document yet: nothing to compare. Annotators… chooses whom to compare.',
    )
    expect(nothingToReview(['jonas', 'maria', 'kim'])).toMatch(/^None of jonas, maria and kim has annotated this document yet/)
    expect(nothingToReview(['jonas'])).toMatch(/^jonas has not annotated this document yet/)
  })
})
