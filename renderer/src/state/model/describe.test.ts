import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../../shared/model/annotation'
import { annotatorWork, sourceOptions, textDirection } from './describe'

describe('describe', () => {
  it('finds the direction from the first strong letter, as dir="auto" does', () => {
    expect(textDirection('„Nein.“ sagte sie')).toBe('ltr')
    expect(textDirection('«שלום» said Dana')).toBe('rtl')
    expect(textDirection('2026: قال المتحدث')).toBe('rtl')
    expect(textDirection('😀 123 …')).toBe('ltr')
  })

  it('tells apart sources that would read the same by the words around each', () => {
    const source = (id: string, prefix: string, exact: string, suffix: string, name?: string) =>
      ({ id, target: { quote: { prefix, exact, suffix } }, attributes: name ? { name } : {} }) as unknown as Annotation
    const options = sourceOptions([
      source('a', 'said Russian President Vladimir ', 'Putin', ' on Tuesday, adding', 'Vladimir Putin'),
      source('b', 'the Kremlin. ', 'Putin', ' has not spoken since', 'Vladimir Putin'),
      source('c', 'spokesman ', 'Dmitry Peskov', ' said'),
    ])
    expect(options.get('a')).toBe('Vladimir Putin — Putin · …Russian President Vladimir Putin on Tuesday, adding…')
    expect(options.get('b')).toBe('Vladimir Putin — Putin · …the Kremlin. Putin has not spoken…')
    expect(options.get('c')).toBe('Dmitry Peskov')
  })
})

describe('what an annotator has done, for the review picker', () => {
  it('counts the documents with annotations apart from those marked nothing to tag', () => {
    expect(annotatorWork({ documents: 2, annotations: 4, nothingToTag: 1 })).toBe('4 annotations in 1 document; nothing to tag in 1')
    expect(annotatorWork({ documents: 3, annotations: 90, nothingToTag: 0 })).toBe('90 annotations in 3 documents')
    expect(annotatorWork({ documents: 2, annotations: 0, nothingToTag: 2 })).toBe('Nothing to tag in 2 documents')
  })
})
