/**
 * Exporting from the desktop app, driven as the app drives it (the session's exportAnnotations,
 * every call through JSON as on the wire) against the real core on a copy of the sample project:
 * the host asks where to save and writes the file itself, the same bytes browser mode downloads;
 * a cancelled dialog writes nothing.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionOnCore, type Cleanups } from './on-core'

const cleanups: Cleanups = []
afterEach(async () => {
  for (const c of cleanups.splice(0).toReversed()) await c()
})

async function desktopSession(answer: 'save' | 'cancel') {
  const asked: string[] = []
  let out = ''
  const made = await sessionOnCore(cleanups, {
    host: 'desktop',
    abilities: (root) => {
      out = join(root, 'saved')
      return {
        pickSavePath: async (name) => {
          asked.push(name)
          return answer === 'save' ? join(out, name) : null
        },
      }
    },
  })
  return { ...made, asked, out }
}

describe('exporting on desktop', () => {
  it('has the host write the file it asked a place for, the same bytes as the download, the text never sent to the window', async () => {
    const { session, client, calls, asked, out } = await desktopSession('save')
    for (const format of ['csv', 'tsv', 'xlsx'] as const) {
      const options = { format, layer: 'all', bom: true, neutralizeFormulas: true } as const
      const outcome = await session.exportAnnotations(options)
      const download = await client.call('export.annotations', options)
      expect(asked.at(-1)).toBe(download.filename)
      expect(outcome).toEqual({
        file: {
          filename: download.filename,
          mediaType: download.mediaType,
          encoding: download.encoding,
          annotations: download.annotations,
          documents: download.documents,
          warnings: download.warnings,
        },
        where: join(out, download.filename),
      })
      const written = await readFile(join(out, download.filename))
      if (format === 'xlsx') expect(written.subarray(0, 2).toString('latin1')).toBe('PK')
      else expect(written.toString('utf8')).toBe(download.content)
      expect(download.annotations).toBe(89)
    }
    expect(calls.filter((m) => m === 'host.exportToFile')).toHaveLength(3)
    expect(calls).not.toContain('host.saveFile')
  })

  it('writes nothing when the save dialog is cancelled', async () => {
    const { session, out } = await desktopSession('cancel')
    expect(await session.exportAnnotations({ format: 'csv', layer: 'all', bom: false, neutralizeFormulas: true })).toBeNull()
    expect(await readdir(out).catch(() => [])).toEqual([])
  })
})
