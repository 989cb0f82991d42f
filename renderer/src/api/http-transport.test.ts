import { describe, expect, it } from 'vitest'
import { UNREACHABLE, httpTransport } from './http-transport'
import { lookupToken } from './token'

/** A fake fetch that records the request and answers with `reply`. */
function fakeFetch(reply: () => Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = []
  const impl = ((url: string, init: RequestInit) => {
    calls.push({ url, init })
    return reply()
  }) as unknown as typeof fetch
  return { impl, calls }
}

describe('httpTransport', () => {
  it('posts the arguments as JSON to /api/<method> with the launch token', async () => {
    const { impl, calls } = fakeFetch(async () => new Response(JSON.stringify({ ok: true, value: { id: 'doc-1' } })))
    const result = await httpTransport('tok-😀-ish', impl)('documents.open', { id: 'doc-1' })
    expect(result).toEqual({ ok: true, value: { id: 'doc-1' } })
    expect(calls[0]!.url).toBe('/api/documents.open')
    expect(calls[0]!.init.method).toBe('POST')
    expect(calls[0]!.init.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Marginalia-Token': 'tok-😀-ish' })
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ id: 'doc-1' })
  })

  it('passes on the sentence of a refused request (401) as it is', async () => {
    const body = {
      ok: false,
      error: { code: 'invalid', message: 'This request lacks the launch token; open the address Marginalia printed.' },
    }
    const { impl } = fakeFetch(async () => new Response(JSON.stringify(body), { status: 401 }))
    expect(await httpTransport('x', impl)('app.info', {})).toEqual(body)
  })

  it('turns a network failure into "not reachable"', async () => {
    const { impl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(await httpTransport('x', impl)('app.info', {})).toEqual({
      ok: false,
      error: { code: 'unavailable', retry: 'never', message: UNREACHABLE },
    })
  })

  it('explains an answer that is not a Result (a proxy error page, say)', async () => {
    const { impl } = fakeFetch(async () => new Response('<html>Bad gateway</html>', { status: 502 }))
    const result = await httpTransport('x', impl)('app.info', {})
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/HTTP 502.*reload the page/)
  })
})

describe('lookupToken', () => {
  it('takes the token from the address and gives the address without it', () => {
    expect(lookupToken('http://127.0.0.1:4555/?token=abc_DEF-1#doc', null)).toEqual({ token: 'abc_DEF-1', cleanUrl: '/#doc' })
    expect(lookupToken('http://127.0.0.1:4555/?a=1&token=t', null)).toEqual({ token: 't', cleanUrl: '/?a=1' })
  })

  it('falls back to the token kept for this tab after a reload', () => {
    expect(lookupToken('http://127.0.0.1:4555/', 'kept')).toEqual({ token: 'kept', cleanUrl: null })
    expect(lookupToken('http://127.0.0.1:4555/', null)).toEqual({ token: null, cleanUrl: null })
  })
})
