/** suggestions.document through the contract, on a copy of the attribution corpus on disk. */
import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocumentSuggestions, OpenedDocument, ProjectSummary } from '../../../shared/api'
import type { AnnotationOp } from '../../../shared/model/annotation'
import { FIXTURES, contractHost } from '../testing'

const DOC = 'central-bank-holds-rates-signals-cuts-later-this-fada2736'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function host() {
  const { call, dir: root, cleanup } = await contractHost()
  cleanups.push(cleanup)
  const dir = join(root, 'project')
  await cp(join(FIXTURES, 'attribution-test'), dir, { recursive: true })
  await call('settings.setAnnotator', { name: 'rita' })
  await call('project.open', { path: dir })
  const store = async () => JSON.parse(await readFile(join(dir, 'annotations/rita', `${DOC}.json`), 'utf8'))
  return { call, dir, store }
}

describe('suggestions.document', () => {
  it('proposes claims and sources whose text is the code point slice of the stored text, with their links', async () => {
    const { call, dir } = await host()
    const s = await call<DocumentSuggestions>('suggestions.document', { document: DOC })
    const text = Array.from(await readFile(join(dir, 'texts', `${DOC}.txt`), 'utf8'))
    expect(s.notice).toBeNull()
    expect(s.spans.filter((x) => x.label === 'claim').length).toBeGreaterThan(3)
    expect(s.spans.filter((x) => x.label === 'source').length).toBeGreaterThan(2)
    for (const x of s.spans) expect(text.slice(x.start, x.end).join('')).toBe(x.text) // code points, as Python's text[start:end]
    const at = new Set(s.spans.map((x) => `${x.start}-${x.end}`))
    for (const l of s.links) expect(at.has(`${l.from.start}-${l.from.end}`) && at.has(`${l.to.start}-${l.to.end}`)).toBe(true)
    expect(s.spans.some((x) => x.label === 'source' && x.attributes.kind)).toBe(true)
  })

  it('leaves out what the annotator rejected (remembered in their store) and what their layer already has', async () => {
    const { call, store } = await host()
    const before = await call<DocumentSuggestions>('suggestions.document', { document: DOC })
    const [first, second] = before.spans
    const ops: AnnotationOp[] = [
      { op: 'decide', suggestion: { label: first!.label, start: first!.start, end: first!.end, decision: 'rejected' } },
      { op: 'put', annotation: { id: 'a1', label: second!.label, start: second!.start, end: second!.end, attributes: {}, note: '' } },
      {
        op: 'decide',
        suggestion: {
          label: second!.label,
          start: second!.start,
          end: second!.end,
          decision: 'accepted',
          annotation: 'a1',
          pattern: second!.pattern,
          confidence: second!.confidence,
        },
      },
    ]
    await call('annotations.apply', { document: DOC, ops })
    const after = await call<DocumentSuggestions>('suggestions.document', { document: DOC })
    expect(after.spans.map((x) => x.id)).toEqual(before.spans.slice(2).map((x) => x.id))
    expect(after.left).toEqual({ rejected: 1, existing: 1 })
    const file = await store()
    expect(file.version).toBe(2)
    expect(file.suggestions).toMatchObject([
      { label: first!.label, start: first!.start, end: first!.end, decision: 'rejected' },
      { label: second!.label, start: second!.start, end: second!.end, decision: 'accepted', annotation: 'a1', pattern: second!.pattern },
    ])
    const opened = await call<OpenedDocument>('documents.open', { id: DOC })
    expect(opened.suggestions).toHaveLength(2)
    // Forgetting the rejection (an undo) proposes it again.
    await call('annotations.apply', {
      document: DOC,
      ops: [{ op: 'undecide', suggestion: { label: first!.label, start: first!.start, end: first!.end } }],
    })
    expect((await call<DocumentSuggestions>('suggestions.document', { document: DOC })).spans[0]!.id).toBe(first!.id)
  })

  it('maps onto the project labels: with Source retired, claims only and no links', async () => {
    const { call } = await host()
    const { project } = await call<{ project: ProjectSummary }>('app.info', {})
    const retired = project.labels.map((l) => (l.id === 'source' ? { ...l, retired: true } : l))
    await call('tagset.save', { labels: retired, linkTypes: project.linkTypes, merges: [] })
    const claimsOnly = await call<DocumentSuggestions>('suggestions.document', { document: DOC })
    expect(claimsOnly.spans.length).toBeGreaterThan(0)
    expect(claimsOnly.spans.every((x) => x.label === 'claim')).toBe(true)
    expect(claimsOnly.links).toEqual([])
  })

  it('refuses an unknown document and bad arguments', async () => {
    const { call } = await host()
    await expect(call('suggestions.document', { document: 'nope' })).rejects.toMatchObject({ code: 'not-found' })
    await expect(call('suggestions.document', { document: DOC, extra: 1 })).rejects.toMatchObject({ code: 'invalid' })
    await expect(
      call('annotations.apply', {
        document: DOC,
        ops: [{ op: 'decide', suggestion: { label: 'claim', start: 5, end: 5, decision: 'rejected' } }],
      }),
    ).rejects.toMatchObject({ code: 'invalid' })
  })
})
