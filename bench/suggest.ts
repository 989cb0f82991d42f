/**
 * Suggestions (issue 16): time to propose sources, claims and links for a 1 MB text (the sample
 * project's three articles repeated), as the core runs `shared/suggest` for `suggestions.document`
 * and the CLI. One warm-up on 50 kB first; wall and CPU time per run.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { suggest } from '../shared/suggest/suggest'

export interface SuggestBench {
  characters: number
  spans: number
  medianMs: number
  p95Ms: number
  cpuMedianMs: number
}

export function measureSuggest(runs = 5): SuggestBench {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'sample-project', 'texts')
  const articles = readdirSync(dir)
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n\n')
  let text = ''
  while (text.length < 1_000_000) text += `${articles}\n\n`
  suggest(text.slice(0, 50_000))
  const wall: number[] = []
  const cpu: number[] = []
  let spans = 0
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage()
    const start = performance.now()
    spans = suggest(text).spans.length
    wall.push(performance.now() - start)
    const used = process.cpuUsage(before)
    cpu.push((used.user + used.system) / 1000)
  }
  wall.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  return {
    characters: text.length,
    spans,
    medianMs: wall[Math.floor(runs / 2)]!,
    p95Ms: wall[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
    cpuMedianMs: cpu[Math.floor(runs / 2)]!,
  }
}

export function suggestTable(r: SuggestBench): string {
  return [
    '\n| suggestions (issue 16) | median ms | p95 ms | CPU median ms |',
    '|---|---|---|---|',
    `| a 1 MB text (${r.characters.toLocaleString('en')} characters, ${r.spans.toLocaleString('en')} spans proposed) | ${r.medianMs.toFixed(0)} | ${r.p95Ms.toFixed(0)} | ${r.cpuMedianMs.toFixed(0)} |`,
  ].join('\n')
}
