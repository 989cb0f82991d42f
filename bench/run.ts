/**
 * `npm run bench`: runs the benchmarks, writes bench/results/results.json and prints a markdown
 * table. Times depend on the machine; compare rows of one run, not numbers across machines.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { measureAgreement } from './agreement'
import { measureSave } from './save'

const small = await measureSave(3)
const large = await measureSave(3000)
const agreement = await measureAgreement()
const results = { date: new Date().toISOString(), node: process.version, save: [small, large], agreement }
const dir = join(import.meta.dirname, 'results')
await mkdir(dir, { recursive: true })
await writeFile(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)

const ms = (n: number) => n.toFixed(2)
console.log('\n| save one annotation (to fsync) | median ms | p95 ms |\n|---|---|---|')
for (const r of [small, large]) console.log(`| ${r.documents}-document project | ${ms(r.medianMs)} | ${ms(r.p95Ms)} |`)
console.log(`\nratio 3,000 / 3 documents (median): ${(large.medianMs / small.medianMs).toFixed(2)} (1.00 = independent of project size)`)
console.log('\n| computation | median ms | p95 ms |\n|---|---|---|')
for (const t of agreement) console.log(`| ${t.name} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} |`)
console.log(`\nresults: ${join(dir, 'results.json')}`)
