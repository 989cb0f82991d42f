/**
 * Suggest, for the annotator working on a document: the engine (shared/suggest) run on the
 * document's stored text in the core, mapped onto the project's tag set and without what the
 * annotator rejected or already has (shared/suggest/for-layer.ts). Reads only: decisions are
 * saved with the annotator's other changes (annotations.apply's `decide` ops).
 */
import { suggestionsForLayer, type DocumentSuggestions } from '../../../shared/suggest/for-layer'
import { suggest } from '../../../shared/suggest/suggest'
import type { Project } from '../project/project'

/**
 * What Suggest proposes to `annotator` in document `id` ('not-found' for an unknown document),
 * without the canonical-name proposals they dismissed there (`dismissedNames`).
 */
export async function documentSuggestions(
  project: Project,
  annotator: string,
  id: string,
  dismissedNames: readonly string[] = [],
): Promise<DocumentSuggestions> {
  project.document(id)
  const [text, layer] = await Promise.all([project.text(id), project.freshLayer(annotator, id)])
  const found = suggestionsForLayer(id, suggest(text.text), project.labels, {
    annotations: layer.annotations,
    suggestions: layer.suggestions,
  })
  const dismissed = new Set(dismissedNames)
  return { ...found, names: found.names.filter((n) => !dismissed.has(n.name)) }
}
