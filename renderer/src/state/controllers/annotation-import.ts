/**
 * "Import annotations…": bring colleagues' layers in from a folder or file (a path: picked in the
 * native dialog on desktop, typed in browser mode), then reload everything they can change: the
 * document list and counts, who has layers, review progress, the open document's own layer (a
 * layer under the user's own name lands as "<name>-imported", but reloading is harmless), and
 * the open review.
 */
import { pathProblem, type AnnotationImportReport } from '../../../../shared/api'
import type { Session } from './session'

/**
 * Import from `path` and refresh what is shown; `as` names the layer for files that name no
 * annotator (brat, W3C without creators); `replace` replaces layers here that are newer than the
 * import's (skipped otherwise). Throws the host's sentence on failure.
 */
export async function importAnnotations(
  session: Session,
  path: string,
  as: string | null = null,
  replace = false,
): Promise<AnnotationImportReport> {
  const problem = pathProblem(path)
  if (problem) throw new Error(problem)
  const report = await session.client.call('annotations.import', { path, as, replace })
  await session.loadDocuments()
  await Promise.all([session.mode.loadAnnotators(), session.mode.loadProgress(), session.reloadOwnLayer(), session.mode.openReview()])
  session.store.set({ diskRevision: session.store.get().diskRevision + 1 })
  return report
}

/** Pick a folder or file in the native dialog (desktop); null when cancelled. */
export function pickImportPath(session: Session, kind: 'folder' | 'file'): Promise<string | null> {
  const title = kind === 'folder' ? 'Import annotations from a colleague’s project folder' : 'Import annotations from an annotations file'
  return session.client.call('host.pickPath', { kind, title })
}

/** Totals over a report's layers, for its first sentence. */
export function importTotals(report: AnnotationImportReport): {
  layers: number
  imported: number
  reanchored: number
  unplaced: number
  newerHere: number
} {
  let imported = 0
  let reanchored = 0
  let unplaced = 0
  for (const l of report.layers) {
    imported += l.imported
    reanchored += l.reanchored
    unplaced += l.unplaced.length
  }
  return {
    layers: report.layers.filter((l) => l.skipped === null).length,
    imported,
    reanchored,
    unplaced,
    newerHere: report.layers.filter((l) => l.skippedNewer).length,
  }
}
