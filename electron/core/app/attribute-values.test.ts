/**
 * The completion values the host offers for text attributes (a stance's target): the values
 * annotations hold now, so a value typed on the way and saved at a pause ("Isr" before "Israel")
 * is not offered ever after.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { sampleWorkbench } from '../testing'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('completion values', () => {
  it('offers what annotations hold now: a value replaced or deleted everywhere goes, one still held stays', async () => {
    const { wb, cleanup } = await sampleWorkbench()
    cleanups.push(cleanup)
    const doc = wb.current.documents[0]!.id
    const targets = async () => (await wb.attributeValues())['stance.target'] ?? []
    const before = await targets()
    const stance = (id: string, target: string) => ({
      op: 'put' as const,
      annotation: { id, label: 'stance', start: 0, end: 6, attributes: { target }, note: '' },
    })
    // Typed with a pause after "Zanz": each pause saved the value as it was.
    await wb.apply(doc, [stance('v-1', 'Zanz')])
    expect(await targets()).toContain('Zanz')
    await wb.apply(doc, [stance('v-1', 'Zanzibar')])
    expect(await targets()).toContain('Zanzibar')
    expect(await targets()).not.toContain('Zanz')
    // Held by two annotations, a value stays until neither holds it.
    await wb.apply(doc, [stance('v-2', 'Zanzibar')])
    await wb.apply(doc, [{ op: 'delete', id: 'v-1' }])
    expect(await targets()).toContain('Zanzibar')
    await wb.apply(doc, [{ op: 'delete', id: 'v-2' }])
    expect(await targets()).toEqual(before)
  })
})
