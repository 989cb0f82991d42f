/**
 * The review's text view as the review controller drives it (state/model/text-surface.ts): the
 * document editor, with the reviewed layer's changes turned into highlight changes here, where the
 * drawing is known.
 */
import type { ReviewedAnnotation } from '../../../shared/model/review'
import type { ReviewSurface } from '../state/model/text-surface'
import type { DocumentEditor } from './document-editor'
import { reviewedChanges } from './review-spans'

/** The review surface of an editor built from the review's spans. */
export function reviewSurface(editor: DocumentEditor): ReviewSurface {
  return {
    showReviewed: (before: readonly ReviewedAnnotation[], after: readonly ReviewedAnnotation[]) => {
      const { put, removed } = reviewedChanges(editor.index, before, after)
      editor.updateSpans(put, removed)
    },
    markRange: (range) => editor.markRange(range),
    revealRange: (range) => editor.revealRange(range),
    selectedSpan: () => editor.selectedSpan(),
  }
}
