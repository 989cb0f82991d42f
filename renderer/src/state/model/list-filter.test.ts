import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../../shared/offsets'
import { annotation, marked } from '../../testing/builders'
import { ALL_ANNOTATIONS, filterAnnotations } from './list-filter'

describe('the annotation list’s filter', () => {
  const { text, spans } = marked('[Peskóv] said [the talks failed]; [Lavrov] denied [it].')
  const index = new TextIndex(text)
  const order = [
    annotation(index, 'source', spans[0]!.start, spans[0]!.end, { id: 's1', attributes: { kind: 'government' } }),
    annotation(index, 'claim', spans[1]!.start, spans[1]!.end, { id: 'c1', note: 'Über die Gespräche' }),
    annotation(index, 'source', spans[2]!.start, spans[2]!.end, { id: 's2', attributes: { kind: 'person' } }),
    annotation(index, 'stance', spans[3]!.start, spans[3]!.end, { id: 't1', attributes: { polarity: 'against' } }),
  ]
  const ids = (f: Partial<typeof ALL_ANNOTATIONS>) => filterAnnotations(order, { ...ALL_ANNOTATIONS, ...f }).map((a) => a.id)

  it('keeps everything by default, the same array', () => {
    expect(filterAnnotations(order, ALL_ANNOTATIONS)).toBe(order)
  })

  it('narrows by label, attribute value and words in the text or note, ignoring case and diacritics', () => {
    expect(ids({ label: 'source' })).toEqual(['s1', 's2'])
    expect(ids({ label: 'source', attribute: 'kind=person' })).toEqual(['s2'])
    expect(ids({ attribute: 'polarity=against' })).toEqual(['t1'])
    expect(ids({ text: 'PESKOV' })).toEqual(['s1'])
    expect(ids({ text: 'uber' })).toEqual(['c1'])
  })
})
