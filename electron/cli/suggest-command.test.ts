import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../core/testing'
import { suggestCommand } from './suggest-command'

const FIXTURES = join(import.meta.dirname, '../../fixtures')
let out = ''
let err = ''
let dir = ''
let cleanup: () => Promise<void> = async () => {}

beforeEach(async () => {
  out = ''
  err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true))
  vi.spyOn(console, 'log').mockImplementation((...a) => void (out += `${a.join(' ')}\n`))
  vi.spyOn(console, 'error').mockImplementation((...a) => void (err += `${a.join(' ')}\n`))
  ;({ dir, cleanup } = await tempDir())
  await cp(join(FIXTURES, 'attribution-test'), join(dir, 'test'), { recursive: true })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await cleanup()
})

describe('marginalia suggest', () => {
  it('prints suggestions as JSON whose texts are the code point slices of the stored texts', async () => {
    expect(await suggestCommand([join(dir, 'test'), '--json'])).toBe(0)
    const report = JSON.parse(out)
    expect(report.format).toBe('marginalia-suggestions')
    expect(report.documents).toHaveLength(4)
    for (const d of report.documents) expect(d.suggestions.spans.length).toBeGreaterThan(5)
  })

  it('evaluates against a layer, and names a missing annotator in one sentence', async () => {
    expect(await suggestCommand(['--evaluate', join(dir, 'test'), '--against', 'gold', '--json'])).toBe(0)
    const r = JSON.parse(out)
    expect(r).toMatchObject({ format: 'marginalia-suggestion-evaluation', documents: 4, against: 'gold', skipped: [] })
    expect(r.overlap.map((s: { label: string }) => s.label)).toEqual(['source', 'claim', 'all'])
    await expect(suggestCommand(['--evaluate', join(dir, 'test'), '--against', 'nobody'])).rejects.toThrow(
      'There are no annotations by "nobody" in this project; annotators: gold.',
    )
  })

  it('says what is wrong with its arguments (exit code 2)', async () => {
    expect(await suggestCommand(['--evaluate', join(dir, 'test')])).toBe(2)
    expect(err).toContain('--evaluate needs --against')
    expect(await suggestCommand([join(dir, 'test'), '--min-confidence', '2'])).toBe(2)
  })
})
