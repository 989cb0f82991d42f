/**
 * Builders for the renderer's unit tests: the shared ones (texts with marked spans, annotations
 * over them, the context for applying ops), so tests read like the text a researcher sees.
 */
export { annotation, marked, storingContext } from '../../../shared/testing/builders'
