/**
 * brat standoff (https://brat.nlplab.org/standoff.html): for each document a .txt (the stored
 * text, as is) and a .ann with one line per annotation:
 *   T1<TAB>Claim 10 25<TAB>the annotated text        a span (type = the label id, capitalised)
 *   T2<TAB>Claim 30 41;42 50<TAB>first line second   a span with a line break: one fragment per line
 *   A1<TAB>Polarity T3 against                       a choice attribute
 *   R1<TAB>AttributedTo Arg1:T2 Arg2:T5              a link from a claim or stance to its source
 *   #1<TAB>AnnotatorNotes T1<TAB>a note              the note (\n, \t and \\ escaped)
 *   #2<TAB>Target T3<TAB>Israel                      a text attribute (brat attributes take only fixed values)
 * Offsets are brat's "character offsets": Python string indices into the .txt, which are Unicode
 * code points, the same as Marginalia's. A fragment never holds a line break (brat's lines are
 * lines), so a span ending or starting with a line break loses it. annotation.conf and
 * visual.conf describe the labels, attributes and relation so brat can show and edit them.
 */
import { ATTRIBUTION, valueName, type LabelDef, type LabelSchema, type TagSet } from '../model/labels'
import type { IncomingAnnotation, IncomingLayer } from './incoming'
import { linksInOrder, type ExportLayer } from './layer'
import { inTextOrder } from '../model/annotation'

export const RELATION = 'AttributedTo'

const capitalise = (id: string) => id.charAt(0).toUpperCase() + id.slice(1)

/** brat's name for a link type's relation: AttributedTo, or the link type's id capitalised. */
export function bratRelation(type: string): string {
  return type === ATTRIBUTION ? RELATION : capitalise(type)
}

/** brat's name for a label. */
export function bratType(labelId: string): string {
  return capitalise(labelId)
}

/** brat's name for each label's attributes: the attribute id capitalised, prefixed with the label when two labels share the id. */
export function bratAttributeNames(labels: LabelSchema): Map<string, string> {
  const uses = new Map<string, number>()
  for (const l of labels) for (const a of l.attributes) uses.set(a.id, (uses.get(a.id) ?? 0) + 1)
  const names = new Map<string, string>()
  for (const l of labels)
    for (const a of l.attributes)
      names.set(`${l.id}.${a.id}`, uses.get(a.id)! > 1 ? `${capitalise(l.id)}${capitalise(a.id)}` : capitalise(a.id))
  return names
}

const escapeNote = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')
const unescapeNote = (s: string) =>
  s.replace(/\\(\\|n|t|r)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : '\\'))
const encodeValue = (s: string) => encodeURIComponent(s)
function decodeValue(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The fragments of a span: its runs of text between line breaks, as [start, end] code point pairs. */
export function fragmentsOf(start: number, exact: string): [number, number][] {
  const out: [number, number][] = []
  let at = start
  let from = -1
  for (const ch of exact) {
    if (ch === '\n') {
      if (from >= 0) out.push([from, at])
      from = -1
    } else if (from < 0) from = at
    at++
  }
  if (from >= 0) out.push([from, at])
  return out
}

/** The .ann text of a layer, and how many spans lost a line break at their edge. */
export function toBratAnn(labels: LabelSchema, layer: ExportLayer): { content: string; trimmed: number } {
  const names = bratAttributeNames(labels)
  const tIds = new Map<string, string>()
  const t: string[] = []
  const attrs: string[] = []
  const notes: string[] = []
  let trimmed = 0
  let n = 0
  for (const a of inTextOrder(layer.annotations)) {
    const { start } = a.target.position
    const exact = a.target.quote.exact
    const fragments = fragmentsOf(start, exact)
    if (fragments.length === 0) {
      trimmed++
      continue
    }
    if (exact.startsWith('\n') || exact.endsWith('\n')) trimmed++
    const tid = `T${++n}`
    tIds.set(a.id, tid)
    const cps = Array.from(exact)
    const pieces = fragments.map(([s, e]) => cps.slice(s - start, e - start).join(''))
    t.push(`${tid}\t${bratType(a.label)} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${pieces.join(' ')}`)
    const label = labels.find((l) => l.id === a.label)
    for (const def of label?.attributes ?? []) {
      const value = a.attributes[def.id]
      if (value === undefined) continue
      const name = names.get(`${a.label}.${def.id}`)!
      if (def.type === 'choice') attrs.push(`\t${name} ${tid} ${encodeValue(valueName(def, value))}`)
      else notes.push(`\t${name} ${tid}\t${escapeNote(value)}`)
    }
    if (a.note !== '') notes.push(`\tAnnotatorNotes ${tid}\t${escapeNote(a.note)}`)
  }
  const relations = linksInOrder(layer.annotations, layer.links)
    .filter((l) => tIds.has(l.from) && tIds.has(l.to))
    .map((l, i) => `R${i + 1}\t${bratRelation(l.type)} Arg1:${tIds.get(l.from)} Arg2:${tIds.get(l.to)}\t`)
  const lines = [...t, ...attrs.map((l, i) => `A${i + 1}${l}`), ...relations, ...notes.map((l, i) => `#${i + 1}${l}`)]
  return { content: lines.map((l) => `${l}\n`).join(''), trimmed }
}

/** annotation.conf: the labels as entities, the attribution relation and the link types, overlaps allowed, choice attributes with their values. */
export function bratAnnotationConf({ labels, linkTypes }: TagSet): string {
  const names = bratAttributeNames(labels)
  const linked = labels.filter((l) => l.attributedTo && labels.some((s) => s.id === l.attributedTo))
  const targets = [...new Set(linked.map((l) => l.attributedTo!))]
  const lines = [
    '# The label schema of a Marginalia project, for brat: one entity type per label.',
    '[entities]',
    ...labels.map((l) => bratType(l.id)),
    '',
    '[relations]',
  ]
  for (const to of targets)
    lines.push(
      `${RELATION}\tArg1:${linked
        .filter((l) => l.attributedTo === to)
        .map((l) => bratType(l.id))
        .join('|')}, Arg2:${bratType(to)}`,
    )
  for (const t of linkTypes)
    lines.push(`${bratRelation(t.id)}\tArg1:${t.from.map(bratType).join('|')}, Arg2:${t.to.map(bratType).join('|')}`)
  lines.push('<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', '', '[events]', '', '[attributes]')
  const byName = new Map<string, { labels: LabelDef[]; options: string[] }>()
  for (const l of labels) {
    for (const a of l.attributes) {
      if (a.type !== 'choice') continue
      byName.set(names.get(`${l.id}.${a.id}`)!, { labels: [l], options: a.options.map((o) => o.name) })
    }
  }
  for (const [name, { labels: ls, options }] of byName)
    lines.push(`${name}\tArg:${ls.map((l) => bratType(l.id)).join('|')}, Value:${options.map(encodeValue).join('|')}`)
  return `${lines.join('\n')}\n`
}

/** visual.conf: each label's and link type's name, and each label's colour. */
export function bratVisualConf({ labels, linkTypes }: TagSet): string {
  const lines = [
    '[labels]',
    ...labels.map((l) => `${bratType(l.id)} | ${l.name}`),
    `${RELATION} | Attributed to`,
    ...linkTypes.map((t) => `${bratRelation(t.id)} | ${t.name}`),
    '',
    '[drawing]',
    ...labels.map((l) => `${bratType(l.id)}\tbgColor:${l.color}`),
  ]
  return `${lines.join('\n')}\n`
}

/** An incoming layer from a .ann file (and its .txt, when there is one), read against a label schema. */
export function readBratAnn(
  labels: LabelSchema,
  ann: string,
  text: string | null,
  document: IncomingLayer['document'],
): { layer: IncomingLayer; errors: string[] } {
  const names = bratAttributeNames(labels)
  const labelOf = (type: string) => labels.find((l) => l.id === type.toLowerCase() || l.name.toLowerCase() === type.toLowerCase())
  const layer: IncomingLayer = { annotator: null, document, text, annotations: [], links: [], unreadable: [] }
  const errors: string[] = []
  const byTid = new Map<string, IncomingAnnotation & { fragmentText: string; fragments: [number, number][] }>()
  const cps = text === null ? null : Array.from(text)
  const later: { line: string; n: number }[] = []
  ann.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '') return
    const m = /^T(\S*)\t(\S+) ([\d ;]+)\t(.*)$/.exec(line)
    if (!m) {
      later.push({ line, n: i + 1 })
      return
    }
    const tid = `T${m[1]}`
    const fragments = m[3]!.split(';').map((f) => f.trim().split(/\s+/).map(Number) as [number, number])
    if (fragments.some((f) => f.length !== 2 || !Number.isInteger(f[0]) || !Number.isInteger(f[1]) || f[1] < f[0])) {
      errors.push(`line ${i + 1}: "${line.slice(0, 60)}" has offsets brat does not allow`)
      return
    }
    const start = Math.min(...fragments.map((f) => f[0]))
    const end = Math.max(...fragments.map((f) => f[1]))
    const label = labelOf(m[2]!)
    // Where the .ann's text disagrees with the .txt at its offsets, trust the text and let the quote re-anchor it.
    const consistent = cps !== null && fragments.map(([s, e]) => cps.slice(s, e).join('')).join(' ') === m[4]
    const exact = consistent ? cps.slice(start, end).join('') : fragments.length === 1 ? m[4]! : ''
    if (!label) {
      layer.unreadable.push({ id: tid, exact: exact || m[4]!, reason: `its type "${m[2]}" is not a label of this project` })
      return
    }
    const context = (s: number, e: number) => (consistent ? cps.slice(Math.max(0, s), Math.max(0, e)).join('') : '')
    byTid.set(tid, {
      id: tid,
      label: label.id,
      start,
      end,
      exact,
      prefix: context(start - 32, start),
      suffix: context(end, end + 32),
      attributes: {},
      note: '',
      author: null,
      created: null,
      modified: null,
      fragmentText: m[4]!,
      fragments,
    })
  })
  for (const { line, n } of later) {
    const a = /^A\S*\t(\S+) (T\S*)(?: (.+))?$/.exec(line)
    const r = /^(R\S*)\t(\S+) Arg1:(T\S*) Arg2:(T\S*)\s*$/.exec(line)
    const c = /^#\S*\t(\S+) (T\S*)\t(.*)$/.exec(line)
    if (a) {
      const target = byTid.get(a[2]!)
      const def = target && findAttribute(labels, names, target.label, a[1]!)
      if (!target || !def) errors.push(`line ${n}: the attribute "${a[1]}" of ${a[2]} is not one this project has, so it was left out`)
      else target.attributes[def] = a[3] === undefined ? 'true' : decodeValue(a[3])
    } else if (r) {
      const type = /^(attributedto|attribution)$/i.test(r[2]!) ? ATTRIBUTION : r[2]!
      layer.links.push({ id: r[1]!, type, from: r[3]!, to: r[4]!, author: null, created: null })
    } else if (c) {
      const target = byTid.get(c[2]!)
      if (!target) errors.push(`line ${n}: the note is on ${c[2]}, which is not a span of this file`)
      else if (c[1] === 'AnnotatorNotes') target.note = unescapeNote(c[3]!)
      else {
        const def = findAttribute(labels, names, target.label, c[1]!)
        if (def) target.attributes[def] = unescapeNote(c[3]!)
        else errors.push(`line ${n}: the comment type "${c[1]}" is not an attribute of a ${target.label}, so it was left out`)
      }
    } else errors.push(`line ${n}: "${line.slice(0, 60)}" is not a span, attribute, relation or note Marginalia imports`)
  }
  layer.annotations = [...byTid.values()]
  return { layer, errors }
}

function findAttribute(labels: LabelSchema, names: Map<string, string>, labelId: string, bratName: string): string | null {
  const label = labels.find((l) => l.id === labelId)
  const def = label?.attributes.find(
    (a) =>
      names.get(`${labelId}.${a.id}`) === bratName || a.id === bratName.toLowerCase() || a.name.toLowerCase() === bratName.toLowerCase(),
  )
  return def?.id ?? null
}
