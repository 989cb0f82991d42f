/**
 * The bundled sample project. Marginalia never opens fixtures/sample-project itself: the first run
 * copies it into the user's config folder and opens the copy, so the fixture stays as shipped.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'

/** Path of the user's copy of the sample project, made from `fixtureDir` if it does not exist. */
export async function ensureSampleCopy(configDir: string, fixtureDir: string): Promise<string> {
  const dest = join(configDir, 'Sample project')
  try {
    await fs.access(join(dest, 'project.json'))
    return dest
  } catch {
    await fs.mkdir(configDir, { recursive: true })
    await fs.cp(fixtureDir, dest, { recursive: true, errorOnExist: false, force: false, filter: (src) => !src.endsWith('README.md') })
    return dest
  }
}
