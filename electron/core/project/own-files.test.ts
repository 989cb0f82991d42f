import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ownFileAt, refuseOwnFile } from './own-files'

describe("a project's own files", () => {
  const dir = join('/tmp', 'p')
  it('are project.json, guidelines.md and everything in texts/, annotations/ and .marginalia/', () => {
    expect(ownFileAt(dir, join(dir, 'project.json'))).toBe('project.json')
    expect(ownFileAt(dir, join(dir, 'guidelines.md'))).toBe('guidelines.md')
    expect(ownFileAt(dir, join(dir, 'annotations', 'maria', 'x.json'))).toBe('annotations/')
    expect(ownFileAt(dir, join(dir, '.marginalia'))).toBe('.marginalia/')
    expect(ownFileAt(dir, join(dir, 'texts'))).toBe('texts/')
    expect(ownFileAt(dir, dir)).toBe('the project folder itself')
    // A folder of its own in the project, or anywhere else, is the user's.
    expect(ownFileAt(dir, join(dir, 'exports', 'spans.csv'))).toBeNull()
    expect(ownFileAt(dir, join(dir, 'spans.csv'))).toBeNull()
    expect(ownFileAt(dir, join('/tmp', 'project.json'))).toBeNull()
    expect(ownFileAt(dir, join(dir, '..', 'p2', 'project.json'))).toBeNull()
  })

  it('are refused in one sentence', () => {
    expect(() => refuseOwnFile(dir, join(dir, 'project.json'))).toThrow(
      `${join(dir, 'project.json')} is in this project's own files (project.json), which Marginalia keeps for itself; write the export outside it, or in a folder of its own in the project.`,
    )
    expect(() => refuseOwnFile(dir, join(dir, 'exports', 'a.csv'))).not.toThrow()
  })
})
