/** The annotator's name as the UI sets it: NFC whatever the keyboard typed, and never a folder twin of a colleague's. */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppInfo } from '../../../shared/api'
import { folderTwin } from '../../../shared/model/annotation'
import { FIXTURES, contractHost } from '../testing'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function host() {
  const h = await contractHost()
  cleanups.push(h.cleanup)
  return { call: h.raw, dir: h.dir }
}

describe('the annotator’s name', () => {
  it('is stored in NFC, whatever form its accents were typed in', async () => {
    const { call } = await host()
    const typed = 'Zoe\u0308 Mu\u0308ller'
    const r = await call('settings.setAnnotator', { name: typed })
    expect(r.ok).toBe(true)
    expect((r as { value: AppInfo }).value.annotator).toBe('Zoë Müller')
  })

  it('may not differ from a colleague’s in this project only in capitals (one folder on macOS and Windows)', async () => {
    const { call, dir } = await host()
    await cp(join(FIXTURES, 'sample-project'), join(dir, 'p'), { recursive: true })
    expect((await call('settings.setAnnotator', { name: 'rita' })).ok).toBe(true)
    expect((await call('project.open', { path: join(dir, 'p') })).ok).toBe(true)
    const twin = await call('settings.setAnnotator', { name: 'Maria' })
    expect(twin).toMatchObject({
      ok: false,
      error: {
        code: 'invalid',
        message:
          'This project already has an annotator "maria"; a name that differs from it only in capitals would share that folder on macOS and Windows. Use "maria", or a name that differs in more than capitals.',
      },
    })
    expect((await call('settings.setAnnotator', { name: 'maria' })).ok).toBe(true)
    expect((await call('settings.setAnnotator', { name: 'Mariana' })).ok).toBe(true)
  })

  it('finds the twin among names, accents encoded either way', () => {
    expect(folderTwin('zoë müller', ['Zoë Müller', 'jonas'])).toBe('Zoë Müller')
    expect(folderTwin('ZOE\u0308', ['Zoë'])).toBe('Zoë')
    expect(folderTwin('Zoë', ['Zoë', 'jonas'])).toBeUndefined()
    expect(folderTwin('Zoe', ['Zoë'])).toBeUndefined()
  })
})
