import { describe, expect, it } from 'vitest'
import { ApiError, DomainError, contract, createClient, dispatch, pathProblem, type Handlers } from './api'

/** Handlers that record what reached them; every method answers its own name. */
function recording() {
  const reached: [string, unknown][] = []
  const handlers = Object.fromEntries(
    Object.keys(contract).map((name) => [
      name,
      async (args: unknown) => {
        reached.push([name, args])
        if (name === 'documents.rename') throw new DomainError('not-found', 'There is no such document.')
        if (name === 'documents.list') throw new Error('disk on fire')
        return name
      },
    ]),
  ) as unknown as Handlers
  return { handlers, reached }
}

describe('dispatch validates every call before it reaches a handler', () => {
  const bad: [string, unknown][] = [
    ['documents.open', { id: '../../etc/passwd' }],
    ['documents.open', { id: 'Has Spaces' }],
    ['documents.open', {}],
    ['documents.open', { id: 'ok', extra: 1 }],
    ['documents.open', 'not an object'],
    ['documents.import', { files: [] }],
    ['documents.import', { files: [{ name: 'a.txt', data: 'not base64!' }] }],
    [
      'annotations.apply',
      { document: 'd', ops: [{ op: 'put', annotation: { id: 'a', label: 'claim', start: 5, end: 5, attributes: {}, note: '' } }] },
    ],
    [
      'annotations.apply',
      { document: 'd', ops: [{ op: 'put', annotation: { id: 'a', label: 'claim', start: -1, end: 5, attributes: {}, note: '' } }] },
    ],
    [
      'annotations.apply',
      { document: 'd', ops: [{ op: 'put', annotation: { id: 'a', label: 'claim', start: 0.5, end: 5, attributes: {}, note: '' } }] },
    ],
    ['annotations.apply', { document: 'd', ops: [{ op: 'explode' }] }],
    ['annotations.apply', { document: 'd', ops: [{ op: 'delete', id: 'a/../b' }] }],
    ['settings.setAnnotator', { name: '../maria' }],
    ['settings.setAnnotator', { name: '_reviewed' }],
    ['settings.setAnnotator', { name: '' }],
    ['project.open', { path: 'a\0b' }],
    ['export.annotations', { format: 'csv', annotator: 'x', bom: 'yes' }],
  ]
  it.each(bad)('%s refuses %j', async (method, args) => {
    const { handlers, reached } = recording()
    const result = await dispatch(handlers, method, args)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid')
      expect(result.error.message).toMatch(/^Invalid arguments for /)
    }
    expect(reached).toEqual([])
  })

  it('refuses unknown and inherited method names', async () => {
    const { handlers } = recording()
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42]) {
      const result = await dispatch(handlers, name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } })
    }
  })

  it('passes valid, defaulted arguments through', async () => {
    const { handlers, reached } = recording()
    expect(await dispatch(handlers, 'export.annotations', { format: 'csv' })).toEqual({ ok: true, value: 'export.annotations' })
    expect(reached).toEqual([
      [
        'export.annotations',
        { format: 'csv', layer: 'all', annotator: null, bom: false, neutralizeFormulas: true, documents: null, base: null, table: 'spans' },
      ],
    ])
    expect(await dispatch(handlers, 'settings.setAnnotator', { name: 'Zoé Nguyễn' })).toMatchObject({ ok: true })
  })

  it('turns thrown errors into Results instead of throwing across the boundary', async () => {
    const { handlers } = recording()
    expect(await dispatch(handlers, 'documents.rename', { id: 'doc-1', title: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', retry: 'never', message: 'There is no such document.' },
    })
    expect(await dispatch(handlers, 'documents.list', {})).toEqual({
      ok: false,
      error: { code: 'failed', retry: 'never', message: 'Something went wrong: disk on fire' },
    })
  })

  it("carries a domain error's retry hint across the boundary, so the UI decides by it and never by the sentence", async () => {
    const { handlers } = recording()
    handlers['documents.list'] = async () => {
      throw new DomainError(
        'conflict',
        'project.json is being saved by process 12 on host; your change was not saved, so try again in a moment.',
        'soon',
      )
    }
    const result = await dispatch(handlers, 'documents.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', retry: 'soon' } })
    const thrown = await createClient(async () => result as never)
      .call('documents.list', {})
      .catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(ApiError)
    expect(thrown).toMatchObject({ code: 'conflict', retry: 'soon' })
  })
})

describe('a path typed by the user', () => {
  it('is refused before any call, in one sentence, unless it is absolute', () => {
    expect(pathProblem('/home/you/project')).toBeNull()
    expect(pathProblem('C:\\Users\\you\\project')).toBeNull()
    expect(pathProblem('relative/path.jsonl')).toBe(
      '“relative/path.jsonl” is not a path Marginalia can use: write an absolute path, such as /home/you/project or C:\\Users\\you\\project.',
    )
    expect(pathProblem('/a\0b')).toMatch(/is not a path Marginalia can use: write a path without NUL bytes\.$/)
  })
})
