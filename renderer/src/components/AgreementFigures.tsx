import { useMemo, useState } from 'react'
import type { AgreementReport, ScopeAgreement } from '../../../shared/agreement/report'
import {
  alphaHeading,
  busiestPair,
  tokenCategoryName,
  whyAlphaMissing,
  whyKappaMissing,
  whyScoreMissing,
} from '../state/model/agreement-format'
import { attributeNames, optionName } from '../../../shared/model/labels'
import { useSessionState } from '../state/react/use-session'
import { AgreementDetailTable } from './AgreementDetailTable'
import { AgreementDocumentsTable } from './AgreementDocumentsTable'
import { AgreementLabelTable } from './AgreementLabelTable'
import { AgreementPairsTable } from './AgreementPairsTable'
import { ConfusionHeatmap } from './ConfusionHeatmap'
import { LabelBarChart } from './LabelBarChart'
import { plural } from '../../../shared/plural'

/** Every figure of one scope (the project, or one document): tables, the per-label chart and a confusion matrix. */
export function AgreementFigures({
  report,
  scope,
  onOpen,
}: {
  report: AgreementReport
  scope: ScopeAgreement
  onOpen: (id: string) => void
}) {
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const [chosenPair, setPair] = useState<number | null>(null)
  const [matrix, setMatrix] = useState('all')
  const names = useMemo(() => new Map([...labels.map((l) => [l.id, l.name] as const), ['all', 'All labels']]), [labels])
  const pair = Math.min(chosenPair ?? busiestPair(scope.spans), Math.max(scope.spans.length - 1, 0))
  const spans = scope.spans[pair]
  if (!spans) return <p className="help">Choose at least two annotators.</p>
  const { a, b } = spans
  const views = [...scope.tokens.byLabel, scope.tokens.overall]
  const groups = views.map((v) => {
    const k = v.pairs[pair]
    const overlap = spans.overlap.find((s) => s.label === v.label)
    return {
      label: names.get(v.label) ?? v.label,
      values: [
        { value: v.alpha.alpha, why: whyAlphaMissing(v.alpha) },
        { value: k?.kappa ?? null, why: k ? whyKappaMissing(k) : 'No pair.' },
        { value: overlap?.f1 ?? null, why: overlap ? whyScoreMissing(overlap, 'f1', a, b) : 'No pair.' },
      ],
    }
  })
  const attribute = spans.attributes.find((x) => `attr:${x.label}.${x.attribute}` === matrix)
  const view = views.find((v) => v.label === matrix)
  const confusion = attribute ? attribute.confusion : (view ?? scope.tokens.overall).pairs[pair]?.confusion
  const title = scope.scope === 'project' ? 'Whole project' : report.documents.find((d) => d.scope === scope.scope)?.title
  const counts = scope.annotators.map((c) => `${c.annotator} ${c.annotations}`).join(' · ')

  return (
    <>
      <h2 className="agreement-title" dir="auto" tabIndex={-1}>
        {title}
      </h2>
      <p className="help">
        {plural(scope.documents, 'document')} · {scope.tokens.tokens.toLocaleString()} tokens · annotations: {counts}
      </p>
      <section aria-labelledby="agreement-pairs">
        <h3 id="agreement-pairs">
          Pairs {scope.spans.length > 1 && <span className="help">(choose the pair the tables below show)</span>}
        </h3>
        <AgreementPairsTable scope={scope} pair={pair} onPair={setPair} labels={labels} />
      </section>
      <section aria-labelledby="agreement-labels">
        <h3 id="agreement-labels">
          By label: {a} × {b}
        </h3>
        <AgreementLabelTable scope={scope} pair={pair} names={names} />
      </section>
      <div className="agreement-charts">
        <section aria-labelledby="agreement-chart">
          <h3 id="agreement-chart">Per label</h3>
          <LabelBarChart
            title={`Agreement per label, ${a} × ${b}`}
            series={[alphaHeading(scope.annotators.length), `Cohen’s κ (${a} × ${b})`, 'Span F1 overlap']}
            groups={groups}
          />
        </section>
        <section aria-labelledby="agreement-matrix">
          <h3 id="agreement-matrix">Confusion matrix</h3>
          <select aria-label="Confusion matrix of" value={matrix} onChange={(e) => setMatrix(e.target.value)}>
            {views.map((v) => (
              <option key={v.label} value={v.label}>
                {v.label === 'all' ? 'Tokens: all labels' : `Tokens: ${names.get(v.label) ?? v.label}`}
              </option>
            ))}
            {spans.attributes.map((x) => (
              <option key={`${x.label}.${x.attribute}`} value={`attr:${x.label}.${x.attribute}`}>
                {`${attributeNames(labels, x.label, x.attribute).attribute} of matched ${attributeNames(labels, x.label, x.attribute).label}`}
              </option>
            ))}
          </select>
          {confusion && (
            <ConfusionHeatmap
              matrix={confusion}
              a={a}
              b={b}
              unit={attribute ? `matched ${attributeNames(labels, attribute.label, attribute.attribute).label}` : 'tokens'}
              name={(c) => (attribute ? optionName(labels, attribute.label, attribute.attribute, c) : tokenCategoryName(c, names))}
            />
          )}
        </section>
      </div>
      <section aria-labelledby="agreement-details">
        <h3 id="agreement-details">
          Attributes and attributions: {a} × {b}
        </h3>
        <AgreementDetailTable pair={spans} labels={labels} />
      </section>
      {scope.scope === 'project' && report.documents.length > 1 && (
        <section aria-labelledby="agreement-documents">
          <h3 id="agreement-documents">By document</h3>
          <AgreementDocumentsTable documents={report.documents} annotators={scope.annotators.length} pair={pair} onOpen={onOpen} />
        </section>
      )}
    </>
  )
}
