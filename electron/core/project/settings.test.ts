import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PLACES, Settings, withPlace } from './settings'

describe('the place in each document', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marginalia-settings-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps the most recent places, the one just set last', () => {
    let places: Record<string, number> = {}
    for (let i = 0; i < PLACES + 5; i++) places = withPlace(places, `d${i}`, i)
    expect(Object.keys(places)).toHaveLength(PLACES)
    expect(places.d0).toBeUndefined()
    expect(places.d5).toBe(5)
    places = withPlace(places, 'd5', 500)
    expect(Object.entries(places).at(-1)).toEqual(['d5', 500])
    expect(Object.keys(places)).toHaveLength(PLACES)
  })

  it('remembers where each document was left, on disk, across a restart', async () => {
    const project = join(dir, 'project')
    const settings = await Settings.open(dir)
    await settings.remember(project, { document: 'talks', scroll: 0 })
    await settings.remember(project, { scroll: 1200 })
    await settings.remember(project, { document: 'speech', scroll: 0 })
    await settings.remember(project, { scroll: 80 })
    // Back to the first one at its place: the host is told the document and where it opens.
    await settings.remember(project, { document: 'talks', scroll: 1200 })
    const again = await Settings.open(dir)
    expect(again.memoryOf(project)).toMatchObject({ document: 'talks', scroll: 1200, places: { talks: 1200, speech: 80 } })
    const file = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { projects: Record<string, { places: object }> }
    expect(Object.keys(file.projects[project]!.places)).toEqual(['speech', 'talks'])
  })

  it('reads a settings file written before places were kept', async () => {
    const project = join(dir, 'p')
    const old = {
      format: 'marginalia-settings',
      version: 1,
      annotator: 'maria',
      recent: [project],
      projects: { [project]: { review: null, document: 'talks', scroll: 640, dismissedNames: {} } },
    }
    await writeFile(join(dir, 'settings.json'), JSON.stringify(old))
    const settings = await Settings.open(dir)
    expect(settings.memoryOf(project)).toMatchObject({ document: 'talks', scroll: 640, places: {} })
    await settings.remember(project, { scroll: 700 })
    expect(settings.memoryOf(project).places).toEqual({ talks: 700 })
  })
})
