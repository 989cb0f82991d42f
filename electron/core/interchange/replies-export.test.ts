/**
 * Replies in the JSON Lines and W3C exports: each annotation's thread goes out with it (JSON Lines'
 * `replies`, W3C annotations with motivation replying), read back by Python's json module and held
 * to the Web Annotation model's MUSTs; importing such a file says how many replies it left out
 * (a note, not a problem), and a round trip into a copy of the project gives the same bytes.
 */
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { annotationProblems, collectionProblems } from '../../../shared/interchange/web-annotation-musts'
import { addReply } from '../app/notes-service'
import type { Project } from '../project/project'
import { sampleCopies } from '../testing'
import { exportProject } from './export-formats'
import { importAnnotations } from './import-annotations'

const NOW = '2026-11-02T10:00:00.000Z'
/** Copies of the sample project; with `annotations: false`, the same texts and no layers. */
const copies = sampleCopies()
afterEach(copies.cleanup)
const sample = copies.sample

const TEXTS = ['I read this as neutral, not "against".\nSee §4.', 'Согласна — 同意 👩‍👩‍👧']

/** The sample project with a thread of two replies (jonas's first, then maria's) on maria's first annotation. */
async function withThread(): Promise<{ project: Project; docId: string; on: string }> {
  const project = await sample()
  const docId = project.documents[0]!.id
  const on = (await project.layer('maria', docId)).annotations[0]!.id
  // Saved out of time order: the thread is in time order all the same.
  await addReply(project, 'maria', docId, { layer: 'maria', annotation: on }, TEXTS[1]!, '2026-11-01T09:05:00.000Z')
  await addReply(project, 'jonas', docId, { layer: 'maria', annotation: on }, TEXTS[0]!, '2026-11-01T09:00:00.000Z')
  return { project, docId, on }
}

const request = (format: 'jsonl' | 'w3c') => ({ annotators: 'all' as const, reviewed: false, format, base: null })

describe('replies in the JSON Lines export', () => {
  it("go with the annotation they answer, in time order, as Python's json module reads them; every other line has none", async () => {
    const { project, docId, on } = await withThread()
    const out = await exportProject(project, request('jsonl'), new Date(NOW))
    const file = join(project.dir, '..', 'export.jsonl')
    await writeFile(file, out.entries[0]!.content)
    const script = [
      'import json, sys',
      'rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]',
      'print(json.dumps([[r["document"], r["annotator"], r["id"], r["replies"]] for r in rows], ensure_ascii=False))',
    ].join('\n')
    const rows = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as [string, string, string, unknown[]][]
    const answered = rows.filter((r) => r[3].length > 0)
    expect(answered).toEqual([
      [
        docId,
        'maria',
        on,
        [
          { author: 'jonas', created: '2026-11-01T09:00:00.000Z', text: TEXTS[0] },
          { author: 'maria', created: '2026-11-01T09:05:00.000Z', text: TEXTS[1] },
        ],
      ],
    ])
    expect(rows.length).toBe(out.annotations)
    expect(rows.length).toBeGreaterThan(10)
  })

  it('are said and left out when the file is imported; a round trip into a copy of the project gives the same bytes', async () => {
    const { project } = await withThread()
    const first = await exportProject(project, request('jsonl'), new Date(NOW))
    const file = join(project.dir, '..', 'export.jsonl')
    await writeFile(file, first.entries[0]!.content)

    const fresh = await sample(false)
    const report = await importAnnotations(fresh, file, 'rita', null, NOW)
    expect(report.errors).toEqual([])
    expect(report.notes).toEqual([
      'export.jsonl: 2 replies were not imported (replies come into a project only with a project archive; those it has stay).',
    ])
    expect(report.layers.reduce((n, l) => n + l.imported, 0)).toBe(first.annotations)
    const withoutReplies = await exportProject(fresh, request('jsonl'), new Date(NOW))
    expect(withoutReplies.entries[0]!.content).toBe(String(first.entries[0]!.content).replace(/"replies":\[[^\]]+\]/, '"replies":[]'))

    // Into the project it came from: every layer is already up to date, replies and all.
    const again = await importAnnotations(project, file, 'rita', null, NOW)
    expect(again.errors).toEqual([])
    expect(again.layers.every((l) => l.skipped !== null && l.imported === 0)).toBe(true)
    expect((await exportProject(project, request('jsonl'), new Date(NOW))).entries[0]!.content).toBe(first.entries[0]!.content)
  })
})

describe('replies in the W3C export', () => {
  it('are annotations replying to the one they answer, each keeping every MUST of the model', async () => {
    const { project, docId, on } = await withThread()
    const out = await exportProject(project, request('w3c'), new Date(NOW))
    const json = JSON.parse(out.entries[0]!.content as string) as {
      '@context': unknown
      total: number
      first: { items: (Record<string, unknown> & { id: string; motivation: string })[] }
    }
    expect(collectionProblems(json)).toEqual([])
    for (const item of json.first.items) expect(annotationProblems(item, json['@context'])).toEqual([])
    expect(json.total).toBe(json.first.items.length)
    const replies = json.first.items.filter((i) => i.motivation === 'replying')
    const answered = json.first.items.find((i) => i.motivation === 'tagging' && i.id.endsWith(`:maria:${docId}:${on}`))!
    expect(
      replies.map((r) => [r.target, (r.creator as { nickname: string }).nickname, r.created, (r.body as { value: string }).value]),
    ).toEqual([
      [answered.id, 'jonas', '2026-11-01T09:00:00.000Z', TEXTS[0]],
      [answered.id, 'maria', '2026-11-01T09:05:00.000Z', TEXTS[1]],
    ])
    // Named as kept: in its author's layer.
    expect(replies[0]!.id).toMatch(new RegExp(`:jonas:${docId}:r-`))
  })

  it('are said and left out when the file is imported, not taken for annotations; a round trip into a copy gives the same bytes', async () => {
    const { project } = await withThread()
    const first = await exportProject(project, request('w3c'), new Date(NOW))
    const file = join(project.dir, '..', 'export.jsonld')
    await writeFile(file, first.entries[0]!.content)
    const fresh = await sample(false)
    const report = await importAnnotations(fresh, file, 'rita', null, NOW)
    expect(report.errors).toEqual([])
    expect(report.notes).toEqual([
      'export.jsonld: 2 replies were not imported (replies come into a project only with a project archive; those it has stay).',
    ])
    expect(report.layers.reduce((n, l) => n + l.imported, 0)).toBe(first.annotations)
    const again = await importAnnotations(project, file, 'rita', null, NOW)
    expect(again.errors).toEqual([])
    expect((await exportProject(project, request('w3c'), new Date(NOW))).entries[0]!.content).toBe(first.entries[0]!.content)
  })
})
