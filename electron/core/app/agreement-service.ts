/**
 * Agreement over a project on disk: gathers each document's text and the compared annotators'
 * layers (a layer that does not exist is missing data, not an empty layer) and hands them to the
 * pure report in shared/agreement. Behind the contract's agreement.* methods and the CLI.
 */
import { DomainError } from '../../../shared/errors'
import {
  AGREEMENT_CSV_COLUMNS,
  agreementReport,
  reportToCsvRows,
  type AgreementDocumentInput,
  type AgreementReport,
} from '../../../shared/agreement/report'
import type { AgreementLayer } from '../../../shared/agreement/layer'
import { toDelimitedText } from '../../../shared/interchange/delimited'
import type { Project } from '../project/project'

/** The agreement report of a project, or of one document, for these annotators (all when null). */
export async function projectAgreement(
  project: Project,
  annotators: readonly string[] | null,
  documentId: string | null,
): Promise<AgreementReport> {
  const everyone = await project.annotators()
  const who = annotators ?? everyone
  const unknown = who.filter((a) => !everyone.includes(a))
  if (unknown.length > 0)
    throw new DomainError(
      'not-found',
      `There are no annotations by ${unknown.map((a) => `"${a}"`).join(', ')} in this project; annotators: ${everyone.join(', ') || 'none yet'}.`,
    )
  if (who.length < 2)
    throw new DomainError(
      'invalid',
      annotators !== null && everyone.length >= 2
        ? `Agreement compares two or more annotators, and only ${who.join(', ') || 'none'} ${who.length === 1 ? 'was' : 'were'} named; this project’s annotators are ${everyone.join(', ')}.`
        : 'Agreement needs at least two annotators with annotations in this project.',
    )
  const docs = documentId === null ? project.documents : [project.document(documentId)]
  const documents: AgreementDocumentInput[] = []
  for (const doc of docs) {
    const layers: Record<string, AgreementLayer | undefined> = {}
    for (const annotator of who) {
      if (!(await project.hasLayer(annotator, doc.id))) continue
      const layer = await project.layer(annotator, doc.id)
      layers[annotator] = { annotations: layer.annotations, links: layer.links }
    }
    documents.push({ id: doc.id, title: doc.title, text: (await project.text(doc.id)).text, layers })
  }
  return agreementReport({ labels: project.labels, documents, annotators: who })
}

/** The report as a long CSV table (one figure per row; undefined figures are empty cells). */
export function agreementCsv(report: AgreementReport): string {
  const rows = reportToCsvRows(report).map((r) =>
    AGREEMENT_CSV_COLUMNS.map((c) => {
      const v = r[c]
      return v === null ? '' : v
    }),
  )
  return toDelimitedText({ header: AGREEMENT_CSV_COLUMNS, rows }, { neutralizeFormulas: true })
}
