import type { SpanPairAgreement } from '../../../shared/agreement/report'
import { attributeNames, findLabel, type LabelSchema } from '../../../shared/model/labels'
import { neitherSet, whyAttributeKappaMissing, whyAttributeShareMissing, whyPairsMissing } from '../state/model/agreement-format'
import { FigureCell } from './FigureCell'
import { FiguresScroll } from './FiguresScroll'

/**
 * For one pair: agreement on each choice attribute (e.g. stance polarity, source kind) and on
 * attributions, over the annotations matched by overlap, with the counts behind each share.
 */
export function AgreementDetailTable({ pair, labels }: { pair: SpanPairAgreement; labels: LabelSchema }) {
  return (
    <div className="detail-tables">
      <FiguresScroll>
        <table className="figures" aria-label="Attribute agreement">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Matched pairs</th>
              <th scope="col">Agreement</th>
              <th scope="col">Cohen’s κ</th>
              <th scope="col" title="Pairs where at least one side left it empty">
                Unset
              </th>
            </tr>
          </thead>
          <tbody>
            {pair.attributes.map((x) => (
              <tr key={`${x.label}.${x.attribute}`}>
                <th scope="row">
                  {attributeNames(labels, x.label, x.attribute).attribute} ({attributeNames(labels, x.label, x.attribute).label})
                </th>
                <td className="num">{x.n}</td>
                <FigureCell value={neitherSet(x) ? null : x.agreement} why={whyAttributeShareMissing(x)} />
                <FigureCell value={x.kappa} why={whyAttributeKappaMissing(x)} />
                <td className="num">{x.unset}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </FiguresScroll>
      <FiguresScroll>
        <table className="figures" aria-label="Attribution agreement">
          <thead>
            <tr>
              <th scope="col">Attributions of</th>
              <th scope="col">Matched pairs</th>
              <th scope="col">Agreement</th>
              <th scope="col">Both unlinked</th>
              <th scope="col">Same source</th>
              <th scope="col">Other source</th>
              <th scope="col">One linked</th>
            </tr>
          </thead>
          <tbody>
            {pair.links.map((l) => (
              <tr key={l.label} className={l.label === 'all' ? 'total' : undefined}>
                <th scope="row">{l.label === 'all' ? 'All labels' : (findLabel(labels, l.label)?.name ?? l.label)}</th>
                <td className="num">{l.pairs}</td>
                <FigureCell value={l.agreement} why={whyPairsMissing(l.pairs)} />
                <td className="num">{l.bothUnlinked}</td>
                <td className="num">{l.sameSource}</td>
                <td className="num">{l.differentSource}</td>
                <td className="num">{l.oneLinked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </FiguresScroll>
    </div>
  )
}
