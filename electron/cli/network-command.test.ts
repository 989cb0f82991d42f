/**
 * `marginalia network` on the sample project, its files read back by readers we did not write:
 * GraphML and GEXF by fixtures/readers/networks.py (Python's xml.etree, with GraphML's structure
 * and GEXF 1.3's grammar checked), the node and edge lists by fixtures/readers/tables.py (Python's
 * csv module). What they read must equal the network the core builds for the same options.
 */
import { execFileSync } from 'node:child_process'
import { cp, readFile, writeFile } from 'node:fs/promises'
import type { ProjectFile } from '../../shared/model/project'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AnalysisFilter, NetworkChoice } from '../../shared/discourse/analysis-view'
import { projectNetwork, projectStatements } from '../core/app/analysis-service'
import { Project } from '../core/project/project'
import { FIXTURES, tempDir } from '../core/testing'
import { run } from './main'
import { Workbench } from '../core/app/workbench'
import { createHandlers } from '../core/app/handlers'
import { dispatch } from '../../shared/api'

const READERS = join(FIXTURES, 'readers')
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
  await cp(join(FIXTURES, 'sample-project'), join(dir, 'sample'), { recursive: true })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await cleanup()
})

const sample = () => join(dir, 'sample')

interface Read {
  directed: boolean
  mode: string
  nodes: { id: string; label: string | null; attributes: Record<string, string | number> }[]
  edges: {
    source: string
    target: string
    weight: number | null
    attributes: Record<string, string | number>
    spells: [string, string][]
  }[]
  problems: string[]
}

function readNetwork(format: 'graphml' | 'gexf', file: string): Read {
  return JSON.parse(execFileSync('python3', [join(READERS, 'networks.py'), format, file], { encoding: 'utf8' })) as Read
}

function readCsv(file: string): string[][] {
  return JSON.parse(execFileSync('python3', [join(READERS, 'tables.py'), 'csv', file], { encoding: 'utf8' })) as string[][]
}

/** The network the core builds for these options, to compare the files with. */
async function expected(filter: Partial<AnalysisFilter>, choice: Partial<NetworkChoice>) {
  const statements = await projectStatements(await Project.open(sample()))
  return projectNetwork(statements, AnalysisFilter.parse(filter), NetworkChoice.parse(choice))
}

describe('marginalia network', () => {
  it('writes the actor-target network as GraphML that xml.etree reads back node for node and weight for weight', async () => {
    const file = join(dir, 'actors.graphml')
    expect(await run(['network', sample(), '--format', 'graphml', '--out', file, '--json'])).toBe(0)
    const summary = JSON.parse(out)
    const read = readNetwork('graphml', file)
    const network = await expected({ layers: ['jonas', 'maria'] }, { mode: 'actor-target' })
    expect(read.problems).toEqual([])
    expect(read.directed).toBe(true)
    expect(summary).toMatchObject({
      mode: 'actor-target',
      layers: ['jonas', 'maria'],
      nodes: network.nodes.length,
      edges: network.edges.length,
    })
    expect(summary.unlinked).toBeGreaterThan(0)
    expect(read.nodes.map((n) => n.id)).toEqual(network.nodes.map((n) => n.id))
    expect(read.edges.map((e) => [e.source, e.target, e.weight])).toEqual(network.edges.map((e) => [e.source, e.target, e.weight]))
    expect(read.nodes.find((n) => n.id === 'actor:vladimir putin')?.attributes).toMatchObject({ label: 'Vladimir Putin', kind: 'person' })
  })

  it('writes a conflict network within a date range as GEXF 1.3, each tie with a spell on the days it was stated', async () => {
    const file = join(dir, 'conflict.gexf')
    const args = ['--mode', 'conflict', '--normalization', 'jaccard', '--from', '2023-10-01', '--to', '2023-10-31', '--layer', 'maria']
    expect(await run(['network', sample(), ...args, '--format', 'gexf', '--out', file])).toBe(0)
    expect(err).toMatch(/^Wrote the conflict network \(\d+ nodes, \d+ edges, from \d+ stances of maria\) to .*conflict\.gexf\./)
    const read = readNetwork('gexf', file)
    const network = await expected(
      { layers: ['maria'], from: '2023-10-01', to: '2023-10-31' },
      { mode: 'conflict', normalization: 'jaccard' },
    )
    expect(read.problems).toEqual([])
    expect(read.directed).toBe(false)
    expect(network.edges.length).toBeGreaterThan(0)
    expect(read.edges.map((e) => [e.source, e.target, e.weight])).toEqual(network.edges.map((e) => [e.source, e.target, e.weight]))
    const days = read.edges.flatMap((e) => e.spells.map(([start]) => start))
    expect(days.length).toBeGreaterThan(0)
    for (const day of days) expect(day >= '2023-10-01' && day <= '2023-10-31').toBe(true)
    // The November document is outside the range: none of its statements is behind a tie.
    expect(network.edges.flatMap((e) => e.statements).some((ref) => ref.startsWith('russia-and-hamas'))).toBe(false)
  })

  it('says how many statements a date range leaves out because their document has no readable date', async () => {
    const path = join(sample(), 'project.json')
    const project = JSON.parse(await readFile(path, 'utf8')) as ProjectFile
    const doc = project.documents.find((d) => d.title.startsWith('Russia and Hamas'))!
    doc.properties = { ...doc.properties, date: '07.11.2023' }
    await writeFile(path, JSON.stringify(project, null, 2))
    const file = join(dir, 'net.graphml')
    expect(
      await run(['network', sample(), '--from', '2023-10-01', '--layer', 'maria', '--format', 'graphml', '--out', file, '--json']),
    ).toBe(0)
    const statements = (await projectStatements(await Project.open(sample()))).set.statements
    const inDoc = statements.filter((s) => s.layer === 'maria' && s.documentId === doc.id).length
    expect(inDoc).toBeGreaterThan(0)
    expect(JSON.parse(out)).toMatchObject({ undated: inDoc })
    out = ''
    expect(await run(['network', sample(), '--from', '2023-10-01', '--layer', 'maria', '--format', 'graphml', '--out', file])).toBe(0)
    expect(err).toContain(`${inDoc} statements left out by --from/--to: their documents have no yyyy-mm-dd date.`)
  })

  it('writes the node and edge lists as CSV files that Python’s csv module reads row for row', async () => {
    const folder = join(dir, 'lists')
    expect(await run(['network', sample(), '--mode', 'congruence', '--normalization', 'average', '--format', 'csv', '--out', folder])).toBe(
      0,
    )
    const network = await expected({ layers: ['jonas', 'maria'] }, { mode: 'congruence', normalization: 'average' })
    const nodes = readCsv(join(folder, 'nodes.csv'))
    const edges = readCsv(join(folder, 'edges.csv'))
    expect(nodes[0]).toEqual(['id', 'label', 'key', 'mode', 'kind', 'degree', 'favor', 'against', 'neutral', 'unset', 'stances'])
    expect(nodes.slice(1).map((r) => r[0])).toEqual(network.nodes.map((n) => n.id))
    expect(edges[0]!.slice(0, 5)).toEqual(['id', 'source', 'target', 'weight', 'raw'])
    expect(edges.slice(1).map((r) => [r[1], r[2], Number(r[3])])).toEqual(network.edges.map((e) => [e.source, e.target, e.weight]))
    expect(edges.slice(1).map((r) => r[r.length - 1])).toEqual(network.edges.map((e) => e.statements.join(' ')))
  })

  it('protects node labels from spreadsheet formulas unless told not to (an @handle kept as it is)', async () => {
    const store = join(sample(), 'annotations', 'maria')
    const { readdir } = await import('node:fs/promises')
    const file = join(
      store,
      (await readdir(store)).find((f) => f.endsWith('.json') && !f.startsWith('_'))!,
    )
    const layer = JSON.parse(await readFile(file, 'utf8')) as { annotations: { label: string; attributes: Record<string, string> }[] }
    const named = layer.annotations.find((a) => a.label === 'source' && a.attributes.name)!
    const before = named.attributes.name!
    named.attributes.name = `@${before}`
    await writeFile(file, JSON.stringify(layer, null, 2))
    const labels = async (extra: string[]) => {
      const folder = join(dir, `lists${extra.length}`)
      expect(await run(['network', sample(), '--layer', 'maria', '--format', 'csv', '--out', folder, ...extra])).toBe(0)
      return readCsv(join(folder, 'nodes.csv')).map((r) => r[1])
    }
    expect(await labels([])).toContain(`'@${before}`)
    expect(await labels(['--no-formula-protection'])).toContain(`@${before}`)
  })

  it('says how many documents the reviewed layer, the default once a review has settled something, counts nothing of', async () => {
    const wb = await Workbench.start({ configDir: join(dir, 'config'), host: 'browser', version: 'test' })
    await wb.setAnnotator('rita')
    await wb.open(sample())
    const first = (await wb.listDocuments())[0]!.id
    const accepted = await dispatch(createHandlers(wb), 'review.acceptAgreed', { document: first, annotators: ['jonas', 'maria'] })
    await wb.close()
    expect(accepted.ok).toBe(true)
    err = ''
    expect(await run(['network', sample(), '--format', 'graphml', '--out', join(dir, 'reviewed.graphml')])).toBe(0)
    expect(err).toContain('of _reviewed) to ' + join(dir, 'reviewed.graphml') + '.')
    expect(err).toContain(
      "2 documents have no settled review yet, so nothing of theirs is counted; --layer all counts every annotator's work.",
    )
    err = ''
    expect(await run(['network', sample(), '--layer', 'all', '--format', 'graphml', '--out', join(dir, 'all.graphml')])).toBe(0)
    expect(err).not.toContain('no settled review')
  })

  it('says which option is wrong in one sentence, with exit code 2, and which layer is missing with exit code 1', async () => {
    const cases: [string[], string][] = [
      [['--mode', 'bipartite', '--format', 'gexf', '--out', 'x'], '--mode takes actor-target, congruence, conflict, not "bipartite".'],
      [
        ['--mode', 'conflict', '--normalization', 'activity', '--format', 'gexf', '--out', 'x'],
        '--normalization activity does not apply to --mode conflict; use none, average, jaccard.',
      ],
      [
        ['--from', '2023-02-30', '--format', 'gexf', '--out', 'x'],
        '--from takes a date written yyyy-mm-dd, such as 2023-10-01, not "2023-02-30".',
      ],
      [
        ['--from', '2023-12-01', '--to', '2023-10-01', '--format', 'gexf', '--out', 'x'],
        '--to 2023-10-01 is before --from 2023-12-01; the range runs from the earlier date to the later.',
      ],
      [['--format', 'pdf', '--out', 'x'], '--format takes graphml, gexf, csv, not "pdf".'],
      [
        ['--format', 'graphml', '--out', 'net.gexf'],
        '--out net.gexf is named as gexf but --format is graphml; name it for the format, or choose --format gexf.',
      ],
      [['--format', 'csv'], 'Say where to write: --out FOLDER (nodes.csv and edges.csv) or --out FILE.zip.'],
      [
        ['--layer', 'maria,_x', '--format', 'gexf', '--out', 'x'],
        `--layer takes all, reviewed or annotator names separated by commas; "_x" is not an annotator's name.`,
      ],
    ]
    for (const [args, sentence] of cases) {
      err = ''
      expect(await run(['network', sample(), ...args])).toBe(2)
      expect(err.split('\n')[0]).toBe(sentence)
    }
    err = ''
    expect(await run(['network', sample(), '--layer', 'reviewed', '--format', 'gexf', '--out', join(dir, 'r.gexf')])).toBe(1)
    expect(err.trim()).toBe('No document has a reviewed layer yet; layers: jonas, maria.')
    // A label or source kind the project does not have is refused, not written as an empty network.
    err = ''
    expect(await run(['network', sample(), '--kind', 'person,nosuch', '--format', 'gexf', '--out', join(dir, 'k.gexf')])).toBe(1)
    expect(err.trim()).toBe(
      'There is no source kind "nosuch" in this project; kinds: document, government, media, organization, person, unnamed.',
    )
    err = ''
    expect(await run(['network', sample(), '--label', 'stance,nosuch', '--format', 'gexf', '--out', join(dir, 'l.gexf')])).toBe(1)
    expect(err.trim()).toBe('There is no label "nosuch" in this project; labels: claim, source, stance.')
    expect(await run(['network', '--help'])).toBe(0)
    expect(out).toContain('Usage: marginalia network')
  })
})
