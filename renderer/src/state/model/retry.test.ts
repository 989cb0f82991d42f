import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../../shared/api'
import { RETRY_ATTEMPTS, isConflict, retryDelay, withRetries } from './retry'

const busy = new ApiError({
  code: 'conflict',
  retry: 'soon',
  message: 'd1.json is being saved by process 12 on host; your change was not saved, so try again in a moment.',
})
const newer = new ApiError({
  code: 'conflict',
  retry: 'never',
  message: 'd1.json was written by a newer Marginalia (format version 2); update Marginalia to open it.',
})

describe('retrying a refused call', () => {
  it('retries by itself only when the host says it may succeed soon, whatever the sentence', () => {
    expect(retryDelay(busy)).toBe(2500)
    expect(retryDelay(newer)).toBeNull()
    expect(retryDelay(new ApiError({ code: 'failed', retry: 'never', message: 'try again in a moment' }))).toBeNull()
    expect(retryDelay(new ApiError({ code: 'conflict', retry: 'soon', message: 'Le fichier est occupé.' }))).toBe(2500)
    expect(retryDelay(new Error('try again in a moment'))).toBeNull()
    expect(isConflict(newer)).toBe(true)
  })

  it('sends a call again while the host says soon, a few times, then gives the last error', async () => {
    const paused: number[] = []
    const pause = async (ms: number) => void paused.push(ms)
    let calls = 0
    const flaky = () => (++calls < 3 ? Promise.reject(busy) : Promise.resolve('saved'))
    const heard: unknown[] = []
    await expect(withRetries(flaky, (e) => heard.push(e), pause)).resolves.toBe('saved')
    expect([calls, paused, heard.length]).toEqual([3, [2500, 2500], 2])
    calls = 0
    await expect(withRetries(() => (calls++, Promise.reject(busy)), undefined, pause)).rejects.toBe(busy)
    expect(calls).toBe(RETRY_ATTEMPTS + 1)
    calls = 0
    await expect(withRetries(() => (calls++, Promise.reject(newer)), undefined, pause)).rejects.toBe(newer)
    expect(calls).toBe(1)
  })
})
