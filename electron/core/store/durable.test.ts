import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Project } from '../project/project'
import { projectWith, tempDir } from '../testing'
import { writeFileDurable } from './durable'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('temporary files a killed Marginalia left behind', () => {
  it('are removed when the project is opened, once they are old; nothing else is', async () => {
    const made = await projectWith({ 'talks.txt': 'Officials said the talks had failed.' })
    cleanups.push(made.cleanup)
    const doc = made.project.documents[0]!.id
    const maria = join(made.dir, 'annotations', 'maria')
    await mkdir(maria, { recursive: true })
    const old = new Date(Date.now() - 3_600_000)
    const files = {
      [join(maria, `.${doc}.json.0123456789ab.tmp`)]: old,
      [join(maria, `.${doc}.json.lock.stale-0123456789ab`)]: old,
      [join(made.dir, '.project.json.abcdefabcdef.tmp')]: old,
      [join(maria, `.${doc}.json.fedcba987654.tmp`)]: new Date(), // another process may be writing it
      [join(maria, 'my notes.tmp')]: old, // not Marginalia's
    }
    for (const [path, time] of Object.entries(files)) {
      await writeFile(path, 'partial')
      await utimes(path, time, time)
    }
    await Project.open(made.dir)
    expect((await readdir(maria)).sort()).toEqual([`.${doc}.json.fedcba987654.tmp`, 'my notes.tmp'])
    expect((await readdir(made.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('a file written in pieces', () => {
  it('holds every piece byte for byte: text of any script and size, and bytes, in order', async () => {
    const { dir, cleanup } = await tempDir()
    cleanups.push(cleanup)
    // Pieces that outgrow the buffer before them (the largest 3 MB of UTF-8), short ones after long
    // ones (a stale tail must not be written), and bytes between pieces of text.
    const pieces: (string | Uint8Array)[] = [
      'a,b\r\n',
      'Ольга Петрова said 😀, "quoted"\r\n'.repeat(40_000),
      'x',
      new TextEncoder().encode('bytes: ü\r\n'),
      '日本語のテキスト'.repeat(130_000),
      'tail',
    ]
    const path = join(dir, 'out.csv')
    async function* slowly() {
      for (const p of pieces) {
        await new Promise((r) => setTimeout(r, 1))
        yield p
      }
    }
    await writeFileDurable(path, slowly())
    const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)))
    expect((await readFile(path)).equals(expected)).toBe(true)
    await writeFileDurable(path, pieces)
    expect((await readFile(path)).equals(expected)).toBe(true)
  })
})
