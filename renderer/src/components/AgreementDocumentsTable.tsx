import type { DocumentAgreement } from '../../../shared/agreement/report'
import { alphaHeading, whyAlphaMissing, whyKappaMissing, whyScoreMissing } from '../state/model/agreement-format'
import { FigureCell } from './FigureCell'
import { FiguresScroll } from './FiguresScroll'

/**
 * The project's documents side by side (alpha, and the chosen pair's kappa and overlap F1), so
 * the ones with low agreement stand out; a title opens that document's figures.
 */
export function AgreementDocumentsTable({
  documents,
  annotators,
  pair,
  onOpen,
}: {
  documents: readonly DocumentAgreement[]
  /** How many annotators are compared (alpha is over all of them). */
  annotators: number
  pair: number
  onOpen: (id: string) => void
}) {
  return (
    <FiguresScroll>
      <table className="figures figures-documents" aria-label="Agreement by document">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">{alphaHeading(annotators)}</th>
            <th scope="col">Cohen’s κ</th>
            <th scope="col">Span F1 overlap</th>
            <th scope="col">Without a layer</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => {
            const k = d.tokens.overall.pairs[pair]
            const p = d.spans[pair]
            const overlap = p?.overlap.find((s) => s.label === 'all')
            return (
              <tr key={d.scope}>
                <th scope="row">
                  <button type="button" className="link" dir="auto" onClick={() => onOpen(d.scope)}>
                    {d.title}
                  </button>
                </th>
                <FigureCell value={d.tokens.overall.alpha.alpha} why={whyAlphaMissing(d.tokens.overall.alpha)} />
                {k ? <FigureCell value={k.kappa} why={whyKappaMissing(k)} /> : <td />}
                {p && overlap ? <FigureCell value={overlap.f1} why={whyScoreMissing(overlap, 'f1', p.a, p.b)} /> : <td />}
                <td>{d.missing.join(', ') || '—'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </FiguresScroll>
  )
}
