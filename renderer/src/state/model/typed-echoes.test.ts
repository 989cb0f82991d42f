import { describe, expect, it } from 'vitest'
import { TypedEchoes } from './typed-echoes'

describe('TypedEchoes', () => {
  it('takes each keystroke coming back as an echo, at once or late and several at a time', () => {
    const e = new TypedEchoes('')
    e.typed('I')
    expect(e.isEcho('I')).toBe(true)
    e.typed('Is')
    e.typed('Isr')
    e.typed('Isra')
    // A late echo of an earlier keystroke: the field keeps what was typed since.
    expect(e.isEcho('Is')).toBe(true)
    expect(e.isEcho('Isra')).toBe(true)
  })

  it('an undo to a value typed earlier and already come back is not an echo', () => {
    const e = new TypedEchoes('')
    for (const v of ['I', 'Is', 'Israel']) {
      e.typed(v)
      expect(e.isEcho(v)).toBe(true)
    }
    e.typed('')
    expect(e.isEcho('')).toBe(true)
    e.typed('Iran')
    expect(e.isEcho('Iran')).toBe(true)
    expect(e.isEcho('Israel')).toBe(false)
    // Nothing typed before the undo is awaited any more.
    expect(e.isEcho('Iran')).toBe(false)
  })

  it('a stored value nobody typed here is not an echo, and ends the wait for the keystrokes before it', () => {
    const e = new TypedEchoes('a')
    e.typed('ab')
    e.typed('abc')
    expect(e.isEcho('from another window')).toBe(false)
    expect(e.isEcho('abc')).toBe(false)
  })

  it('typing the stored value again awaits nothing', () => {
    const e = new TypedEchoes('same')
    e.typed('same')
    expect(e.isEcho('other')).toBe(false)
  })
})
