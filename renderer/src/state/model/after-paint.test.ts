import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterPaint, FALLBACK_MS } from './after-paint'

describe('afterPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('runs the work in a task after the next frame, once', () => {
    vi.useFakeTimers()
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f))
    const ran: string[] = []
    afterPaint(() => ran.push('work'))
    vi.advanceTimersByTime(10)
    expect(ran).toEqual([])
    frames[0]!(0)
    // Not in the frame's callback itself: in a task after the frame's rendering.
    expect(ran).toEqual([])
    vi.advanceTimersByTime(0)
    expect(ran).toEqual(['work'])
    vi.advanceTimersByTime(FALLBACK_MS * 2)
    expect(ran).toEqual(['work'])
  })

  it('runs it anyway when no frame comes though the window does not say it is hidden (minimised)', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const ran: string[] = []
    afterPaint(() => ran.push('work'))
    vi.advanceTimersByTime(FALLBACK_MS - 1)
    expect(ran).toEqual([])
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['work'])
  })

  it('runs it in a task of its own, without waiting for a frame, in a hidden window', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 0)
    vi.stubGlobal('document', { visibilityState: 'hidden' })
    const ran: string[] = []
    afterPaint(() => ran.push('work'))
    expect(ran).toEqual([])
    vi.advanceTimersByTime(0)
    expect(ran).toEqual(['work'])
  })
})
