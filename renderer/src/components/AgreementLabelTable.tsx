import type { ScopeAgreement, SpanScores } from '../../../shared/agreement/report'
import { alphaHeading, formatFigure, whyAlphaMissing, whyKappaMissing, whyScoreMissing } from '../state/model/agreement-format'
import { FigureCell } from './FigureCell'
import { FiguresScroll } from './FiguresScroll'

interface AgreementLabelTableProps {
  scope: ScopeAgreement
  /** The pair the pairwise columns show, by its index in the report's pairs. */
  pair: number
  /** Label names by id ("all" included). */
  names: ReadonlyMap<string, string>
}

function pr(s: SpanScores): string {
  return `P ${formatFigure(s.precision)} · R ${formatFigure(s.recall)}`
}

/**
 * Agreement per label and overall, at a glance: alpha over all annotators, the chosen pair's
 * kappa (tokens) and span F1 (exact and overlap, with precision and recall), and how many spans
 * each of the two marked.
 */
export function AgreementLabelTable({ scope, pair, names }: AgreementLabelTableProps) {
  const spans = scope.spans[pair]
  if (!spans) return null
  const { a, b } = spans
  const views = [...scope.tokens.byLabel, scope.tokens.overall]
  const count = (who: string, label: string) => {
    const c = scope.annotators.find((x) => x.annotator === who)
    return label === 'all' ? (c?.annotations ?? 0) : (c?.byLabel[label] ?? 0)
  }
  return (
    <FiguresScroll>
      <table className="figures" aria-label="Agreement by label">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th
              scope="col"
              title={`Krippendorff's alpha over all ${scope.annotators.length} compared annotators${scope.annotators.length > 2 ? ', not only this pair' : ''}, tokens as units (nominal)`}
            >
              {alphaHeading(scope.annotators.length)}
            </th>
            <th scope="col" title={`Cohen's kappa between ${a} and ${b}, tokens as units`}>
              Cohen’s κ
            </th>
            <th scope="col" title="Share of tokens on which both gave the same category">
              Observed
            </th>
            <th scope="col" title={`Same label, start and end; ${a} as reference`}>
              Span F1 exact
            </th>
            <th scope="col" title={`Same label and at least one shared character, one to one; ${a} as reference`}>
              Span F1 overlap
            </th>
            <th scope="col" title={`${a}'s annotations in the documents both annotated (the spans compared), and of how many in all`}>
              {a}
            </th>
            <th scope="col" title={`${b}'s annotations in the documents both annotated (the spans compared), and of how many in all`}>
              {b}
            </th>
          </tr>
        </thead>
        <tbody>
          {views.map((v) => {
            const k = v.pairs[pair]
            const exact = spans.exact.find((s) => s.label === v.label)
            const overlap = spans.overlap.find((s) => s.label === v.label)
            return (
              <tr key={v.label} className={v.label === 'all' ? 'total' : undefined}>
                <th scope="row">{names.get(v.label) ?? v.label}</th>
                <FigureCell value={v.alpha.alpha} why={whyAlphaMissing(v.alpha)} over={`${v.alpha.units.toLocaleString()} tokens`} />
                {k ? <FigureCell value={k.kappa} why={whyKappaMissing(k)} over={`n = ${k.n.toLocaleString()} tokens`} /> : <td />}
                {k ? <FigureCell value={k.observed} why={whyKappaMissing({ ...k, kappa: k.observed })} /> : <td />}
                {exact ? (
                  <FigureCell
                    value={exact.f1}
                    why={whyScoreMissing(exact, 'f1', a, b)}
                    detail={pr(exact)}
                    over={`TP ${exact.tp} · FP ${exact.fp} · FN ${exact.fn}`}
                  />
                ) : (
                  <td />
                )}
                {overlap ? (
                  <FigureCell
                    value={overlap.f1}
                    why={whyScoreMissing(overlap, 'f1', a, b)}
                    detail={pr(overlap)}
                    over={`TP ${overlap.tp} · FP ${overlap.fp} · FN ${overlap.fn}`}
                  />
                ) : (
                  <td />
                )}
                <CountCell compared={exact ? exact.tp + exact.fn : null} total={count(a, v.label)} />
                <CountCell compared={exact ? exact.tp + exact.fp : null} total={count(b, v.label)} />
              </tr>
            )
          })}
        </tbody>
      </table>
    </FiguresScroll>
  )
}

/**
 * An annotator's count for a label: the spans compared (in the documents both of the pair
 * annotated, which precision and recall are worked out on), and "of" their total in the scope when
 * they annotated documents the other did not.
 */
function CountCell({ compared, total }: { compared: number | null; total: number }) {
  if (compared === null || compared === total) return <td className="num">{total}</td>
  return (
    <td className="num">
      {compared}
      <span className="help"> of {total}</span>
    </td>
  )
}
