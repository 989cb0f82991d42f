import { describe, expect, it } from 'vitest'
import { isLayerFileName, threadCell, threadKey, threadsOf, type Reply } from './memos'

const reply = (id: string, author: string, created: string, layer: string, annotation: string, text = id): Reply => ({
  id,
  on: { layer, annotation },
  text,
  author,
  created,
})

describe('threads', () => {
  it('gather every writer’s replies to one annotation in time order, whoever’s file they came from', () => {
    const threads = threadsOf([
      reply('r3', 'maria', '2026-12-01T12:00:00.000Z', 'maria', 'm1'),
      reply('r1', 'rita', '2026-12-01T10:00:00.000Z', 'maria', 'm1'),
      reply('r2', 'jonas', '2026-12-01T11:00:00.000Z', '_reviewed', 'r-1'),
    ])
    expect(threads.get(threadKey('maria', 'm1'))!.map((r) => r.id)).toEqual(['r1', 'r3'])
    expect(threads.get(threadKey('_reviewed', 'r-1'))!.map((r) => r.id)).toEqual(['r2'])
  })

  it('are one JSON cell in the tables, empty without replies', () => {
    expect(threadCell(undefined)).toBe('')
    const cell = threadCell([reply('r1', 'rita', '2026-12-01T10:00:00.000Z', 'maria', 'm1', 'Why, "here"?\nSee §2')])
    expect(JSON.parse(cell)).toEqual([{ author: 'rita', created: '2026-12-01T10:00:00.000Z', text: 'Why, "here"?\nSee §2' }])
  })

  it('tell layer stores from the project memo in an annotator’s folder', () => {
    expect(isLayerFileName('russia-1a2b.json')).toBe(true)
    expect(isLayerFileName('_project.json')).toBe(false)
    expect(isLayerFileName('.russia.json.lock')).toBe(false)
    expect(isLayerFileName('notes.txt')).toBe(false)
  })
})
