import { describe, expect, it } from 'vitest'
import { foldToAscii } from './ascii'

describe('foldToAscii', () => {
  it('drops accents and spells the Latin letters that do not decompose', () => {
    expect(foldToAscii('Évidence')).toBe('Evidence')
    expect(foldToAscii('Grüße aus Köln')).toBe('Grusse aus Koln')
    expect(foldToAscii('Øresund, Łódź, Þórr, Æsir, œuvre, Đakovo')).toBe('Oresund, Lodz, THorr, AEsir, oeuvre, Dakovo')
    expect(foldToAscii('ﬁnal')).toBe('final')
  })
  it('leaves other scripts as they are', () => {
    expect(foldToAscii('Москва حماس 北京')).toBe('Москва حماس 北京'.normalize('NFKD'))
  })
})
