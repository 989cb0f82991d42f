/**
 * The IRIs a W3C Web Annotation export names things with. The Web Annotation model requires every
 * annotation, body and target to be identified by an absolute IRI, so an export has two ways to
 * make them (docs/formats.md):
 *
 * - under a base the user gives (`https://example.org/corpus/`): the project's own layout below
 *   it — `<base>texts/<document>.txt`, `<base>annotations/<annotator>/<document>.json#<id>` — so
 *   the IRIs resolve wherever the user publishes the project folder;
 * - by default, URNs that need no server and stay the same for the same project:
 *   `urn:marginalia:<project>:<annotator>:<document>:<id>` for an annotation or link (the
 *   project's id, the layer's annotator and document, the annotation's id, each percent-encoded),
 *   and for a text the RFC 6920 named-information IRI of its content, `ni:///sha-256;<hash>`, so
 *   the same text has the same IRI in every project.
 *
 * Reading takes both forms back, and the relative references older exports wrote.
 */

/** How an export names things: under a base IRI, or with the project's URNs. */
export type IriScheme = { base: string } | { project: string }

/** A document as an export names it. */
export interface IriDocument {
  id: string
  sha256: string
}

/** The IRIs of one export. */
export interface ExportIris {
  collection: string
  page: string
  document: (doc: IriDocument) => string
  annotation: (annotator: string, documentId: string, id: string) => string
}

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** The IRIs for a scheme. */
export function exportIris(scheme: IriScheme): ExportIris {
  if ('base' in scheme) {
    const base = scheme.base.endsWith('/') ? scheme.base : `${scheme.base}/`
    return {
      collection: `${base}annotations/`,
      page: `${base}annotations/#page-1`,
      document: (doc) => `${base}texts/${doc.id}.txt`,
      annotation: (annotator, documentId, id) => `${base}annotations/${enc(annotator)}/${documentId}.json#${enc(id)}`,
    }
  }
  const root = `urn:marginalia:${scheme.project}`
  return {
    collection: `${root}:annotations`,
    page: `${root}:annotations:page-1`,
    document: (doc) => textIri(doc.sha256),
    annotation: (annotator, documentId, id) => `${root}:${enc(annotator)}:${documentId}:${enc(id)}`,
  }
}

/** A base IRI a user may give: an absolute http or https IRI without query or fragment. */
export function isBaseIri(base: string): boolean {
  return /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/.test(base)
}

/** The named-information IRI (RFC 6920) of a text by its sha256 (hex). */
export function textIri(sha256: string): string {
  const bytes = sha256
    .match(/../g)!
    .map((h) => String.fromCharCode(parseInt(h, 16)))
    .join('')
  return `ni:///sha-256;${btoa(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`
}

/** The sha256 (hex) a named-information IRI names, or null. */
export function sha256OfTextIri(iri: string): string | null {
  const m = /^ni:\/\/[^/]*\/sha-256;([A-Za-z0-9_-]{43})$/.exec(iri)
  if (!m) return null
  const binary = atob(m[1]!.replace(/-/g, '+').replace(/_/g, '/') + '=')
  return [...binary].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')
}

/** The document id in a text IRI under a base (or an older export's relative one), or null. */
export function documentIdOfTextIri(iri: string): string | null {
  return /(?:^|\/)texts\/([a-z0-9][a-z0-9-]{0,79})\.txt$/.exec(iri)?.[1] ?? null
}

const DOC = '[a-z0-9][a-z0-9-]{0,79}'

/** Annotator, document and id from an annotation IRI Marginalia wrote (either form), or null. */
export function parseAnnotationIri(iri: string): { annotator: string; document: string; id: string } | null {
  const m =
    new RegExp(`(?:^|/)annotations/([^/#]+)/(${DOC})\\.json#(.+)$`).exec(iri) ??
    new RegExp(`^urn:marginalia:[^:]+:([^:]+):(${DOC}):([^:]+)$`).exec(iri)
  if (!m) return null
  try {
    return { annotator: decodeURIComponent(m[1]!), document: m[2]!, id: decodeURIComponent(m[3]!) }
  } catch {
    return null
  }
}

/** True when `iri` is an absolute IRI (RFC 3987: a scheme, then no spaces or characters IRIs exclude). */
export function isAbsoluteIri(iri: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what an IRI may not hold
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001F\u007F-\u009F]+$/u.test(iri)
}
