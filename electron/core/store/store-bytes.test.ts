import { readFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Project } from '../project/project'
import { projectWith } from '../testing'
import { storeBytes } from './store-bytes'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** What the store wrote before these pieces were kept: the reference the bytes must equal. */
const reference = (data: unknown) => Buffer.from(`${JSON.stringify(data, null, 2)}\n`)

/**
 * The 'line' layout, made another way: JSON.stringify(data, null, 2) with every element of a
 * top-level list swapped for a placeholder, each placeholder then replaced by the element's
 * JSON.stringify (null for what JSON has no value for).
 */
function lineReference(data: unknown): Buffer {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return reference(data)
  const swapped: Record<string, unknown> = {}
  const elements: string[] = []
  for (const [key, value] of Object.entries(data)) {
    swapped[key] = Array.isArray(value)
      ? Array.from({ length: value.length }, (_, i) => {
          elements.push(JSON.stringify(value[i]) ?? 'null')
          return `\u0000element ${elements.length - 1}`
        })
      : value
  }
  const text = JSON.stringify(swapped, null, 2).replace(/"\\u0000element (\d+)"/g, (_, i: string) => elements[Number(i)]!)
  return Buffer.from(`${text}\n`)
}

const annotation = (i: number) => ({
  id: `a${i}`,
  label: 'claim',
  start: i,
  end: i + 4,
  quote: i % 2 ? 'Müller «nein» 北京 👩‍👩‍👧' : 'a "quoted"\nline\ttab \\ back',
  attributes: { nested: { deeper: [1, 'two', null, { three: 3 }] }, empty: {}, none: [] },
  note: '',
})

describe('storeBytes', () => {
  it('equals JSON.stringify(data, null, 2) and a line break, byte for byte, for every shape a store can hold', () => {
    const sparse: unknown[] = [annotation(1)]
    sparse[2] = annotation(2) // a hole at 1
    const shapes: unknown[] = [
      { version: 3, annotations: [annotation(1), annotation(2)], links: [], status: { state: 'done' } },
      { annotations: [annotation(3)] },
      {},
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      { only: undefined },
      { list: [1, 'two', null, undefined, [3, [4]], () => 5, true, { x: [] }] },
      { when: new Date(0), list: [new Date(1), { at: new Date(2) }] },
      { list: sparse },
      { 'odd "key"\n': [annotation(4)], '10': 'integer keys come first', z: [{}] },
      { surrogate: '\ud800 lone', list: [{ s: '\udc00' }] },
      [annotation(5), 1],
      'a string',
      42,
      null,
    ]
    for (const data of shapes) {
      expect(storeBytes(data).equals(reference(data)), JSON.stringify(data)).toBe(true)
      // A second time, from the kept pieces.
      expect(storeBytes(data).equals(reference(data)), JSON.stringify(data)).toBe(true)
    }
  })

  it("with the 'line' layout, writes each element of a top-level list on a line of its own, the rest as before", () => {
    const sparse: unknown[] = [annotation(1)]
    sparse[2] = annotation(2)
    const shapes: unknown[] = [
      { version: 3, annotations: [annotation(1), annotation(2)], links: [], status: { state: 'done' } },
      { annotations: [annotation(3)], note: 'a\nb' },
      {},
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      { list: [1, 'two', null, undefined, [3, [4]], () => 5, true, { x: [] }] },
      { when: new Date(0), list: [new Date(1), { at: new Date(2) }] },
      { list: sparse },
      { 'odd "key"\n': [annotation(4)], '10': 'integer keys come first', z: [{}] },
      [annotation(5), 1],
      'a string',
      null,
    ]
    for (const data of shapes) {
      expect(storeBytes(data, 'line').toString(), JSON.stringify(data)).toBe(lineReference(data).toString())
      expect(storeBytes(data, 'line').equals(lineReference(data)), JSON.stringify(data)).toBe(true)
      // The layouts keep their pieces apart: the indented bytes are still the indented ones.
      expect(storeBytes(data).equals(reference(data)), JSON.stringify(data)).toBe(true)
      expect(JSON.parse(storeBytes(data, 'line').toString())).toEqual(JSON.parse(reference(data).toString()))
    }
    const lines = storeBytes({ annotations: [annotation(1), annotation(2)] }, 'line')
      .toString()
      .split('\n')
    expect([lines[0], lines[1], lines[4], lines[5], lines[6]]).toEqual(['{', '  "annotations": [', '  ]', '}', ''])
    expect(lines).toHaveLength(7)
    expect(JSON.parse(lines[2]!.replace(/^ {4}|,$/g, ''))).toEqual(annotation(1))
    expect(JSON.parse(lines[3]!)).toEqual(annotation(2))
  })

  it('reuses an unchanged element and writes a new one as it is now', () => {
    const kept = annotation(1)
    const first = { annotations: [kept] }
    expect(storeBytes(first).equals(reference(first))).toBe(true)
    const second = { annotations: [kept, { ...kept, id: 'a2', note: 'changed' }] }
    expect(storeBytes(second).equals(reference(second))).toBe(true)
    expect(storeBytes(second).toString()).toContain('"note": "changed"')
  })

  it('freezes what it keeps, so a change made in place throws instead of being left out of the file', () => {
    const kept = annotation(1)
    storeBytes({ annotations: [kept] })
    expect(() => {
      ;(kept as { note: string }).note = 'changed in place'
    }).toThrow(TypeError)
    expect(() => {
      ;(kept.attributes.nested.deeper as unknown[]).push(5)
    }).toThrow(TypeError)
  })

  it('writes an element that is not plain data afresh at every save (a getter, a Date changed in place, a typed array)', () => {
    let v = 1
    const getter = {
      get v() {
        return v
      },
    }
    const when = { at: new Date(0) }
    const data = { list: [getter, when, { bytes: new Uint8Array([1, 2]) }] }
    expect(storeBytes(data).equals(reference(data))).toBe(true)
    v = 3
    when.at.setTime(86_400_000)
    expect(storeBytes(data).equals(reference(data))).toBe(true)
    expect(storeBytes(data).toString()).toContain('"v": 3')
  })

  it('is what a layer holds on disk after saves, as Python reads it', async () => {
    const made = await projectWith({ 'talks.txt': 'Officials said the talks had failed in Moscow on Tuesday.' })
    cleanups.push(made.cleanup)
    const project = await Project.open(made.dir)
    const doc = project.documents[0]!
    const text = await project.text(doc.id)
    const layer = await project.layer('maria', doc.id)
    const put = (id: string, start: number, end: number) => ({
      op: 'put' as const,
      annotation: { id, label: 'claim', start, end, attributes: {}, note: 'ü 👩‍👩‍👧' },
    })
    await layer.apply([put('x1', 0, 9), put('x2', 10, 14)], text, project.tagSet, '2026-12-03T10:00:00.000Z')
    await layer.apply([put('x3', 19, 24)], text, project.tagSet, '2026-12-03T10:00:01.000Z')
    await layer.apply([{ op: 'delete', id: 'x1' }], text, project.tagSet, '2026-12-03T10:00:02.000Z')
    const path = join(made.dir, 'annotations', 'maria', `${doc.id}.json`)
    const onDisk = await readFile(path)
    const reopened = await Project.open(made.dir)
    const data = await reopened.layer('maria', doc.id)
    expect(data.annotations.map((a) => a.id)).toEqual(['x2', 'x3'])
    // Python's json module reads the same file and writes it back in the layer's layout: indented
    // by two spaces, each element of a top-level list compact on a line of its own.
    const script = [
      'import json, sys',
      'd = json.load(open(sys.argv[1], encoding="utf-8"))',
      'def put(k, v):',
      '    head = "\\n  " + json.dumps(k) + ": "',
      '    if isinstance(v, list) and v:',
      '        return head + "[\\n    " + ",\\n    ".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in v) + "\\n  ]"',
      '    return head + json.dumps(v, indent=2, ensure_ascii=False).replace("\\n", "\\n  ")',
      'print("{" + ",".join(put(k, v) for k, v in d.items()) + "\\n}")',
    ].join('\n')
    const python = execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })
    expect(python).toBe(onDisk.toString('utf8'))
    expect(onDisk.toString('utf8')).toContain('\n    {"id":"x2","label":"claim",')
  })
})
