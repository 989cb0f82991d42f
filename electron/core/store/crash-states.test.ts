/**
 * Power cuts, not just kills: each kind of save runs under strace, every state a power cut at any
 * point could leave on disk is rebuilt in a temp folder (crash-states.ts says which, and under
 * what model of the disk), and opened with the core. Each must open, and hold the old version or
 * the new one, never a mix, never a file set aside — and once the save was acknowledged, the new
 * one. Needs strace (Linux; apt-get install strace): skipped with the reason elsewhere.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crashStates, loadFolder, parseTrace, STRACE_CALLS, writeState } from './crash-states'
import { Project } from '../project/project'
import { REPO, tempDir } from '../testing'
import { Workbench } from '../app/workbench'

const repo = REPO
const hasStrace = process.platform === 'linux' && spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0

/** The saves, run in a child process as the app runs them; the marker file is opened once the save is acknowledged. */
const WORKLOAD = `
import { openSync } from 'node:fs'
import { Workbench } from './electron/core/app/workbench.ts'
const [kind, projectDir, configDir, marker, doc] = process.argv.slice(2)
const wb = await Workbench.start({ configDir, host: 'browser', version: 'crash' })
await wb.open(projectDir)
const put = (id, start, end) => ({ op: 'put', annotation: { id, label: 'claim', start, end, attributes: {}, note: '' } })
if (kind === 'first-save' || kind === 'save') await wb.apply(doc, [put('new1', 20, 30)])
if (kind === 'rename') await wb.rename(doc, 'A new title')
if (kind === 'import') await wb.importFiles([{ name: 'vote.txt', bytes: new TextEncoder().encode('The council voted to close the port, a spokeswoman said.') }])
openSync(marker, 'w')
wb.close()
`

let root: string
let cleanup: () => Promise<void>
let bundle: string
const counts: Record<string, { states: number; acknowledged: number; ops: number; calls: number }> = {}

beforeAll(async () => {
  if (!hasStrace) return
  ;({ dir: root, cleanup } = await tempDir('marginalia-power-'))
  const { build } = await import('esbuild')
  bundle = join(repo, 'out', 'crash', 'workload.mjs')
  await build({
    stdin: { contents: WORKLOAD, resolveDir: repo, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  })
})

afterAll(async () => {
  await cleanup?.()
  if (Object.keys(counts).length) console.log(`power-cut states checked: ${JSON.stringify(counts)}`)
})

const TALKS = 'Officials said the talks had failed. The ministry denied it on Tuesday, a spokeswoman said.'

/** A project where `annotator` saved three annotations (so backups exist), and the workbench settings for the run. */
async function prepare(name: string, annotatorForRun: string) {
  const dir = join(root, name)
  const project = await Project.create(join(dir, 'project'), 'Power cut')
  await project.importFiles([{ name: 'talks.txt', bytes: new TextEncoder().encode(TALKS) }])
  const doc = project.documents[0]!.id
  const wb = await Workbench.start({ configDir: join(dir, 'config'), host: 'browser', version: 'test' })
  await wb.setAnnotator('maria')
  await wb.open(project.dir)
  for (const [i, id] of ['a1', 'a2', 'a3'].entries())
    await wb.apply(doc, [{ op: 'put', annotation: { id, label: 'claim', start: i * 5, end: i * 5 + 4, attributes: {}, note: '' } }])
  await wb.openDocument(doc)
  await wb.setAnnotator(annotatorForRun)
  wb.close()
  return { dir, projectDir: project.dir, configDir: join(dir, 'config'), doc }
}

/** Run a workload under strace and check every crash state with `check` (which throws on a bad state). */
async function everyPowerCut(
  kind: string,
  annotator: string,
  check: (project: Project, doc: string, acknowledged: boolean) => Promise<void>,
) {
  const { dir, projectDir, configDir, doc } = await prepare(kind, annotator)
  const before = await loadFolder(projectDir)
  const log = join(dir, 'strace.log')
  const marker = join(dir, 'acknowledged')
  const run = spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-y',
      '-xx',
      '-s',
      '4194304',
      '-e',
      `trace=${STRACE_CALLS}`,
      '-o',
      log,
      process.execPath,
      bundle,
      kind,
      projectDir,
      configDir,
      marker,
      doc,
    ],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  )
  expect(run.status, run.stderr).toBe(0)
  const trace = parseTrace(await readFile(log, 'utf8'), projectDir, before, marker)
  expect(trace.unparsed, 'every line of the strace log was read').toBe(0)
  expect(trace.ops.length, 'the save touched the project').toBeGreaterThanOrEqual(8)
  expect(trace.acknowledgedAt, 'the save was acknowledged').not.toBeNull()
  let states = 0
  let acknowledged = 0
  const stateDir = join(dir, 'state')
  for (const state of crashStates(before, trace)) {
    await rm(stateDir, { recursive: true, force: true })
    await mkdir(stateDir)
    await writeState(state.nodes, stateDir)
    const what = `${kind}: power cut after op ${state.cut} of ${trace.ops.length} (${trace.ops[state.cut - 1]?.what ?? 'before the first'})${state.acknowledged ? ', after the save was acknowledged' : ''}`
    let project: Project
    try {
      project = await Project.open(stateDir)
    } catch (e) {
      throw new Error(`${what}: the project does not open: ${(e as Error).message}`, { cause: e })
    }
    try {
      for (const d of project.documents) expect((await project.textState(d.id)).problem, `${what}: text of ${d.id}`).toBeNull()
      await check(project, doc, state.acknowledged)
    } catch (e) {
      throw new Error(`${what}: ${(e as Error).message}`, { cause: e })
    }
    states++
    if (state.acknowledged) acknowledged++
  }
  counts[kind] = { states, acknowledged, ops: trace.ops.length, calls: trace.calls }
  expect(states).toBeGreaterThan(trace.ops.length)
  expect(acknowledged).toBeGreaterThan(0)
}

/** The ids in a layer, and that nothing was set aside to read it. */
async function ids(project: Project, annotator: string, doc: string): Promise<string[]> {
  const layer = await project.layer(annotator, doc)
  expect(layer.adapter.notice, `${annotator}'s layer was set aside`).toBeNull()
  return layer.annotations.map((a) => a.id)
}

describe.skipIf(!hasStrace)('power cuts at every point of a save (strace, every crash state rebuilt and opened)', () => {
  it("the first save into a new annotator's folder: the old (no layer) or the new, and the new once acknowledged", async () => {
    await everyPowerCut('first-save', 'rita', async (project, doc, acknowledged) => {
      const rita = await ids(project, 'rita', doc)
      expect(acknowledged ? [['new1']] : [[], ['new1']]).toContainEqual(rita)
      expect(await ids(project, 'maria', doc)).toEqual(['a1', 'a2', 'a3'])
    })
  }, 120_000)

  it('a save into an existing layer (with its backups rotating)', async () => {
    await everyPowerCut('save', 'maria', async (project, doc, acknowledged) => {
      const maria = await ids(project, 'maria', doc)
      expect(
        acknowledged
          ? [['a1', 'a2', 'a3', 'new1']]
          : [
              ['a1', 'a2', 'a3'],
              ['a1', 'a2', 'a3', 'new1'],
            ],
      ).toContainEqual(maria)
    })
  }, 120_000)

  it('a rename in project.json', async () => {
    await everyPowerCut('rename', 'maria', async (project, doc, acknowledged) => {
      expect(acknowledged ? ['A new title'] : [TALKS, 'A new title']).toContain(project.document(doc).title)
    })
  }, 120_000)

  it('an import: a new text and project.json (the text is whole before project.json names it)', async () => {
    await everyPowerCut('import', 'maria', async (project, _doc, acknowledged) => {
      expect(acknowledged ? [2] : [1, 2]).toContain(project.documents.length)
    })
  }, 120_000)
})
