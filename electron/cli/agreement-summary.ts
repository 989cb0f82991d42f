/**
 * The agreement report as text for a terminal: the project's figures per label and pair, then
 * one line per document. Undefined figures print as "—". The full report is `--json`.
 */
import { formatFigure } from '../../shared/agreement/figure'
import { plural } from '../../shared/plural'
import type { AgreementReport, Figure, ScopeAgreement } from '../../shared/agreement/report'

const fmt = (x: Figure) => formatFigure(x, 3)

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)))
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

function scopeTable(scope: ScopeAgreement, labels: string[]): string {
  const rows = [['label', 'pair', 'kappa', 'alpha', 'F1 exact', 'F1 overlap']]
  for (const label of [...labels, 'all']) {
    const view = label === 'all' ? scope.tokens.overall : scope.tokens.byLabel.find((v) => v.label === label)
    if (!view) continue
    for (const pair of view.pairs) {
      const spans = scope.spans.find((s) => s.a === pair.a && s.b === pair.b)
      rows.push([
        label,
        `${pair.a} / ${pair.b}`,
        fmt(pair.kappa),
        fmt(view.alpha.alpha),
        fmt(spans?.exact.find((r) => r.label === label)?.f1 ?? null),
        fmt(spans?.overlap.find((r) => r.label === label)?.f1 ?? null),
      ])
    }
  }
  return table(rows)
}

/** A readable summary of the report. */
export function agreementSummary(report: AgreementReport): string {
  const lines = [
    `Agreement between ${report.annotators.join(', ')} over ${report.project.documents} documents (${report.project.tokens.tokens} tokens).`,
    "kappa: token-level Cohen's kappa; alpha: Krippendorff's alpha (nominal, all annotators); F1: span matching.",
    '',
    scopeTable(report.project, report.labels),
    '',
  ]
  for (const pair of report.project.spans) {
    for (const attr of pair.attributes)
      lines.push(
        `${attr.label} ${attr.attribute}, ${pair.a} / ${pair.b}: agreement ${fmt(attr.agreement)}, kappa ${fmt(attr.kappa)} over ${plural(attr.n, 'matched pair')}`,
      )
    const links = pair.links.find((l) => l.label === 'all')
    if (links)
      lines.push(`source links, ${pair.a} / ${pair.b}: agreement ${fmt(links.agreement)} over ${plural(links.pairs, 'matched pair')}`)
  }
  lines.push('', 'Per document (overall token kappa of the first pair, alpha):')
  for (const doc of report.documents) {
    const first = doc.tokens.overall.pairs[0]
    const missing = doc.missing.length ? ` (no layer: ${doc.missing.join(', ')})` : ''
    lines.push(`  ${doc.title}: kappa ${fmt(first?.kappa ?? null)}, alpha ${fmt(doc.tokens.overall.alpha.alpha)}${missing}`)
  }
  return lines.join('\n')
}
