/**
 * parseStoreFile (zod's compiled parser of StoreFile) against StoreFile.safeParse (zod's
 * interpreted one): random near-valid stores (fast-check), each annotation and link mostly right
 * and sometimes bent at one field, judged by both: the same success, the same data in the same key
 * order (the file is written back as it was read), the same first problem.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StoreFile, parseStoreFile } from './project'

const RUNS = 400

/** Some JSON value of any kind, for a field that holds the wrong thing. */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
)

/** Mostly a right value, sometimes a boundary case or a wrong one: so about a third of the values generated are valid. */
const mostly = <T, U>(right: fc.Arbitrary<T>, tricky: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 24, arbitrary: right }, { weight: 1, arbitrary: tricky }, { weight: 1, arbitrary: anyJson })

const id = mostly(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.constantFrom('', 'a'.repeat(64), 'a'.repeat(65), 'a b', 'ä', 'x.y', '-', '_', 'a\n'),
)
const slug = mostly(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,31}$/),
  fc.constantFrom('Claim', '1claim', 'a'.repeat(32), 'a'.repeat(33), 'a-b', '', '_x', '__proto__', 'constructor', 'claim\n'),
)
const name = mostly(
  fc.constantFrom('anna', 'Zoë Müller', 'Ольга', '李明', 'a', 'a.b', 'x'.repeat(64), 'a_', '٣٤', 'Mary-Jane O_Neil'),
  fc.oneof(fc.constantFrom('a.', 'a ', ' a', '_reviewed', 'x'.repeat(65), '', 'a\n', 'a/b'), fc.string({ maxLength: 8 })),
)
const time = mostly(
  fc.oneof(
    fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.constantFrom('2026-12-04T18:40:45Z', '2026-12-04T18:40:45.316+01:00', '2024-02-29T00:00:00Z', '2026-12-04T18:40:45.1234567-05:30'),
  ),
  fc.oneof(
    fc.constantFrom(
      '2026-12-04T18:40Z',
      '2026-12-04T18:40:45.316+0100',
      '2026-12-04T18:40:45.316z',
      '2026-12-04 18:40:45Z',
      '2026-12-04T24:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-12-04T18:40:45.316',
      '2026-12-04',
      '',
    ),
    fc.string({ maxLength: 30 }),
  ),
)
const offset = mostly(fc.nat(), fc.constantFrom(-0, -1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 1e300, NaN))
const text = (max: number) =>
  mostly(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), '😀'.repeat(max / 2), '😀'.repeat(max / 2) + 'x'),
  )

/** A value that may be valid: its fields mostly right, and sometimes a key missing, one too many, or something else entirely. */
function bent<T extends Record<string, unknown>>(shape: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 24, arbitrary: shape },
    shape.chain((v) => fc.constantFrom(...Object.keys(v)).map((k) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k)))),
    shape.map((v) => ({ ...v, extra: 1 })),
    anyJson,
  )
}

const position = bent(
  fc.record({ type: mostly(fc.constant('TextPositionSelector'), fc.constant('TextQuoteSelector')), start: offset, end: offset }),
)
const quote = bent(
  fc.record({
    type: mostly(fc.constant('TextQuoteSelector'), fc.constant('TextPositionSelector')),
    exact: mostly(fc.string(), fc.constant('')),
    prefix: mostly(fc.string(), fc.constant('')),
    suffix: mostly(fc.string(), fc.constant('')),
  }),
)
const target = bent(fc.record({ position, quote }))
const attributeKey = fc.oneof(
  { weight: 10, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,31}$/) },
  fc.constantFrom('Polarity', '', '__proto__', 'a'.repeat(33)),
)
const attributes = mostly(fc.dictionary(attributeKey, text(1000), { maxKeys: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }))
const annotation = bent(fc.record({ id, label: slug, target, attributes, note: text(20000), author: name, created: time, modified: time }))
const link = bent(fc.record({ id, type: slug, from: id, to: id, author: name, created: time }))

/** A valid store around these annotations and links. */
function storeOf(annotations: unknown[], links: unknown[] = []) {
  return { format: 'marginalia-annotations', version: 2, document: 'doc-1', sha256: 'a'.repeat(64), annotator: 'anna', annotations, links }
}

/** parseStoreFile and StoreFile.safeParse give the same answer for `s`; returns whether it was accepted. */
function same(s: unknown): boolean {
  const expected = StoreFile.safeParse(s)
  const got = parseStoreFile(s)
  expect(got.success).toBe(expected.success)
  if (expected.success && got.success) {
    expect(got.data).toEqual(expected.data)
    expect(Object.keys(got.data)).toEqual(Object.keys(expected.data))
  } else expect(got.error?.issues[0]).toEqual(expected.error?.issues[0])
  return expected.success
}

describe('parseStoreFile answers as StoreFile.safeParse, annotation by annotation', () => {
  it('for an annotation mostly right and sometimes bent', () => {
    let accepted = 0
    fc.assert(
      fc.property(annotation, (a) => {
        if (same(storeOf([a]))) accepted++
      }),
      { numRuns: RUNS * 5 },
    )
    // Valid and invalid values both, in numbers worth the name.
    expect(accepted).toBeGreaterThan(RUNS * 5 * 0.15)
    expect(accepted).toBeLessThan(RUNS * 5 * 0.85)
  })

  it('for a link mostly right and sometimes bent', () => {
    fc.assert(
      fc.property(link, (l) => {
        same(storeOf([], [l]))
      }),
      { numRuns: RUNS * 5 },
    )
  })

  it('the cases worth naming', () => {
    const a = {
      id: 'a1',
      label: 'claim',
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 4 },
        quote: { type: 'TextQuoteSelector', exact: 'text', prefix: '', suffix: '' },
      },
      attributes: { polarity: 'pro' },
      note: '',
      author: 'Zoë Müller',
      created: '2026-12-04T18:40:45.316Z',
      modified: '2026-12-04T18:40:45.316+01:00',
    }
    expect(same(storeOf([a]))).toBe(true)
    expect(same(storeOf([{ ...a, created: '2026-02-29T00:00:00Z' }]))).toBe(false)
    expect(same(storeOf([{ ...a, author: 'a ' }]))).toBe(false)
    // An unknown key is dropped, as the schema drops it.
    expect(same(storeOf([{ ...a, extra: 1 }]))).toBe(true)
    expect(same(storeOf([{ ...a, target: { ...a.target, position: { ...a.target.position, end: 4.5 } } }]))).toBe(false)
    expect(same(storeOf([{ ...a, attributes: { Polarity: 'pro' } }]))).toBe(false)
    expect(same(storeOf([{ ...a, note: '😀'.repeat(20_000) }]))).toBe(true)
    expect(same(storeOf([{ ...a, note: '😀'.repeat(20_000) + 'x' }]))).toBe(false)
    same(storeOf([JSON.parse(JSON.stringify(a).replace('"note"', '"__proto__":{},"note"'))]))
  })
})

describe('parseStoreFile answers as StoreFile.safeParse', () => {
  const store = fc.record(
    {
      format: fc.constantFrom('marginalia-annotations', 'other'),
      version: fc.constantFrom(2, 1, 0, 2.5),
      document: fc.constantFrom('doc-1', 'Doc'),
      sha256: fc.constantFrom('a'.repeat(64), 'A'.repeat(64)),
      annotator: name,
      annotations: fc.oneof(fc.array(annotation, { maxLength: 4 }), anyJson),
      links: fc.oneof(fc.array(link, { maxLength: 3 }), anyJson),
      status: fc.constantFrom({ state: 'done', at: '2026-12-04T18:40:45.316Z' }, 'done', { state: 'nope' }),
      memo: fc.constantFrom({ text: 'a memo', modified: '2026-12-04T18:40:45.316Z' }, 7),
      deleted: time,
      extra: fc.constant(1),
    },
    { requiredKeys: ['format', 'version', 'document', 'sha256', 'annotator'] },
  )

  it('the same success, data and first problem', () => {
    fc.assert(
      fc.property(store, (s) => {
        const expected = StoreFile.safeParse(s)
        const got = parseStoreFile(s)
        expect(got.success).toBe(expected.success)
        if (expected.success && got.success) {
          expect(got.data).toEqual(expected.data)
          // Key order too: the file is written back in the order it was read.
          expect(Object.keys(got.data)).toEqual(Object.keys(expected.data))
        } else expect(got.error?.issues[0]).toEqual(expected.error?.issues[0])
      }),
      { numRuns: RUNS },
    )
  })
})
