/**
 * The Analysis' CSVs join as a researcher joins them in pandas or R: the node list's `key` to the
 * statements table's `actor_key` and `target_key`, both read by Python's csv module, with formula
 * protection on (a key starting with "=" gets its apostrophe in both files alike).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toDelimitedText } from '../../../shared/interchange/delimited'
import { defaultLabels } from '../../../shared/model/labels'
import { buildNetwork } from '../../../shared/discourse/network'
import { nodeTable } from '../../../shared/discourse/network-columns'
import { buildStatements } from '../../../shared/discourse/statements'
import { statementsTable } from '../../../shared/discourse/statements-table'
import { discourseLayer, source, stance } from '../../../shared/testing/discourse-layers'

describe('joining the node list to the statements table', () => {
  it('on key and actor_key as Python reads them, formula protection and all', () => {
    const set = buildStatements({
      labels: defaultLabels,
      layers: [
        discourseLayer({
          document: 'd',
          title: 'D',
          annotator: 'maria',
          text: 'The ministry condemned the plan. Hamas welcomed it.',
          marks: [
            source('m', 'The ministry', 'government', '=Ministry'),
            source('h', 'Hamas', 'organization'),
            stance('s1', 'condemned the plan', 'against', '+plan', 'm'),
            stance('s2', 'welcomed it', 'favor', '+plan', 'h'),
          ],
        }),
      ],
    })
    const options = { neutralizeFormulas: true }
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-join-'))
    try {
      writeFileSync(join(dir, 'nodes.csv'), toDelimitedText(nodeTable(buildNetwork(set, { mode: 'actor-target' })), options))
      writeFileSync(join(dir, 'statements.csv'), toDelimitedText(statementsTable(set), options))
      const read = (name: string) =>
        JSON.parse(
          execFileSync('python3', [join(import.meta.dirname, '../../../fixtures/readers/tables.py'), 'csv', join(dir, name)], {
            encoding: 'utf8',
          }),
        ) as string[][]
      const [nodeHeader, ...nodes] = read('nodes.csv')
      const [header, ...statements] = read('statements.csv')
      const nodeKeys = (mode: string) =>
        new Set(nodes.filter((n) => n[nodeHeader!.indexOf('mode')] === mode).map((n) => n[nodeHeader!.indexOf('key')]))
      const column = (name: string) => new Set(statements.map((r) => r[header!.indexOf(name)]))
      // Protected alike in both files (an apostrophe before "="), so they join as written.
      expect(nodeKeys('actor')).toEqual(column('actor_key'))
      expect(nodeKeys('target')).toEqual(column('target_key'))
      expect(column('actor_key')).toContain("'=ministry")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
