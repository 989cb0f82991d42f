/**
 * How a review names the layers it draws and the spans in them: each compared annotator's layer
 * by the annotator's name, the reviewed layer as `_reviewed`; a span as `<layer>:<annotation id>`.
 * The review's text view builds its highlights with these ids and the review controller reads
 * them back from a click.
 */

/** The layer name of the reviewed layer, as highlight ids and the hidden-layers list use it. */
export const REVIEWED = '_reviewed'

/** The id of a layer's span of an annotation. */
export function spanId(layer: string, id: string): string {
  return `${layer}:${id}`
}

/** Split a span id back into its layer and annotation id. */
export function layerOfSpan(id: string): { layer: string; id: string } {
  const at = id.lastIndexOf(':')
  return { layer: id.slice(0, at), id: id.slice(at + 1) }
}
