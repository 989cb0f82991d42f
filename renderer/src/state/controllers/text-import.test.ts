import { describe, expect, it } from 'vitest'
import { createClient, type ArgsOf, type CsvPreview, type ImportResult } from '../../../../shared/api'
import { initialState, type ImportQuestion, type SessionState } from '../model/session-state'
import { Store } from '../model/store'
import { TextImport } from './text-import'

const MB = 1024 * 1024

/** A picked file as the import sees it: a name and a size (its bytes are read by the fake reader). */
function file(name: string, size = 1000): File {
  return { name, size } as File
}

const PREVIEW: CsvPreview = {
  columns: ['id', 'speaker', 'text'],
  rows: 2,
  filled: { id: 2, speaker: 2, text: 2 },
  sample: [{ id: 'sp-1', speaker: 'Minister', text: 'We will not accept this.' }],
  encoding: 'utf-8',
  delimiter: ',',
  suggested: { text: 'text', title: null, id: 'id' },
}

/** A host that imports every file it is sent, except what `answer` says otherwise. */
function setup(answer: (files: ArgsOf<'documents.import'>['files'], confirmLarge: boolean) => ImportResult | null = () => null) {
  const calls: { method: string; args: ArgsOf<'documents.import'> }[] = []
  const client = createClient(async (method, args) => {
    if (method === 'documents.previewCsv') return { ok: true, value: PREVIEW }
    if (method !== 'documents.import') return { ok: false, error: { code: 'invalid', retry: 'never', message: `unexpected ${method}` } }
    const a = args as ArgsOf<'documents.import'>
    calls.push({ method, args: a })
    const value = answer(a.files, a.confirmLarge ?? false) ?? {
      imported: a.files.map((f) => ({
        id: f.name,
        title: f.name,
        length: 1,
        importedFrom: f.name,
        annotationCount: 0,
        encoding: f.name.includes('1252') ? 'windows-1252' : 'utf-8',
        properties: {},
      })),
      errors: [],
    }
    return { ok: true, value }
  })
  const store = new Store<SessionState>(initialState)
  const opened: string[] = []
  const open = (id: string) => {
    opened.push(id)
    store.set({ opening: id })
  }
  const imports = new TextImport(store, client, open, async (f) => btoa(f.name))
  /** The next question the import asks. */
  const question = () =>
    new Promise<ImportQuestion>((resolve) => {
      const check = () => {
        const q = store.get().importQuestion
        if (q) {
          stop()
          resolve(q)
        }
      }
      const stop = store.subscribe(check)
      check()
    })
  return { calls, store, opened, imports, question }
}

describe('importing texts', () => {
  it('asks about a large file and a table first, then sends them with the answers', async () => {
    const { calls, store, opened, imports, question } = setup()
    const done = imports.run([file('a.txt'), file('big.txt', 24 * MB), file('corpus.csv'), file('brief-1252.txt')])
    const large = await question()
    expect(large).toMatchObject({ kind: 'large', name: 'big.txt', bytes: 24 * MB })
    imports.answer(true)
    const csv = await question()
    expect(csv).toMatchObject({ kind: 'csv', name: 'corpus.csv', preview: PREVIEW })
    imports.answer({ text: 'text', title: 'speaker', id: null })
    await done
    const sent = calls.flatMap((c) => c.args.files.map((f) => ({ name: f.name, csv: f.csv, confirmLarge: c.args.confirmLarge })))
    // Sent in the order of their names.
    expect(sent.map((f) => f.name)).toEqual(['a.txt', 'big.txt', 'brief-1252.txt', 'corpus.csv'])
    expect(sent.find((f) => f.name === 'corpus.csv')!.csv).toEqual({ text: 'text', title: 'speaker', id: null })
    expect(sent.find((f) => f.name === 'big.txt')!.confirmLarge).toBe(true)
    const state = store.get()
    expect(state.importing).toBeNull()
    expect(state.documents.map((d) => d.id)).toEqual(['a.txt', 'big.txt', 'brief-1252.txt', 'corpus.csv'])
    expect(state.documentDetails['brief-1252.txt']).toEqual({ encoding: 'windows-1252', properties: {} })
    expect(state.imported!.imported.map((d) => d.encoding)).toEqual(['utf-8', 'utf-8', 'windows-1252', 'utf-8'])
    expect(opened).toEqual(['a.txt'])
  })

  it('sends nothing of a file the user skips or a table whose dialog is cancelled', async () => {
    const { calls, store, imports, question } = setup()
    const done = imports.run([file('big.txt', 21 * MB), file('corpus.tsv'), file('b.md')])
    await question()
    imports.answer(false)
    await question()
    imports.answer(null)
    await done
    expect(calls.flatMap((c) => c.args.files.map((f) => f.name))).toEqual(['b.md'])
    expect(store.get().imported!.skipped).toEqual(['big.txt', 'corpus.tsv'])
  })

  it('sends many files a few at a time, saying how far it has come', async () => {
    const { calls, store, imports } = setup()
    const seen: string[] = []
    store.subscribe(() => {
      const p = store.get().importing
      if (p) seen.push(`${p.done}/${p.total}`)
    })
    await imports.run(Array.from({ length: 20 }, (_, i) => file(`t${i}.txt`)))
    expect(calls.map((c) => c.args.files.length)).toEqual([8, 8, 4])
    expect(seen).toContain('8/20')
    expect(seen).toContain('16/20')
    expect(store.get().imported!.imported).toHaveLength(20)
  })

  it('sends the files in the order a file manager lists their names, across its requests', async () => {
    const { calls, imports } = setup()
    await imports.run(Array.from({ length: 12 }, (_, i) => file(`part-${12 - i}.txt`)))
    expect(calls.flatMap((c) => c.args.files.map((f) => f.name))).toEqual(Array.from({ length: 12 }, (_, i) => `part-${i + 1}.txt`))
  })

  it('sorts the answer: duplicates apart from refused files; a file the host finds large is asked about and sent again', async () => {
    const { calls, store, imports, question } = setup((files, confirmLarge) => {
      if (confirmLarge) return null
      return {
        imported: [],
        errors: [
          { name: 'again.txt', kind: 'duplicate', message: 'again.txt has the same text as "A", which is already in the project.' },
          { name: 'photo.txt', kind: 'refused', message: 'photo.txt looks like a binary file.' },
          { name: 'grown.txt', kind: 'needs-confirmation', message: 'grown.txt is 21 MB, larger than most texts; import it anyway?' },
        ].filter((e) => files.some((f) => f.name === e.name)) as ImportResult['errors'],
      }
    })
    const done = imports.run([file('again.txt'), file('photo.txt'), file('grown.txt')])
    expect(await question()).toMatchObject({ kind: 'large', name: 'grown.txt' })
    imports.answer(true)
    await done
    expect(calls.map((c) => [c.args.confirmLarge, c.args.files.map((f) => f.name)])).toEqual([
      [false, ['again.txt', 'grown.txt', 'photo.txt']],
      [true, ['grown.txt']],
    ])
    const report = store.get().imported!
    expect(report.duplicates.map((d) => d.name)).toEqual(['again.txt'])
    expect(report.errors.map((d) => d.name)).toEqual(['photo.txt'])
    expect(report.imported.map((d) => d.title)).toEqual(['grown.txt'])
  })

  it('refuses a file too large to send without reading it, and every file of a request the host could not take', async () => {
    const client = createClient(async () => ({
      ok: false,
      error: { code: 'unavailable', retry: 'never', message: 'Marginalia is not reachable.' },
    }))
    const store = new Store<SessionState>(initialState)
    const read: string[] = []
    const imports = new TextImport(
      store,
      client,
      () => {},
      async (f) => (read.push(f.name), 'eA=='),
    )
    await imports.run([file('huge.txt', 40_000_000), file('a.txt')])
    expect(read).toEqual(['a.txt'])
    expect(store.get().imported!.errors).toEqual([
      { name: 'huge.txt', message: 'huge.txt is 40 MB; texts up to 29 MB can be imported, so split it into parts.' },
      { name: 'a.txt', message: 'Marginalia is not reachable.' },
    ])
  })
})
