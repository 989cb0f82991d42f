import { spawnSync } from 'node:child_process'
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../core/testing'
import { run } from './main'
import { HELP } from './help'
import { Project } from '../core/project/project'
import { acceptAgreed } from '../core/app/review-service'

const FIXTURES = join(import.meta.dirname, '../../fixtures')
let out = ''
let err = ''
let dir = ''
let cleanup: () => Promise<void> = async () => {}

beforeEach(async () => {
  out = ''
  err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true))
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
const json = () => JSON.parse(out)

describe('marginalia', () => {
  it("never writes an export over the project's own files", async () => {
    const before = await readFile(join(sample(), 'project.json'), 'utf8')
    expect(await run(['export', sample(), '--format', 'csv', '--out', join(sample(), 'project.json')])).toBe(1)
    expect(err.trim()).toBe(
      `${join(sample(), 'project.json')} is in this project's own files (project.json), which Marginalia keeps for itself; write the export outside it, or in a folder of its own in the project.`,
    )
    expect(await readFile(join(sample(), 'project.json'), 'utf8')).toBe(before)
    err = ''
    expect(await run(['network', sample(), '--format', 'csv', '--out', join(sample(), 'annotations', 'net')])).toBe(1)
    expect(err).toMatch(/is in this project's own files \(annotations\/\)/)
    // A folder of its own in the project is the user's.
    expect(await run(['export', sample(), '--format', 'csv', '--out', join(sample(), 'spans.csv')])).toBe(0)
  })

  it('says so when a layer it read was damaged, exits 1, and validate names the copy set aside', async () => {
    const layers = join(sample(), 'annotations', 'maria')
    const damaged = (await readdir(layers)).find((n) => n.endsWith('.json') && !n.startsWith('_'))!
    await writeFile(join(layers, damaged), 'garbage')
    expect(await run(['export', sample(), '--format', 'csv', '--out', join(dir, 'd.csv')])).toBe(1)
    expect(err).toMatch(/is not valid JSON; it was kept as .*\.unreadable-.* and a new one was started; what was written leaves it out\./)
    err = ''
    out = ''
    expect(await run(['validate', sample()])).toBe(1)
    expect(out).toMatch(new RegExp(`a damaged copy of ${damaged.replace(/[.]/g, '\\.')} was set aside here`))
  })

  it('says so in every later run too, while the damaged layer is not restored: export, stats, network and agreement exit 1', async () => {
    const layers = join(sample(), 'annotations', 'maria')
    const damaged = (await readdir(layers)).find((n) => n.endsWith('.json') && !n.startsWith('_'))!
    await writeFile(join(layers, damaged), 'garbage')
    expect(await run(['agreement', sample()])).toBe(1)
    expect(err).toMatch(/is not valid JSON; it was kept as .*; what was counted leaves it out\./)
    const project = JSON.parse(await readFile(join(sample(), 'project.json'), 'utf8')) as { documents: { id: string; title: string }[] }
    const title = project.documents.find((d) => `${d.id}.json` === damaged)!.title
    const earlier = `maria's annotations of “${title}” were found damaged earlier and set aside; their last good copy is kept until it is restored (Backups… in the app, or marginalia backups), and what was`
    for (const [args, did] of [
      [['export', sample(), '--format', 'csv', '--out', join(dir, 'again.csv')], 'written'],
      [['stats', sample()], 'counted'],
      [['agreement', sample()], 'counted'],
      [['network', sample(), '--format', 'graphml', '--layer', 'all', '--out', join(dir, 'n.graphml')], 'written'],
    ] as const) {
      err = ''
      expect(await run([...args]), args.join(' ')).toBe(1)
      expect(err).toContain(`${earlier} ${did} leaves them out.`)
    }
    // Not a word when the command read nothing of hers.
    err = ''
    expect(await run(['export', sample(), '--format', 'csv', '--annotator', 'jonas', '--out', join(dir, 'jonas.csv')])).toBe(0)
    expect(err).not.toContain('damaged')
  })

  it('backups lists a damaged layer with the command that restores its last good copy, and restoring it ends the warnings', async () => {
    const layers = join(sample(), 'annotations', 'maria')
    const damaged = (await readdir(layers)).find((n) => n.endsWith('.json') && !n.startsWith('_'))!
    const doc = damaged.replace(/\.json$/, '')
    // Saved once by Marginalia (a delete), so it keeps a copy of it.
    const project = await Project.open(sample())
    const layer = await project.layer('maria', doc)
    await layer.apply([{ op: 'delete', id: layer.annotations[0]!.id }], await project.text(doc), project.tagSet, new Date().toISOString())
    const good = JSON.parse(await readFile(join(layers, damaged), 'utf8')) as { annotations: unknown[] }
    expect(await run(['backups', sample()])).toBe(0)
    expect(out).toBe('No layer of this project is waiting for its last good copy to be restored.\n')
    await writeFile(join(layers, damaged), 'garbage')
    expect(await run(['stats', sample()])).toBe(1)
    out = ''
    expect(await run(['backups', sample()])).toBe(1)
    const line = out.trim()
    expect(line).toMatch(
      new RegExp(
        `^maria's annotations of “${project.documents.find((d) => d.id === doc)!.title}” were found damaged; restore their last good copy \\(saved .*, ${good.annotations.length} annotations.*\\) with: marginalia backups ".*" --annotator maria --document ${doc} --restore \\S+$`,
      ),
    )
    const command = line.slice(line.indexOf('marginalia backups ') + 'marginalia backups '.length)
    const id = command.split(' ').at(-1)!
    // Its list shows the pinned copy.
    out = ''
    expect(await run(['backups', sample(), '--annotator', 'maria', '--document', doc, '--json'])).toBe(0)
    expect((JSON.parse(out) as { id: string; kind: string }[]).find((b) => b.id === id)?.kind).toBe('pinned')
    out = ''
    expect(await run(['backups', sample(), '--annotator', 'maria', '--document', doc, '--restore', id])).toBe(0)
    expect(out).toMatch(
      new RegExp(`^Restored maria's annotations of ${doc} from the copy saved .*; what it replaced is kept as a backup\\.\\n$`),
    )
    expect((JSON.parse(await readFile(join(layers, damaged), 'utf8')) as { annotations: unknown[] }).annotations).toHaveLength(
      good.annotations.length,
    )
    // Every later run is clean again.
    err = ''
    expect(await run(['stats', sample()])).toBe(0)
    expect(err).not.toContain('damaged')
    out = ''
    expect(await run(['backups', sample()])).toBe(0)
    // Wrong usage is said as such.
    expect(await run(['backups', sample(), '--annotator', 'maria'])).toBe(2)
    expect(await run(['backups', sample(), '--restore', id])).toBe(2)
    expect(await run(['backups', sample(), '--project', '--text', doc])).toBe(2)
    expect(await run(['backups', sample(), '--text', 'no-such-document'])).toBe(1)
  })

  it('refuses --layer mine or reviewed with --annotator, which would quietly export the annotator’s own layer', async () => {
    for (const layer of ['reviewed', 'mine']) {
      err = ''
      expect(
        await run(['export', sample(), '--format', 'csv', '--layer', layer, '--annotator', 'maria', '--out', join(dir, 'x.csv')]),
      ).toBe(2)
      expect(err).toMatch(new RegExp(`^--layer ${layer} and --annotator cannot be combined`))
    }
    expect(await readdir(dir)).not.toContain('x.csv')
  })

  it('writes a brat export into a new or empty folder only, so no earlier export is read back with it', async () => {
    const folder = join(dir, 'brat')
    expect(await run(['export', sample(), '--format', 'brat', '--out', folder])).toBe(0)
    const first = await readdir(folder)
    expect(first).toEqual(expect.arrayContaining(['annotation.conf', 'maria', 'jonas']))
    err = ''
    expect(await run(['export', sample(), '--format', 'brat', '--annotator', 'jonas', '--out', folder])).toBe(1)
    expect(err.trim()).toBe(
      `The folder ${folder} is not empty: a brat export writes annotation.conf, visual.conf and a folder per layer, and what is there already would be read with them; choose a new or empty folder, or a .zip file.`,
    )
    expect(await readdir(folder)).toEqual(first)
    await mkdir(join(dir, 'empty'))
    expect(await run(['export', sample(), '--format', 'brat', '--annotator', 'jonas', '--out', join(dir, 'empty')])).toBe(0)
    expect(await readdir(join(dir, 'empty'))).not.toContain('maria')
  })

  it('says when the settings file could not be read, instead of only that the name is not set', async () => {
    const config = join(dir, 'config')
    await mkdir(config)
    await writeFile(join(config, 'settings.json'), '{"annotator":"lena"}')
    vi.stubEnv('MARGINALIA_CONFIG_DIR', config)
    try {
      expect(await run(['export', sample(), '--format', 'csv', '--layer', 'mine', '--out', join(dir, 'mine.csv')])).toBe(1)
    } finally {
      vi.unstubAllEnvs()
    }
    const [first, second] = err.trim().split('\n')
    expect(first).toMatch(/settings\.json.*unreadable-/)
    expect(second).toMatch(/^Your annotator name is not set yet/)
    expect((await readdir(config)).some((n) => n.startsWith('settings.json.unreadable-'))).toBe(true)
  })

  it('refuses options that do not apply to the format, and says what is wrong with a base address', async () => {
    for (const [args, sentence] of [
      [['--format', 'jsonl', '--bom'], '--bom applies to --format csv and tsv only.'],
      [['--format', 'w3c', '--no-formula-protection'], '--no-formula-protection applies to --format csv and tsv only.'],
      [
        ['--format', 'w3c', '--base', 'https://example.org/?q=1#f'],
        '"https://example.org/?q=1#f" has a query or a fragment (? or #); --base takes a plain http or https address, such as https://example.org/corpus/.',
      ],
    ] as const) {
      err = ''
      expect(await run(['export', sample(), ...args, '--out', join(dir, 'x.out')])).toBe(2)
      expect(err.split('\n')[0]).toBe(sentence)
    }
  })

  it('refuses a network of a document the project does not have, instead of an empty one, and into a folder not there, as export does', async () => {
    expect(await run(['network', sample(), '--format', 'graphml', '--document', 'nope', '--out', join(dir, 'n.graphml')])).toBe(1)
    expect(err.trim()).toBe(`There is no document "nope" in this project; 'marginalia stats' lists the documents' ids.`)
    expect(await readdir(dir)).not.toContain('n.graphml')
    err = ''
    expect(await run(['network', sample(), '--format', 'graphml', '--out', join(dir, 'missing', 'n.graphml')])).toBe(1)
    expect(err.trim()).toBe(`The folder ${join(dir, 'missing')} does not exist; create it first, or give another --out.`)
    expect(await readdir(dir)).not.toContain('missing')
  })

  it('refuses --layer reviewed before any review is settled, instead of writing a file of headers', async () => {
    expect(await run(['export', sample(), '--format', 'csv', '--layer', 'reviewed', '--out', join(dir, 'r.csv')])).toBe(1)
    expect(err.trim()).toBe(
      'No document has a reviewed layer yet, so --layer reviewed has nothing to export; settle a review first, or use --layer all.',
    )
    expect(await readdir(dir)).not.toContain('r.csv')
  })

  it('says in one sentence why an export could not be written where --out points', async () => {
    await writeFile(join(dir, 'a-file'), 'x')
    expect(await run(['export', sample(), '--format', 'csv', '--out', join(dir, 'a-file', 'x.csv')])).toBe(1)
    expect(err).toMatch(/^.*a-file is not a folder; give another --out\./)
    expect(err).not.toMatch(/ENOTDIR|EEXIST|\.tmp/)
    err = ''
    // A mistyped folder is not made: nothing is written, and the sentence says which folder is missing.
    expect(await run(['export', sample(), '--format', 'csv', '--out', join(dir, 'no-such', 'deeper', 'x.csv')])).toBe(1)
    expect(err).toMatch(/^The folder .*no-such[\\/]deeper does not exist; create it first, or give another --out\./)
    expect(await readdir(dir)).not.toContain('no-such')
    err = ''
    expect(await run(['export', sample(), '--format', 'brat', '--out', join(dir, 'a-file')])).toBe(1)
    expect(err).toMatch(/was not saved because something on that path is a file where a folder is needed/)
    err = ''
    expect(await run(['schema', '--out', join(dir, 'a-file', 'schemas')])).toBe(1)
    expect(err).toMatch(
      /^The schema .*project\.schema\.json was not saved because something on that path is a file where a folder is needed/,
    )
    expect(err).not.toMatch(/ENOTDIR/)
  })

  it('refuses an option given twice (it kept the last, so a .csv file held TSV), with exit code 2', async () => {
    const twice = join(dir, 'twice.csv')
    expect(await run(['export', sample(), '--format', 'csv', '--out', twice, '--format', 'tsv'])).toBe(2)
    expect(err).toMatch(/^--format is given more than once; give it once\./)
    expect(await readdir(dir)).not.toContain('twice.csv')
  })

  it('exports the links table as CSV with --table links, and refuses it for other formats', async () => {
    const file = join(dir, 'links.csv')
    expect(await run(['export', sample(), '--format', 'csv', '--table', 'links', '--out', file, '--json'])).toBe(0)
    expect(json()).toMatchObject({ format: 'csv', table: 'links', links: 43, documents: 3 })
    const lines = (await readFile(file, 'utf8')).split('\r\n')
    expect(lines[0]).toBe(
      'document_id,annotator,link_id,type,from_id,from_label,from_text,to_id,to_label,to_text,author,created,document_title,from_label_name,to_label_name,type_name',
    )
    expect(lines.filter((l) => l !== '')).toHaveLength(44)
    expect(await run(['export', sample(), '--format', 'xlsx', '--table', 'links', '--out', join(dir, 'x.xlsx')])).toBe(2)
    expect(err).toMatch(/^--table applies to --format csv and tsv only/)
    err = ''
    expect(await run(['export', sample(), '--format', 'csv', '--table', 'link'])).toBe(2)
    expect(err).toMatch(/^--table takes spans or links, not "link"\./)
  })

  it('imports files in the order a file manager lists them, whatever order the shell gave', async () => {
    const project = join(dir, 'parts')
    expect(await run(['init', project])).toBe(0)
    const files: string[] = []
    for (const n of [10, 2, 1, 12]) {
      files.push(join(dir, `part-${n}.txt`))
      await writeFile(files.at(-1)!, `Part ${n} of the hearing.\n`)
    }
    expect(await run(['import', project, ...files])).toBe(0)
    const saved = JSON.parse(await readFile(join(project, 'project.json'), 'utf8')) as { documents: { importedFrom: string }[] }
    expect(saved.documents.map((d) => d.importedFrom)).toEqual(['part-1.txt', 'part-2.txt', 'part-10.txt', 'part-12.txt'])
  })

  it('names an unknown option in one sentence, then shows the command’s usage, with exit code 2', async () => {
    expect(await run(['export', sample(), '--format', 'csv', '--bogus'])).toBe(2)
    expect(err).toMatch(/^--bogus is not an option of marginalia export\.\n\n/)
    expect(err).not.toContain('positional argument')
    // The usage line and where the options are, not the whole help (the sentence scrolled away above it).
    expect(err.trim().split('\n').slice(1)).toEqual(['', HELP.export!.split('\n')[0], "Run 'marginalia export --help' for every option."])
    // An option without its value, or a switch given one: a sentence, not Node's own text.
    err = ''
    expect(await run(['export', sample(), '--format', 'csv', '--out'])).toBe(2)
    expect(err).toMatch(/^--out needs a value after it \(as in --out VALUE\)/)
    err = ''
    expect(await run(['export', sample(), '--format', 'csv', '--out', '--bom'])).toBe(2)
    expect(err).toMatch(/^--out needs a value after it/)
    err = ''
    expect(await run(['suggest', sample(), '--json=yes'])).toBe(2)
    expect(err).toMatch(/^--json takes no value; give it alone\./)
  })

  it('ends quietly when the reader of its output stops early (| head)', () => {
    const bin = join(import.meta.dirname, '../../bin/marginalia.js')
    const piped = spawnSync(
      'bash',
      ['-c', 'set -o pipefail; node "$0" export "$1" --format w3c | head -c 200 > /dev/null', bin, sample()],
      {
        encoding: 'utf8',
      },
    )
    expect(piped.stderr).not.toMatch(/EPIPE|Unhandled/)
    expect(piped.status).toBe(0)
  }, 30_000)

  it('has --help for every command, and says so on wrong usage with exit code 2', async () => {
    for (const command of [
      'init',
      'import',
      'import-annotations',
      'export',
      'agreement',
      'network',
      'suggest',
      'validate',
      'stats',
      'schema',
    ]) {
      out = ''
      expect(await run([command, '--help'])).toBe(0)
      expect(out).toContain(`Usage: marginalia ${command}`)
    }
    expect(await run(['export', sample(), '--format', 'pdf'])).toBe(2)
    expect(err).toContain('"pdf" is not a format export knows; use csv, tsv, xlsx, jsonl, w3c, brat, zip.')
    expect(await run(['frobnicate'])).toBe(2)
  })

  it('suggest is a command: read-only suggestions for chosen documents, as the main help lists it', async () => {
    const id = 'putin-s-muted-response-to-hamas-attack-speaks-vo-b6c2270f'
    expect(await run(['suggest', sample(), '--documents', id, '--json'])).toBe(0)
    expect(json()).toMatchObject({ format: 'marginalia-suggestions', documents: [{ id }] })
    expect(await run(['suggest', sample(), '--documents', 'no-such-document'])).toBe(1)
    // An empty list of documents is wrong usage (it ran on every document).
    for (const empty of [['--document', ''], ['--document=,'], ['--documents', ' ']]) {
      err = ''
      expect(await run(['suggest', sample(), ...empty])).toBe(2)
      expect(err).toMatch(/^--documents? needs one or more document ids, joined by commas \(id,id\)\./)
    }
    err = ''
    expect(await run(['export', sample(), '--format', 'csv', '--document', ''])).toBe(2)
    // --document, as export and agreement name it, is the same option.
    out = ''
    expect(await run(['suggest', sample(), '--document', id, '--json'])).toBe(0)
    expect(JSON.parse(out).documents.map((d: { id: string }) => d.id)).toEqual([id])
    out = ''
    await run(['--help'])
    expect(out).toContain('suggest <projectDir>')
  })

  it('validate says in one sentence that a folder holds no project, as opening it would', async () => {
    await mkdir(join(dir, 'empty'))
    expect(await run(['validate', join(dir, 'empty')])).toBe(1)
    const [problem, verdict] = out.split('\n')
    expect(problem).toBe(
      `project.json: ${join(dir, 'empty')} is not a Marginalia project (it has no project.json); create a project there or pick another folder.`,
    )
    expect(verdict).toMatch(/^1 problem found/)
    expect(err).toBe('')
    expect(out + err).not.toContain('does not exist')
  })

  it('validate passes the sample project and reports every problem in a damaged copy', async () => {
    expect(await run(['validate', sample(), '--json'])).toBe(0)
    expect(json()).toMatchObject({ valid: true, problems: [], checked: { documents: 3, stores: 6, annotations: 89, links: 43 } })
    const maria = join(sample(), 'annotations', 'maria')
    const [first] = (await readdir(maria)).sort()
    const store = JSON.parse(await readFile(join(maria, first!), 'utf8'))
    store.annotations[0].target.quote.exact = 'not the text'
    store.annotations[1].target.position.end = 10_000_000
    store.annotations[2].label = 'rumour'
    store.links[0].to = 'nobody'
    await writeFile(join(maria, first!), JSON.stringify(store))
    await writeFile(join(sample(), 'annotations', 'jonas', 'no-such-document.json'), '{}')
    const project = JSON.parse(await readFile(join(sample(), 'project.json'), 'utf8'))
    const other = project.documents.find((d: { id: string }) => `${d.id}.json` !== first)
    await writeFile(join(sample(), other.file), 'edited after import')
    out = ''
    expect(await run(['validate', sample(), '--json'])).toBe(1)
    const messages = json().problems.map(
      (p: { file: string; at: string | null; message: string }) => `${p.file} ${p.at ?? ''}: ${p.message}`,
    )
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /sha256: texts\/.* is not the text that was imported \(it was changed or damaged on disk\), so offsets into it would be wrong and Marginalia opens “.*” read-only; import the original file again or copy it from your own backup$/,
        ),
        expect.stringMatching(/length: texts\/.* has 19 code points/),
        expect.stringMatching(/annotations\.0\.target\.quote\.exact: the quote is not the text at/),
        expect.stringMatching(/annotations\.1\.target\.position: the span .* runs past the end of the text/),
        expect.stringMatching(/annotations\.2\.label: "rumour" is not a label of this project/),
        expect.stringMatching(/links\.0\.to: the link points to "nobody"/),
        expect.stringMatching(/jonas\/no-such-document\.json .*(expected|Invalid)/),
      ]),
    )
  })

  it('stats counts documents, layers and labels', async () => {
    expect(await run(['stats', sample(), '--json'])).toBe(0)
    expect(json()).toMatchObject({
      documents: 3,
      annotators: ['jonas', 'maria'],
      total: { annotations: 89, links: 43, labels: { claim: 31, source: 34, stance: 24 } },
      states: { maria: { 'not-started': 0, 'in-progress': 3, done: 0, 'nothing-to-tag': 0 } },
    })
    out = ''
    await run(['stats', sample()])
    expect(out).toMatch(/^maria\s+3\s+44\s+16\s+16\s+12\s+22\s+7$/m)
  })

  it('exports every format, and imports its own export back with nothing left out', async () => {
    for (const format of ['csv', 'jsonl', 'w3c']) {
      out = ''
      expect(await run(['export', sample(), '--format', format, '--annotator', 'maria'])).toBe(0)
      expect(out.length).toBeGreaterThan(1000)
    }
    expect(await run(['export', sample(), '--format', 'brat', '--out', join(dir, 'brat')])).toBe(0)
    expect((await readdir(join(dir, 'brat'))).sort()).toEqual(['annotation.conf', 'jonas', 'maria', 'visual.conf'])
    out = ''
    expect(await run(['export', sample(), '--format', 'zip', '--out', join(dir, 'sample.zip'), '--json'])).toBe(0)
    expect(json()).toMatchObject({ format: 'zip', documents: 3 })
    expect(await run(['export', sample(), '--format', 'zip'])).toBe(2)

    await rm(join(sample(), 'annotations'), { recursive: true })
    out = ''
    expect(await run(['import-annotations', sample(), join(dir, 'brat'), '--me', 'rita', '--json'])).toBe(0)
    expect(
      json()
        .layers.map((l: { as: string; imported: number }) => l.as)
        .sort(),
    ).toEqual(['jonas', 'jonas', 'jonas', 'maria', 'maria', 'maria'])
    out = ''
    err = ''
    expect(await run(['validate', sample()])).toBe(0)
    // The verdict is the answer: on standard output, where `> report.txt` keeps it with the problems.
    expect(out).toMatch(/^Valid: 3 documents, \d+ annotation files, \d+ annotations and \d+ links checked\.\n$/)
    expect(err).toBe('')
  })

  it('takes an export of the project back without an error: its own reviewed layer is said to be up to date, a different one is refused', async () => {
    const project = await Project.open(sample())
    const doc = project.documents[0]!.id
    await acceptAgreed(project, doc, ['jonas', 'maria'], 'rita')
    const file = join(dir, 'all.jsonl')
    expect(await run(['export', sample(), '--format', 'jsonl', '--out', file])).toBe(0)
    out = ''
    err = ''
    expect(await run(['import-annotations', sample(), file, '--me', 'nobody'])).toBe(0)
    expect(out).toContain(
      `The reviewed layer of "${project.documents[0]!.title}" is this project's own as it is now, so there was nothing to import.`,
    )
    expect(err).toBe('')
    // Another project's reviewed layer (here: one annotation fewer) is still not imported, and said.
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean)
    const reviewed = lines.findIndex((l) => (JSON.parse(l) as { annotator?: string }).annotator === '_reviewed')
    await writeFile(file, `${lines.filter((_, i) => i !== reviewed).join('\n')}\n`)
    err = ''
    expect(await run(['import-annotations', sample(), file, '--me', 'nobody'])).toBe(1)
    expect(err).toMatch(/The reviewed layer \(\d+ annotations?\) was not imported/)
  })

  it('imports a CSV by its columns, refuses broken files with exit code 1, and asks before large files', async () => {
    expect(await run(['init', join(dir, 'new'), '--name', 'New'])).toBe(0)
    out = ''
    const corpus = join(FIXTURES, 'corpus/formats/corpus.csv')
    expect(await run(['import', join(dir, 'new'), corpus, '--text-column', 'text', '--title-column', 'speaker', '--json'])).toBe(1)
    expect(json().imported.map((d: { title: string }) => d.title)).toEqual(['Minister Ní Bhriain', 'Zoe Nguyễn', 'Zoé (decomposed)'])
    expect(json().errors).toEqual([
      { name: 'corpus.csv', kind: 'refused', message: 'corpus.csv, row 4: the "text" cell is empty, so this row was not imported.' },
    ])
    const big = join(dir, 'big.txt')
    await writeFile(big, 'word '.repeat(4_300_000))
    err = ''
    expect(await run(['import', join(dir, 'new'), big])).toBe(1)
    expect(err).toContain('big.txt is 20.5 MB, larger than most texts; run again with --yes to import it.')
    expect(await run(['import', join(dir, 'new'), big, '--yes'])).toBe(0)
    // A table whose text column cannot be told: the sentence names the option; exit code 2, wrong usage.
    const table = join(dir, 'speeches.csv')
    await writeFile(table, 'a,b\n1,2\n3,4\n')
    err = ''
    expect(await run(['import', join(dir, 'new'), table])).toBe(2)
    expect(err).toContain('speeches.csv: say which column holds the text (its columns are "a", "b") with --text-column')
  })
})

describe('one set of figures', () => {
  it('opening documents as a new annotator writes nothing, and the app and `marginalia agreement --json` give deep-equal reports', async () => {
    const { Workbench } = await import('../core/app/workbench')
    const { createHandlers } = await import('../core/app/handlers')
    const { dispatch } = await import('../../shared/api')
    const wb = await Workbench.start({ configDir: join(dir, 'config'), host: 'browser', version: 'test' })
    const call = async (method: string, args: unknown) => {
      const result = await dispatch(createHandlers(wb), method, args)
      if (!result.ok) throw new Error(result.error.message)
      return result.value as never
    }
    await call('settings.setAnnotator', { name: 'rita' })
    await call('project.open', { path: sample() })
    const [first, ...others] = (await call('documents.list', {})) as { id: string }[]
    await call('annotations.apply', {
      document: first!.id,
      ops: [{ op: 'put', annotation: { id: 'rita-001', label: 'claim', start: 0, end: 6, attributes: {}, note: '' } }],
    })
    for (const d of others) await call('documents.open', { id: d.id })
    await call('review.progress', { annotators: null })
    expect(await readdir(join(sample(), 'annotations', 'rita'))).toEqual([`${first!.id}.json`])
    const inApp = await call('agreement.report', { annotators: null, document: null })
    const exported = (await call('export.annotations', { format: 'brat', layer: 'all' })) as { documents: number }
    wb.close()
    expect(await run(['agreement', sample(), '--json'])).toBe(0)
    expect(json()).toEqual(inApp)
    expect(exported.documents).toBe(3)
  })

  it('a document marked "done, nothing to tag" is an empty layer (all "none" tokens) in the app and the CLI alike; a memo alone is missing data', async () => {
    const { Workbench } = await import('../core/app/workbench')
    const { createHandlers } = await import('../core/app/handlers')
    const { dispatch } = await import('../../shared/api')
    const wb = await Workbench.start({ configDir: join(dir, 'config'), host: 'browser', version: 'test' })
    const call = async (method: string, args: unknown) => {
      const result = await dispatch(createHandlers(wb), method, args)
      if (!result.ok) throw new Error(result.error.message)
      return result.value as never
    }
    await call('settings.setAnnotator', { name: 'rita' })
    await call('project.open', { path: sample() })
    const [first, second, third] = (await call('documents.list', {})) as { id: string }[]
    await call('annotations.apply', {
      document: first!.id,
      ops: [{ op: 'put', annotation: { id: 'rita-001', label: 'claim', start: 0, end: 6, attributes: {}, note: '' } }],
    })
    const marked = (await call('status.set', { document: second!.id, state: 'nothing-to-tag' })) as {
      state: string
      annotationCount: number
    }
    expect(marked).toMatchObject({ state: 'nothing-to-tag', annotationCount: 0 })
    await call('notes.setMemo', { document: third!.id, text: 'Not read yet.' })
    const inApp = (await call('agreement.report', { annotators: null, document: null })) as {
      annotators: string[]
      documents: { scope: string; missing: string[]; tokens: { overall: { pairs: { a: string; b: string; kappa: number | null }[] } } }[]
    }
    wb.close()
    expect(inApp.annotators).toEqual(['jonas', 'maria', 'rita'])
    const byDoc = new Map(inApp.documents.map((d) => [d.scope, d]))
    expect(byDoc.get(first!.id)!.missing).toEqual([])
    expect(byDoc.get(second!.id)!.missing).toEqual([])
    expect(byDoc.get(third!.id)!.missing).toEqual(['rita'])
    // rita marked nothing where maria marked something: her empty layer disagrees, it is not left out.
    const withRita =
      byDoc.get(second!.id)!.tokens.overall.pairs.find((p) => p.a === 'maria' && p.b === 'rita') ??
      byDoc.get(second!.id)!.tokens.overall.pairs.find((p) => p.a === 'rita' && p.b === 'maria')
    expect(withRita?.kappa).not.toBeNull()
    expect(withRita!.kappa!).toBeLessThan(0.2)
    expect(await run(['agreement', sample(), '--json'])).toBe(0)
    expect(json()).toEqual(inApp)
    out = ''
    expect(await run(['agreement', sample()])).toBe(0)
    expect(out).toMatch(/\(no layer: rita\)/)
  })
})
