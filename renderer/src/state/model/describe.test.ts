import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../../shared/model/annotation'
import { sourceOptions, textDirection } from './describe'

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
