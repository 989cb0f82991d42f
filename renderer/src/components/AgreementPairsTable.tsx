import type { ScopeAgreement } from '../../../shared/agreement/report'
import { attributeNames, type LabelSchema } from '../../../shared/model/labels'
import {
  attributeDetail,
  whyAttributeKappaMissing,
  whyKappaMissing,
  whyPairsMissing,
  whyScoreMissing,
} from '../state/model/agreement-format'
import { FigureCell } from './FigureCell'
import { FiguresScroll } from './FiguresScroll'

/**
 * Every pair of annotators, overall: documents compared, token kappa, span F1 exact and overlap,
 * choice attributes (e.g. stance polarity) and attribution links on matched pairs. Choosing a row
 * makes it the pair the other tables and the matrix show.
 */
export function AgreementPairsTable({
  scope,
  pair,
  onPair,
  labels,
}: {
  scope: ScopeAgreement
  pair: number
  onPair: (i: number) => void
  labels: LabelSchema
}) {
  const attributes = scope.spans[0]?.attributes ?? []
  // One column per choice attribute: wider than a narrow window, so the table scrolls sideways on its own.
  return (
    <FiguresScroll>
      <table className="figures" aria-label="Agreement by pair">
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col">Documents</th>
            <th scope="col">Cohen’s κ</th>
            <th scope="col">Span F1 exact</th>
            <th scope="col">Span F1 overlap</th>
            {attributes.map((x) => {
              const n = attributeNames(labels, x.label, x.attribute)
              return (
                <th
                  key={`${x.label}.${x.attribute}`}
                  scope="col"
                  title={`${n.attribute} of ${n.label} on overlap-matched pairs: share equal, and kappa`}
                >
                  {n.attribute} ({n.label})
                </th>
              )
            })}
            <th scope="col" title="Attributions on overlap-matched claims and stances: both unlinked, or linked to matched sources">
              Attribution links
            </th>
          </tr>
        </thead>
        <tbody>
          {scope.spans.map((p, i) => {
            const k = scope.tokens.overall.pairs[i]
            const exact = p.exact.find((s) => s.label === 'all')!
            const overlap = p.overlap.find((s) => s.label === 'all')!
            const links = p.links.find((l) => l.label === 'all')
            return (
              <tr key={`${p.a}-${p.b}`} className={i === pair ? 'chosen' : undefined}>
                <th scope="row">
                  <button type="button" className="link" aria-pressed={i === pair} onClick={() => onPair(i)}>
                    {p.a} × {p.b}
                  </button>
                </th>
                <td className="num">{p.documents}</td>
                {k ? <FigureCell value={k.kappa} why={whyKappaMissing(k)} /> : <td />}
                <FigureCell value={exact.f1} why={whyScoreMissing(exact, 'f1', p.a, p.b)} />
                <FigureCell value={overlap.f1} why={whyScoreMissing(overlap, 'f1', p.a, p.b)} />
                {p.attributes.map((x) => (
                  <FigureCell
                    key={`${x.label}.${x.attribute}`}
                    value={x.kappa}
                    why={whyAttributeKappaMissing(x)}
                    detail={attributeDetail(x)}
                  />
                ))}
                {links ? <FigureCell value={links.agreement} why={whyPairsMissing(links.pairs)} detail={`n ${links.pairs}`} /> : <td />}
              </tr>
            )
          })}
        </tbody>
      </table>
    </FiguresScroll>
  )
}
