/**
 * An axe-core audit of the page as it is: every rule axe runs by default (WCAG A and AA and its
 * best practices) and the experimental check that a control's accessible name holds its visible
 * text. axe is put into the page with page.evaluate, which the page's CSP does not govern, so the
 * page keeps the CSP it runs under. The violations come back as lines a person can act on.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; summary: string }[]
}

/** Run axe on the whole page; returns one line per violation and element ('' when there is none). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    })
    return (
      result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[]
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }))
  })
  return (violations as Violation[]).flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: ${n.summary}`),
  )
}
