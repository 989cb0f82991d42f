/**
 * Builders for core tests: real project folders in the OS temp folder, filled through the same
 * calls the app makes. Only tests import this module.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { dispatch, type OpenedDocument } from '../../shared/api'
import { receivedAnnotations } from '../../shared/annotations/sent-form'
import type { Annotation, AnnotationOp } from '../../shared/model/annotation'
import { TextIndex } from '../../shared/offsets'
import { createHandlers } from './app/handlers'
import { Workbench } from './app/workbench'
import { Project } from './project/project'

/** The repository's folder, and its fixtures (the sample project, test corpora, readers we did not write). */
export const REPO = resolve(import.meta.dirname, '../..')
export const FIXTURES = join(REPO, 'fixtures')

/** Texts that break naive offset code: emoji, combining marks, RTL scripts, CRLF, quotes. */
export const trickyTexts = {
  emoji: 'Officials 😀 said the talks 👩‍👩‍👧 had "failed".\nThe ministry 🇺🇦 denied it.',
  combining: 'Zoe\u0301 Nguye\u0302\u0303n, a spokeswoman, said: "we will not accept this".',
  rtl: 'The IDF said: "ישראל במלחמה". Hamas replied: "حماس لن تستسلم", officials said.',
  crlf: 'First paragraph, with a claim.\r\n\r\nSecond paragraph; "quoted", with commas.\r\n',
}

/**
 * A browser-mode workbench on a temp copy of the sample project, its annotator "tester" (the
 * project in `root`/p, settings in `root`/config); `cleanup` closes it and removes the folder.
 */
export async function sampleWorkbench(): Promise<{ wb: Workbench; root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-workbench-'))
  await cp(join(FIXTURES, 'sample-project'), join(root, 'p'), { recursive: true })
  const wb = await Workbench.start({ configDir: join(root, 'config'), host: 'browser', version: 'test' })
  await wb.setAnnotator('tester')
  await wb.open(join(root, 'p'))
  const cleanup = async () => {
    await wb.close()
    await rm(root, { recursive: true, force: true })
  }
  return { wb, root, cleanup }
}

/**
 * A browser-mode host called as the UI calls it, through the contract's dispatch (every argument
 * checked): `call` gives the value or throws the host's sentence (with its `code`), `raw` gives
 * dispatch's reply as it is. Its settings are in `dir`/config; no annotator, no project yet.
 */
export async function contractHost(): Promise<{
  call: <T>(method: string, args: unknown) => Promise<T>
  raw: (method: string, args: unknown) => ReturnType<typeof dispatch>
  wb: Workbench
  dir: string
  cleanup: () => Promise<void>
}> {
  const t = await tempDir()
  const wb = await Workbench.start({ configDir: join(t.dir, 'config'), host: 'browser', version: 'test' })
  const handlers = createHandlers(wb)
  const raw = (method: string, args: unknown) => dispatch(handlers, method, args)
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const r = await raw(method, args)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    return r.value as T
  }
  const cleanup = async () => {
    await wb.close()
    await t.cleanup()
  }
  return { call, raw, wb, dir: t.dir, cleanup }
}

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'marginalia-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A copy of the sample project, opened; with `annotations: false`, the same texts and no layers. */
export async function sampleCopy(annotations = true): Promise<{ project: Project; cleanup: () => Promise<void> }> {
  const t = await tempDir()
  await cp(join(FIXTURES, 'sample-project'), join(t.dir, 'p'), { recursive: true })
  if (!annotations) {
    await rm(join(t.dir, 'p', 'annotations'), { recursive: true })
    await mkdir(join(t.dir, 'p', 'annotations'))
  }
  return { project: await Project.open(join(t.dir, 'p')), cleanup: t.cleanup }
}

/**
 * Copies of the sample project for a test file: `sample()` makes one (as sampleCopy), `cleanup()`
 * removes every copy made so far (for afterEach).
 */
export function sampleCopies(): { sample: (annotations?: boolean) => Promise<Project>; cleanup: () => Promise<void> } {
  const cleanups: (() => Promise<void>)[] = []
  return {
    sample: async (annotations = true) => {
      const { project, cleanup } = await sampleCopy(annotations)
      cleanups.push(cleanup)
      return project
    },
    cleanup: async () => {
      for (const c of cleanups.splice(0)) await c()
    },
  }
}

/** A new project in a temp folder with the given texts imported (name -> content). */
export async function projectWith(texts: Record<string, string | Uint8Array>) {
  const { dir, cleanup } = await tempDir()
  const project = await Project.create(join(dir, 'project'), 'Test project')
  const files = Object.entries(texts).map(([name, content]) => ({
    name,
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  }))
  const result = await project.importFiles(files)
  return { project, dir: project.dir, result, cleanup }
}

/** A put op tagging the first occurrence of `quote` in a document's stored text. */
export async function tagOp(
  project: Project,
  docId: string,
  quote: string,
  label: string,
  id: string,
  attributes: Record<string, string> = {},
  note = '',
): Promise<AnnotationOp> {
  const index = await project.text(docId)
  const u16 = index.text.indexOf(quote)
  if (u16 < 0) throw new Error(`"${quote}" is not in ${docId}`)
  const start = index.u16ToCp(u16)
  const end = index.u16ToCp(u16 + quote.length)
  return { op: 'put', annotation: { id, label, start, end, attributes, note } }
}

/** Apply ops to an annotator's layer of a document as the core does, at `now`. */
export async function annotateAs(
  project: Project,
  annotator: string,
  docId: string,
  ops: AnnotationOp[],
  now = '2026-11-01T10:00:00.000Z',
) {
  return (await project.layer(annotator, docId)).apply(ops, await project.text(docId), project.tagSet, now)
}

/** The annotations an opened document holds, as the page puts them back from their sent form. */
export function annotationsOf(opened: OpenedDocument): Annotation[] {
  return receivedAnnotations(new TextIndex(opened.text), opened.annotator, opened.annotations)
}
