import { describe, expect, it } from 'vitest'
import { NameRegistry, displayName, mostFrequent, nameKey } from './names'

describe('names', () => {
  it('folds case and white space into one key, keeping diacritics apart', () => {
    expect(nameKey('Israel')).toBe('israel')
    expect(nameKey(' israel ')).toBe('israel')
    expect(nameKey('ISRAEL\n')).toBe('israel')
    expect(nameKey('Benjamin\u00a0 \tNetanyahu')).toBe('benjamin netanyahu')
    expect(nameKey('Zoé')).not.toBe(nameKey('Zoe'))
    expect(nameKey('ΟΔΟΣ')).toBe(nameKey('οδος'))
    expect(nameKey('Straße')).toBe(nameKey('STRASSE'))
    expect(nameKey('   ')).toBe('')
  })

  it('drops invisible control characters without joining the words around them', () => {
    expect(displayName('Bell\u0007 and \u001b escape')).toBe('Bell and escape')
    expect(nameKey('Ha\u0000mas')).toBe(nameKey('Hamas'))
    expect(nameKey('\u0007')).toBe('')
  })

  it('treats a name written with a combining accent as the same as its precomposed form (NFC)', () => {
    expect(nameKey('Zoe\u0301')).toBe(nameKey('Zo\u00e9'))
    expect(displayName('Zoe\u0301')).toBe('Zo\u00e9')
  })

  it('labels a key by its most frequent spelling, ties to the first in code unit order', () => {
    expect(
      mostFrequent(
        new Map([
          ['israel', 2],
          ['Israel', 1],
        ]),
      ),
    ).toBe('israel')
    expect(
      mostFrequent(
        new Map([
          ['israel', 1],
          ['Israel', 1],
        ]),
      ),
    ).toBe('Israel')
  })

  it('counts spellings as they are added and returns null for an empty name', () => {
    const names = new NameRegistry()
    expect(names.add('Hamas')).toBe('hamas')
    expect(names.add(' hamas')).toBe('hamas')
    expect(names.add('HAMAS')).toBe('hamas')
    expect(names.add('hamas ')).toBe('hamas')
    expect(names.add(' ')).toBeNull()
    expect(names.label('hamas')).toBe('hamas')
    expect(names.keys()).toEqual(['hamas'])
    expect(names.keyOf('Iran')).toBe('iran')
    expect(names.keys()).toEqual(['hamas'])
  })
})
