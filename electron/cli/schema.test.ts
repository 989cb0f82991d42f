import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatSchemas } from '../../shared/model/json-schema'

describe('docs/schema', () => {
  it('holds exactly the schemas the code validates with (regenerate: npx marginalia schema --out docs/schema)', () => {
    for (const [name, schema] of Object.entries(formatSchemas())) {
      const committed = JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/schema', name), 'utf8'))
      expect(committed).toEqual(JSON.parse(JSON.stringify(schema)))
    }
  })
})
