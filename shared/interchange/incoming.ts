/**
 * Annotations read from another format, before they are placed in a project: what each format's
 * reader produces and what the core's import checks against the label schema, matches to a
 * document and re-anchors. Nothing here is trusted yet.
 */
import type { StoreFile } from '../model/project'

/** How the incoming layer names its document: any of these may be known. */
export interface DocumentRef {
  id: string | null
  sha256: string | null
  title: string | null
  /** An IRI or file name the format used for the text. */
  source: string | null
}

export interface IncomingAnnotation {
  id: string
  label: string
  start: number
  end: number
  /** The annotated text as the format gave it, with context when it had some. */
  exact: string
  prefix: string
  suffix: string
  attributes: Record<string, string>
  note: string
  author: string | null
  created: string | null
  modified: string | null
  /** brat: the span's fragments, and their texts joined by a space, as the .ann gave them. */
  fragments?: [number, number][]
  fragmentText?: string
}

export interface IncomingLink {
  id: string
  /** The link type as the format named it (attribution, a link type's id or name); the import maps it to the project's. */
  type: string
  from: string
  to: string
  author: string | null
  created: string | null
}

/** One layer of one document, as read. */
export interface IncomingLayer {
  /** The annotator the format named, or null when it names none (the user says whose layer it is). */
  annotator: string | null
  document: DocumentRef
  /** The text the offsets refer to, when the format ships it (brat's .txt). */
  text: string | null
  annotations: IncomingAnnotation[]
  links: IncomingLink[]
  /** Annotations the reader could not use, with why. */
  unreadable: { id: string; exact: string; reason: string }[]
  /**
   * A Marginalia store's document status, memo and replies (other formats carry none), and when an
   * annotation or link was last deleted in it: a deletion is a change too, and can be the newest.
   */
  notes?: Pick<StoreFile, 'status' | 'memo' | 'replies' | 'deleted'>
}

/** A file-safe annotation id from any identifier: letters, digits, - and _ (at most 64). */
export function safeId(raw: string, fallback: string): string {
  const cleaned = raw
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(-64)
  return cleaned || fallback
}

/**
 * What an import says about the replies a JSON Lines or W3C file carries (its export writes them,
 * for reading): they are not brought into the project, which only a project archive does.
 */
export function repliesNotImported(count: number): string {
  const what = count === 1 ? '1 reply was' : `${count.toLocaleString('en')} replies were`
  return `${what} not imported (replies come into a project only with a project archive; those it has stay)`
}
