/**
 * Suggest, for the annotator working on a document: the engine (shared/suggest) run on the
 * document's stored text in the core, mapped onto the project's tag set and without what the
 * annotator rejected or already has (shared/suggest/for-layer.ts). Reads only: decisions are
 * saved with the annotator's other changes (annotations.apply's `decide` ops).
 */
import { suggestionsForLayer, type DocumentSuggestions } from '../../../shared/suggest/for-layer'
import { suggest } from '../../../shared/suggest/suggest'
import type { Project } from '../project/project'

/** What Suggest proposes to `annotator` in document `id` ('not-found' for an unknown document). */
export async function documentSuggestions(project: Project, annotator: string, id: string): Promise<DocumentSuggestions> {
  project.document(id)
  const [text, layer] = await Promise.all([project.text(id), project.freshLayer(annotator, id)])
  return suggestionsForLayer(id, suggest(text.text), project.labels, {
    annotations: layer.annotations,
    suggestions: layer.suggestions,
  })
}
