import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import type { AnnotationOp } from '../model/annotation'
import { TextIndex } from '../offsets'
import { annotation, marked, storingContext } from '../testing/builders'
import { applyOps, appliedArrays, layerState, type LayerState } from './apply'
import { draftOf } from './stored-form'

/** A layer over a marked text with one claim and one source, the claim attributed to the source. */
function layer() {
  const { text, spans } = marked('[Die Verhandlungen sind gescheitert 👎], sagte [der Sprecher 🇩🇪] am Montag.')
  const index = new TextIndex(text)
  const claim = annotation(index, 'claim', spans[0]!.start, spans[0]!.end)
  const source = annotation(index, 'source', spans[1]!.start, spans[1]!.end, { attributes: { kind: 'person' } })
  const link = {
    id: 'l1',
    type: 'attribution' as string,
    from: claim.id,
    to: source.id,
    author: 'tester',
    created: '2026-01-01T00:00:00.000Z',
  }
  let state: LayerState = layerState([claim, source], [link])
  let arrays = { annotations: [claim, source], links: [link] }
  const ctx = storingContext(text)
  /** Apply ops as host and UI do: the new arrays become the layer. */
  const run = (ops: AnnotationOp[]) => {
    const out = applyOps(state, ops, ctx)
    arrays = appliedArrays(arrays, out)
    state = layerState(arrays.annotations, arrays.links)
    return out
  }
  return { text, ctx, claim, source, link, run, state: () => state, arrays: () => arrays }
}

describe('applying ops, and their inverse', () => {
  it('a change made from an older copy keeps what changed meanwhile, and its undo takes back only its own field', () => {
    const l = layer()
    const seen = draftOf(l.source)
    // Another window renamed the source's kind meanwhile…
    l.run([{ op: 'put', annotation: { ...seen, attributes: { kind: 'organization' } } }])
    // …and this one, from its older copy, writes a note.
    const noted = l.run([{ op: 'put', annotation: { ...seen, note: 'the ministry’s spokesman' }, base: seen }])
    expect(l.state().annotations.get(l.source.id)).toMatchObject({ note: 'the ministry’s spokesman', attributes: { kind: 'organization' } })
    // The other window changes the kind again; undoing the note leaves its kind alone.
    l.run([{ op: 'put', annotation: { ...draftOf(l.state().annotations.get(l.source.id)!), attributes: { kind: 'government' } } }])
    l.run(noted.inverse)
    expect(l.state().annotations.get(l.source.id)).toMatchObject({ note: '', attributes: { kind: 'government' } })
  })

  it('an edit of an annotation deleted elsewhere meanwhile brings it back, and says which', () => {
    const l = layer()
    const seen = draftOf(l.source)
    // Another window deletes the source…
    l.run([{ op: 'delete', id: l.source.id }])
    // …while this one, which still has it, writes a note: nothing typed is lost, and it is said.
    const noted = l.run([{ op: 'put', annotation: { ...seen, note: 'the spokesman' }, base: seen }])
    expect(noted.restored).toEqual([l.source.id])
    expect(l.state().annotations.get(l.source.id)).toMatchObject({ note: 'the spokesman' })
    // A plain put (a new annotation, or undoing one's own deletion) restores nothing from elsewhere.
    expect(l.run([{ op: 'put', annotation: { ...seen, id: 'n2' } }]).restored).toBeUndefined()
    expect(l.run([{ op: 'put', annotation: { ...draftOf(l.source), note: 'again' }, base: seen }]).restored).toBeUndefined()
  })

  it('a new annotation gets its quote at once, and undo deletes it', () => {
    const l = layer()
    const out = l.run([{ op: 'put', annotation: { id: 'n1', label: 'stance', start: 0, end: 18, attributes: { polarity: '' }, note: '' } }])
    expect(out.put[0]!.target.quote.exact).toBe('Die Verhandlungen ')
    expect(out.put[0]!.attributes).toEqual({})
    expect(out.inverse).toEqual([{ op: 'delete', id: 'n1' }])
    l.run(out.inverse)
    expect(l.state().annotations.has('n1')).toBe(false)
  })

  it('undoing the deletion of a source brings it back with its id, created time and the claim link', () => {
    const l = layer()
    const out = l.run([
      { op: 'unlink', id: 'l1' },
      { op: 'delete', id: l.source.id },
    ])
    expect(l.state().links.size).toBe(0)
    expect(out.removed).toEqual([l.source.id])
    l.run(out.inverse)
    expect(l.state().annotations.get(l.source.id)).toMatchObject({ created: l.source.created, attributes: { kind: 'person' } })
    expect([...l.state().links.values()]).toEqual([
      expect.objectContaining({ id: 'l1', from: l.claim.id, to: l.source.id, created: l.link.created }),
    ])
  })

  it('a deletion without an explicit unlink still drops and restores the link', () => {
    const l = layer()
    const out = l.run([{ op: 'delete', id: l.source.id }])
    expect(l.state().links.size).toBe(0)
    expect(out.inverse.map((o) => o.op)).toEqual(['put', 'link'])
  })

  it('relabelling a claim as a source drops its attribution, and undo restores both', () => {
    const l = layer()
    const out = l.run([{ op: 'put', annotation: { ...draftOf(l.claim), label: 'source' } }])
    expect(l.state().links.size).toBe(0)
    l.run(out.inverse)
    expect(l.state().annotations.get(l.claim.id)!.label).toBe('claim')
    expect(l.state().links.get('l1')).toBeDefined()
  })

  it('keeps changed annotations in place and appends new ones, so the stored file changes only where it must', () => {
    const l = layer()
    l.run([
      { op: 'put', annotation: { id: 'n1', label: 'claim', start: 0, end: 3, attributes: {}, note: '' } },
      { op: 'put', annotation: { ...draftOf(l.claim), note: 'changed' } },
    ])
    expect(l.arrays().annotations.map((a) => a.id)).toEqual([l.claim.id, l.source.id, 'n1'])
    expect(l.arrays().annotations[0]).toMatchObject({ note: 'changed', created: l.claim.created, modified: l.ctx.now })
  })

  it('refuses a whole batch whose link does not fit its labels, or whose end is gone, changing nothing', () => {
    const l = layer()
    const before = l.state()
    const bad: AnnotationOp[] = [
      { op: 'put', annotation: { id: 'n1', label: 'claim', start: 0, end: 3, attributes: {}, note: '' } },
      { op: 'link', link: { id: 'l2', from: l.source.id, to: 'n1' } },
    ]
    expect(() => l.run(bad)).toThrow(new DomainError('invalid', 'A source cannot be attributed to anything.'))
    expect(() => l.run([{ op: 'link', link: { id: 'l2', from: l.claim.id, to: l.claim.id } }])).toThrow(
      'A claim cannot be attributed to a claim; pick a source.',
    )
    expect(() => l.run([{ op: 'link', link: { id: 'l2', from: l.claim.id, to: 'gone' } }])).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    )
    expect(l.state()).toBe(before)
  })

  it('refuses unknown labels, unknown attributes, options that are not offered and spans past the text', () => {
    const l = layer()
    const put = (draft: Record<string, unknown>) =>
      l.run([{ op: 'put', annotation: { id: 'n1', label: 'claim', start: 0, end: 3, attributes: {}, note: '', ...draft } as never }])
    expect(() => put({ label: 'rumour' })).toThrow('There is no label "rumour" in this project.')
    expect(() => put({ label: 'claim', attributes: { polarity: 'favor' } })).toThrow('A Claim has no attribute "polarity".')
    expect(() => put({ label: 'stance', attributes: { polarity: 'maybe' } })).toThrow(
      '"maybe" is not a Polarity option (favor, against, neutral).',
    )
    expect(() => put({ start: 40, end: 400 })).toThrow(/runs past the end of the text \(\d+ characters\)/)
    expect(() => put({ start: 3, end: 3 })).toThrow('An annotation must cover at least one character.')
  })
})

describe('decisions on suggestions', () => {
  it('a rejection is remembered, undone by forgetting it, and redone by the inverse of that', () => {
    const { ctx } = layer()
    const empty = layerState([], [], [])
    const span = { label: 'claim', start: 0, end: 5 }
    const rejected = applyOps(empty, [{ op: 'decide', suggestion: { ...span, decision: 'rejected' } }], ctx)
    expect(rejected.suggestions).toEqual([{ ...span, decision: 'rejected', at: ctx.now }])
    expect(rejected.inverse).toEqual([{ op: 'undecide', suggestion: span }])
    const undone = applyOps(layerState([], [], rejected.suggestions), rejected.inverse, ctx)
    expect(undone.suggestions).toEqual([])
    expect(undone.inverse).toEqual([{ op: 'decide', suggestion: { ...span, decision: 'rejected', at: ctx.now } }])
    expect(applyOps(empty, [{ op: 'put', annotation: { id: 'x', ...span, attributes: {}, note: '' } }], ctx).suggestions).toBeUndefined()
  })
})
