import { describe, expect, it } from 'vitest'
import { xmlAttribute, xmlCharacters, xmlNumber, xmlText } from './xml'

describe('XML text', () => {
  it('escapes the special characters in text and in attributes', () => {
    expect(xmlText(`Tom & "Jerry" <b>'s ]]> end`)).toBe(`Tom &amp; "Jerry" &lt;b&gt;'s ]]&gt; end`)
    expect(xmlAttribute(`Tom & "Jerry" <b>'s`)).toBe('Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s')
  })

  it('keeps tabs and line breaks in attributes as references, so a parser does not turn them into spaces', () => {
    expect(xmlAttribute('a\tb\nc\r\nd')).toBe('a&#9;b&#10;c&#13;&#10;d')
    expect(xmlText('a\tb\nc\r\nd')).toBe('a\tb\nc&#13;\nd')
  })

  it('removes what XML 1.0 cannot hold: control characters, lone surrogates, U+FFFE and U+FFFF', () => {
    expect(xmlCharacters('a\u0000b\u0007c\u001bd\u000be\u000cf')).toBe('abcdef')
    expect(xmlCharacters('x\ud800y\udc00z\ufffe\uffff')).toBe('xyz')
  })

  it('keeps everything else: emoji, right-to-left text, combining marks, C1 controls', () => {
    const kept = 'חמאס حماس 🇮🇱😀 Zoe\u0301 \u0085\u009f'
    expect(xmlText(kept)).toBe(kept)
    expect(xmlAttribute(kept)).toBe(kept)
  })

  it('writes finite numbers only', () => {
    expect(xmlNumber(1)).toBe('1')
    expect(xmlNumber(0.25)).toBe('0.25')
    expect(Number(xmlNumber(1 / 3))).toBe(1 / 3)
    expect(() => xmlNumber(Number.NaN)).toThrow(RangeError)
  })
})
