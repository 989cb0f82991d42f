/**
 * Changing a project's tag set without losing anything tagged with it: what a tag set may look
 * like (ids, names and keys unique, references that resolve), how much of it the project uses,
 * whether a change would orphan data, and the merges that move annotations, values and links from
 * one part of the tag set into another. Pure: the host counts usage and rewrites the layers with
 * these rules, and the tag-set editor shows the same counts and sentences before anything is saved.
 */
import type { Annotation, Link } from '../model/annotation'
import {
  ATTRIBUTION,
  ATTRIBUTION_NAME,
  findAttribute,
  valueProblem,
  type AttributeDef,
  type LabelDef,
  type LinkTypeDef,
  type TagSet,
} from '../model/labels'
import type { TagMerge } from '../model/project'
import { linkFits } from '../annotations/links'
import { foldToAscii } from '../ascii'
import { plural } from '../plural'

/**
 * How much of a tag set the project uses, over every annotator's layers and the reviewed layers:
 * annotations per label, every stored value per label and attribute, links per type and per pair
 * of labels they join.
 */
export interface TagUsage {
  labels: Record<string, number>
  /** "<label>/<attribute>" → stored value → annotations holding it. */
  values: Record<string, Record<string, number>>
  linkTypes: Record<string, number>
  /** "<type>/<from label>/<to label>" → links. */
  linkPairs: Record<string, number>
}

export function emptyUsage(): TagUsage {
  return { labels: {}, values: {}, linkTypes: {}, linkPairs: {} }
}

const bump = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by
}

/** Add one layer's annotations and links to the counts. */
export function countLayer(usage: TagUsage, annotations: readonly Annotation[], links: readonly Link[]): void {
  const labelOf = new Map<string, string>()
  for (const a of annotations) {
    labelOf.set(a.id, a.label)
    bump(usage.labels, a.label)
    for (const [attribute, value] of Object.entries(a.attributes)) {
      if (value === '') continue
      bump((usage.values[`${a.label}/${attribute}`] ??= {}), value)
    }
  }
  for (const l of links) {
    bump(usage.linkTypes, l.type)
    bump(usage.linkPairs, `${l.type}/${labelOf.get(l.from) ?? '?'}/${labelOf.get(l.to) ?? '?'}`)
  }
}

/**
 * The counts as they will be once `merges` are carried out (what the tag-set editor shows before
 * saving): a merged label's annotations, values and links counted under the label it went into,
 * a merged option's values under the other option, a merged attribute's under the other
 * attribute, a merged link type's links under the other type.
 */
export function usageAfterMerges(usage: TagUsage, merges: readonly TagMerge[]): TagUsage {
  if (merges.length === 0) return usage
  const out: TagUsage = {
    labels: { ...usage.labels },
    values: Object.fromEntries(Object.entries(usage.values).map(([k, v]) => [k, { ...v }])),
    linkTypes: { ...usage.linkTypes },
    linkPairs: { ...usage.linkPairs },
  }
  const moveValues = (from: string, into: string) => {
    const moved = out.values[from]
    if (!moved) return
    delete out.values[from]
    const target = (out.values[into] ??= {})
    for (const [value, n] of Object.entries(moved)) bump(target, value, n)
  }
  const movePairs = (rename: (part: string, i: number) => string) => {
    const pairs = out.linkPairs
    out.linkPairs = {}
    for (const [key, n] of Object.entries(pairs)) bump(out.linkPairs, key.split('/').map(rename).join('/'), n)
  }
  for (const m of merges) {
    if (m.kind === 'label') {
      bump(out.labels, m.into, out.labels[m.from] ?? 0)
      delete out.labels[m.from]
      for (const key of Object.keys(out.values)) {
        const [label, attribute] = key.split('/') as [string, string]
        if (label === m.from) moveValues(key, `${m.into}/${attribute}`)
      }
      movePairs((part, i) => (i > 0 && part === m.from ? m.into : part))
    } else if (m.kind === 'attribute') {
      moveValues(`${m.label}/${m.from}`, `${m.label}/${m.into}`)
    } else if (m.kind === 'option') {
      const values = out.values[`${m.label}/${m.attribute}`]
      if (values?.[m.from] !== undefined) {
        bump(values, m.into, values[m.from])
        delete values[m.from]
      }
    } else {
      bump(out.linkTypes, m.into, out.linkTypes[m.from] ?? 0)
      delete out.linkTypes[m.from]
      movePairs((part, i) => (i === 0 && part === m.from ? m.into : part))
    }
  }
  return out
}

/** Annotations that hold any value of this attribute. */
export function attributeUse(usage: TagUsage, label: string, attribute: string): number {
  return Object.values(usage.values[`${label}/${attribute}`] ?? {}).reduce((n, c) => n + c, 0)
}

/** Annotations that hold this value of this attribute. */
export function optionUse(usage: TagUsage, label: string, attribute: string, value: string): number {
  return usage.values[`${label}/${attribute}`]?.[value] ?? 0
}

/**
 * Keys the document view gives to a command, which a label's key would take over (a label's key
 * is looked at first): A starts "Attribute to…".
 */
export const RESERVED_KEYS: readonly { key: string; what: string }[] = [{ key: 'a', what: 'Attribute to… (A)' }]

/** Why this tag set cannot be saved (one sentence each); empty when it can. */
export function tagSetProblems(tagSet: TagSet): string[] {
  const problems: string[] = []
  const { labels, linkTypes } = tagSet
  if (!labels.some((l) => !l.retired)) problems.push('Keep at least one label that is not retired, so there is something to tag with.')
  const seen = (what: string, values: string[], fold = (s: string) => s) => {
    const met = new Set<string>()
    for (const v of values) {
      const k = fold(v)
      if (met.has(k)) problems.push(`Two ${what} are called "${v}"; give each its own.`)
      met.add(k)
    }
  }
  const folded = (s: string) => s.trim().normalize('NFC').toLowerCase()
  seen(
    'labels',
    labels.map((l) => l.id),
  )
  seen(
    'labels',
    labels.map((l) => l.name),
    folded,
  )
  // A key twice: which two labels have it, so the one to change can be found.
  const keyed = new Map<string, LabelDef>()
  for (const l of labels) {
    if (l.key === '') continue
    const other = keyed.get(folded(l.key))
    if (other) problems.push(`${other.name} and ${l.name} both have the key "${l.key}"; give each its own.`)
    else keyed.set(folded(l.key), l)
  }
  for (const l of labels) {
    if (l.name.trim() === '') problems.push('A label needs a name.')
    if (l.key !== '' && !/^[\p{L}\p{N}]$/u.test(l.key)) problems.push(`${l.name}’s key "${l.key}" is not a letter or a digit.`)
    const reserved = RESERVED_KEYS.find((r) => r.key === l.key.toLowerCase())
    if (reserved) problems.push(`${l.name}’s key "${l.key}" is the key of ${reserved.what}; choose another.`)
    if (l.attributedTo !== null) {
      const to = labels.find((t) => t.id === l.attributedTo)
      if (!to) problems.push(`${l.name} is attributed to a label that is not in the tag set.`)
      else if (to.id === l.id) problems.push(`${l.name} cannot be attributed to itself.`)
    }
    seen(
      `attributes of ${l.name}`,
      l.attributes.map((a) => a.id),
    )
    seen(
      `attributes of ${l.name}`,
      l.attributes.map((a) => a.name),
      folded,
    )
    for (const a of l.attributes) problems.push(...attributeProblems(l, a))
  }
  seen(
    'link types',
    linkTypes.map((t) => t.id),
  )
  seen('link types', [...linkTypes.map((t) => t.name), ATTRIBUTION_NAME], folded)
  for (const t of linkTypes) {
    if (t.name.trim() === '') problems.push('A link type needs a name.')
    if (t.from.length === 0 || t.to.length === 0) problems.push(`The link type ${t.name} needs a label it goes from and one it goes to.`)
    for (const id of [...t.from, ...t.to]) {
      if (!labels.some((l) => l.id === id)) problems.push(`The link type ${t.name} names a label that is not in the tag set.`)
    }
  }
  return [...new Set(problems)]
}

function attributeProblems(label: LabelDef, a: AttributeDef): string[] {
  const problems: string[] = []
  if (a.name.trim() === '') return [`An attribute of ${label.name} needs a name.`]
  const where = `${label.name} → ${a.name}`
  if (a.type === 'choice') {
    const values = new Set<string>()
    const names = new Set<string>()
    for (const o of a.options) {
      if (o.name.trim() === '') problems.push(`An option of ${where} needs a name.`)
      if (values.has(o.value)) problems.push(`${where} has two options stored as "${o.value}".`)
      values.add(o.value)
      const n = o.name.trim().normalize('NFC').toLowerCase()
      if (names.has(n)) problems.push(`${where} has two options called "${o.name}"; give each its own name.`)
      names.add(n)
    }
    for (const o of a.options) {
      const other = a.options.find((p) => p !== o && p.value === o.name)
      if (other) problems.push(`${where}: the option "${o.name}" is named like another option's stored value; choose another name.`)
    }
  }
  if (a.type === 'number' && a.min !== null && a.max !== null && a.min > a.max) {
    problems.push(`${where}: the smallest allowed number is above the largest.`)
  }
  return problems
}

/** What a label, attribute, option or link type is now called, after the merges, in the next tag set. */
function mergedLabel(merges: readonly TagMerge[], id: string): string {
  let out = id
  for (const m of merges) if (m.kind === 'label' && m.from === out) out = m.into
  return out
}

function mergedValue(merges: readonly TagMerge[], label: string, attribute: string, value: string): string {
  let out = value
  for (const m of merges) if (m.kind === 'option' && m.label === label && m.attribute === attribute && m.from === out) out = m.into
  return out
}

function mergedLinkType(merges: readonly TagMerge[], id: string): string {
  let out = id
  for (const m of merges) if (m.kind === 'link' && m.from === out) out = m.into
  return out
}

/**
 * Why going from `before` to `after` (with these merges) would orphan or break what the project
 * has tagged (one sentence each, with counts); empty when nothing is lost. Everything in use must
 * still be there, be retired (kept, not offered), or be merged into something that is; every value
 * in use must still be a valid value; every link in use must still fit its type.
 */
export function changeProblems(before: TagSet, after: TagSet, usage: TagUsage, merges: readonly TagMerge[]): string[] {
  const problems: string[] = []
  for (const m of merges) problems.push(...mergeProblems(before, after, m))
  const nameOf = (id: string) => before.labels.find((l) => l.id === id)?.name ?? id
  for (const [labelId, count] of Object.entries(usage.labels)) {
    if (count === 0) continue
    const into = mergedLabel(merges, labelId)
    if (!after.labels.some((l) => l.id === into)) {
      problems.push(
        `${nameOf(labelId)} is used by ${plural(count, 'annotation')}; merge them into another label or retire it (kept and shown, no longer offered).`,
      )
    }
  }
  for (const [key, values] of Object.entries(usage.values)) {
    const [labelId, attributeId] = key.split('/') as [string, string]
    const label = mergedLabel(merges, labelId)
    if (!after.labels.some((l) => l.id === label)) continue // said above
    const def = findAttribute(after.labels, label, attributeId)
    const old = findAttribute(before.labels, labelId, attributeId)
    const total = Object.values(values).reduce((n, c) => n + c, 0)
    const where = `${nameOf(labelId)} → ${old?.name ?? attributeId}`
    if (!def) {
      problems.push(
        label === labelId
          ? `${where} holds a value in ${plural(total, 'annotation')}; retire the attribute instead of removing it.`
          : `${where} holds a value in ${plural(total, 'annotation')}, and ${nameOf(label)} has no such attribute; add it there before merging.`,
      )
      continue
    }
    const bad = new Map<string, number>()
    for (const [value, count] of Object.entries(values)) {
      const v = def.type === 'choice' ? mergedValue(merges, labelId, attributeId, value) : value
      if (valueProblem(def, v) !== null) bad.set(value, count)
    }
    if (bad.size > 0) {
      const n = [...bad.values()].reduce((a, b) => a + b, 0)
      const shown = [...bad.keys()]
        .slice(0, 3)
        .map((v) => `"${old?.type === 'choice' ? (old.options.find((o) => o.value === v)?.name ?? v) : v}"`)
      problems.push(
        def.type === 'choice'
          ? `${where}: ${plural(n, 'annotation')} ${n === 1 ? 'holds' : 'hold'} ${shown.join(', ')}${bad.size > 3 ? '…' : ''}, no longer an option; merge it into another option or retire it.`
          : `${where}: ${plural(n, 'annotation')} ${n === 1 ? 'holds' : 'hold'} values such as ${shown.join(', ')} that a ${def.type} attribute${def.type === 'number' ? ' with these bounds' : ''} cannot hold; change the attribute back or fix those values first.`,
      )
    }
  }
  const typeName = (id: string) => (id === ATTRIBUTION ? ATTRIBUTION_NAME : (before.linkTypes.find((t) => t.id === id)?.name ?? id))
  for (const [key, count] of Object.entries(usage.linkPairs)) {
    if (count === 0) continue
    const [type, from, to] = key.split('/') as [string, string, string]
    const t = mergedLinkType(merges, type)
    if (t !== ATTRIBUTION && !after.linkTypes.some((d) => d.id === t)) {
      problems.push(
        `${typeName(type)} is used by ${plural(usage.linkTypes[type] ?? count, 'link')}; merge them into another link type or retire it.`,
      )
      continue
    }
    const f = mergedLabel(merges, from)
    const o = mergedLabel(merges, to)
    if (!after.labels.some((l) => l.id === f) || !after.labels.some((l) => l.id === o)) continue // said above
    if (!linkFits(after, t, f, o)) {
      problems.push(
        `${plural(count, `${typeName(type)} link`)} ${count === 1 ? 'goes' : 'go'} from ${nameOf(from)} to ${nameOf(to)}, which the changed tag set would no longer allow; keep that pair allowed.`,
      )
    }
  }
  return [...new Set(problems)]
}

function mergeProblems(before: TagSet, after: TagSet, m: TagMerge): string[] {
  if (m.from === m.into) return ['A merge needs two different parts of the tag set.']
  switch (m.kind) {
    case 'label': {
      const from = before.labels.find((l) => l.id === m.from)
      if (!from) return ['A merge names a label that is not in the tag set.']
      if (!after.labels.some((l) => l.id === m.into)) return [`${from.name} is merged into a label that is not in the changed tag set.`]
      if (after.labels.some((l) => l.id === m.from)) return [`${from.name} is merged into another label, so it leaves the tag set.`]
      return []
    }
    case 'option': {
      const def = findAttribute(after.labels, m.label, m.attribute)
      if (def?.type !== 'choice' || !def.options.some((o) => o.value === m.into)) return ['An option is merged into one that is not there.']
      if (def.options.some((o) => o.value === m.from)) return ['A merged option leaves the attribute.']
      return []
    }
    case 'link': {
      const into = after.linkTypes.find((t) => t.id === m.into)
      if (m.into !== ATTRIBUTION && !into) return ['A link type is merged into one that is not there.']
      if (into && !into.multiple)
        return [`Links can only be merged into a type that allows several per annotation; ${into.name} allows one.`]
      if (m.from === ATTRIBUTION) return ['Attribution links cannot be merged into another type.']
      return []
    }
    case 'attribute':
      return ['Merging one attribute into another is not offered; retire it instead.']
  }
}

/**
 * One layer after the merges: labels, option values and link types carried over; a link that
 * merging made a duplicate of another (same type, same ends) is dropped, as it says nothing more.
 * `changed` is false when the merges touch nothing here (the layer need not be written).
 */
export function mergeLayer<A extends Annotation, L extends Link>(
  annotations: readonly A[],
  links: readonly L[],
  merges: readonly TagMerge[],
): { annotations: A[]; links: L[]; changed: boolean } {
  let changed = false
  const outAnnotations = annotations.map((a) => {
    const label = mergedLabel(merges, a.label)
    let attributes = a.attributes
    for (const [attribute, value] of Object.entries(a.attributes)) {
      const v = mergedValue(merges, a.label, attribute, value)
      if (v !== value) attributes = { ...attributes, [attribute]: v }
    }
    if (label === a.label && attributes === a.attributes) return a
    changed = true
    return { ...a, label, attributes }
  })
  const seen = new Set<string>()
  const outLinks: L[] = []
  for (const l of links) {
    const type = mergedLinkType(merges, l.type)
    const key = `${type}\u0000${l.from}\u0000${l.to}`
    if (seen.has(key)) {
      changed = true
      continue
    }
    seen.add(key)
    if (type !== l.type) changed = true
    outLinks.push(type === l.type ? l : { ...l, type })
  }
  return { annotations: outAnnotations, links: outLinks, changed }
}

/**
 * The tag set with label `from` merged into `into`: `into` gains the attributes of `from` it does
 * not have, link types that allowed `from` allow `into`, labels attributed to `from` are attributed
 * to `into`, and `from` leaves. (The editor's "Merge into…"; changeProblems still checks the result.)
 */
export function mergeLabelInto(tagSet: TagSet, from: string, into: string): TagSet {
  const source = tagSet.labels.find((l) => l.id === from)
  if (!source || !tagSet.labels.some((l) => l.id === into)) return tagSet
  const swap = (ids: readonly string[]) => [...new Set(ids.map((id) => (id === from ? into : id)))]
  const labels = tagSet.labels
    .filter((l) => l.id !== from)
    .map((l) => {
      const attributedTo = l.attributedTo === from ? (l.id === into ? null : into) : l.attributedTo
      if (l.id !== into) return attributedTo === l.attributedTo ? l : { ...l, attributedTo }
      const missing = source.attributes.filter((a) => !l.attributes.some((b) => b.id === a.id))
      return { ...l, attributedTo: attributedTo ?? source.attributedTo, attributes: [...l.attributes, ...missing] }
    })
  const linkTypes: LinkTypeDef[] = tagSet.linkTypes.map((t) => ({ ...t, from: swap(t.from), to: swap(t.to) }))
  return { labels, linkTypes }
}

/** "A", "A and B", "A, B and C". */
const listed = (items: readonly string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items)

/**
 * What merging label `from` into `into` does besides relabelling, in one sentence, said before it
 * is saved: the attributes `into` gains, the link types and labels that took `from` and take
 * `into` from then on (mergeLabelInto does it).
 */
export function labelMergeSentence(tagSet: TagSet, from: string, into: string): string {
  const source = tagSet.labels.find((l) => l.id === from)
  const target = tagSet.labels.find((l) => l.id === into)
  if (!source || !target) return ''
  const parts = [`${source.name}’s annotations become ${target.name}’s`]
  const gained = source.attributes.filter((a) => !target.attributes.some((b) => b.id === a.id)).map((a) => a.name)
  if (gained.length > 0) parts.push(`${target.name} gains ${gained.length === 1 ? 'the attribute' : 'the attributes'} ${listed(gained)}`)
  const types = tagSet.linkTypes.filter((t) => t.from.includes(from) || t.to.includes(from)).map((t) => t.name)
  if (types.length > 0)
    parts.push(
      `${types.length === 1 ? 'the link type' : 'the link types'} ${listed(types)} ${types.length === 1 ? 'takes' : 'take'} ${target.name} where ${types.length === 1 ? 'it' : 'they'} took ${source.name}`,
    )
  const attributed = tagSet.labels.filter((l) => l.attributedTo === from && l.id !== into).map((l) => l.name)
  if (attributed.length > 0) parts.push(`${listed(attributed)} ${attributed.length === 1 ? 'is' : 'are'} attributed to ${target.name}`)
  return `${parts.join('; ')}.`
}

/**
 * Whether two tag sets are the same (labels, attributes, options and link types, in the same
 * order, whatever the order of their keys): a save made from a tag set that is no longer the
 * project's would undo what was saved since, so it is refused (Labels… open in two windows).
 */
export function sameTagSet(a: TagSet, b: TagSet): boolean {
  return canonicalJson({ labels: a.labels, linkTypes: a.linkTypes }) === canonicalJson({ labels: b.labels, linkTypes: b.linkTypes })
}

/** JSON with every object's keys sorted (undefined values left out, as JSON leaves them). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  )
}

/** A label id for a new label called `name`, not already taken: "Evidence" → "evidence", then "evidence_2". */
export function newId(name: string, taken: readonly string[]): string {
  const base =
    foldToAscii(name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 28) || 'tag'
  if (!taken.includes(base)) return base
  for (let i = 2; ; i++) if (!taken.includes(`${base}_${i}`)) return `${base}_${i}`
}

/**
 * The tag set as it is saved: what is new since `saved` (labels, attributes, link types, options)
 * takes its id or stored value from its name ("Evidence" → evidence, an option "very sure" stored
 * as "very sure"), so CSV columns read like the names; what was saved keeps its id, so nothing
 * tagged with it changes. References (attributed to, link ends, merges) follow.
 */
export function settleNewIds(next: TagSet, saved: TagSet, merges: readonly TagMerge[] = []): { tagSet: TagSet; merges: TagMerge[] } {
  const labelIds = new Map<string, string>()
  const savedLabels = new Set(saved.labels.map((l) => l.id))
  const taken = next.labels.filter((l) => savedLabels.has(l.id)).map((l) => l.id)
  for (const l of next.labels) {
    if (savedLabels.has(l.id)) continue
    const id = newId(l.name, taken)
    taken.push(id)
    labelIds.set(l.id, id)
  }
  const label = (id: string) => labelIds.get(id) ?? id
  const labels = next.labels.map((l) => {
    const before = saved.labels.find((s) => s.id === l.id)
    const attributeIds = l.attributes.filter((a) => before?.attributes.some((b) => b.id === a.id)).map((a) => a.id)
    const attributes = l.attributes.map((a) => {
      const old = before?.attributes.find((b) => b.id === a.id)
      let settled = a
      if (!old) {
        const id = newId(a.name, attributeIds)
        attributeIds.push(id)
        settled = { ...a, id }
      }
      if (settled.type !== 'choice') return settled
      const oldValues = new Set(old?.type === 'choice' ? old.options.map((o) => o.value) : [])
      const values = settled.options.filter((o) => oldValues.has(o.value)).map((o) => o.value)
      const options = settled.options.map((o) => {
        if (oldValues.has(o.value)) return o
        let value = o.name.trim().slice(0, 60) || 'option'
        for (let n = 2; values.includes(value); n++) value = `${o.name.trim().slice(0, 55)} ${n}`
        values.push(value)
        return { ...o, value }
      })
      return { ...settled, options }
    })
    return { ...l, id: label(l.id), attributedTo: l.attributedTo === null ? null : label(l.attributedTo), attributes }
  })
  const typeIds = new Map<string, string>()
  const savedTypes = new Set(saved.linkTypes.map((t) => t.id))
  const takenTypes = [ATTRIBUTION, ...next.linkTypes.filter((t) => savedTypes.has(t.id)).map((t) => t.id)]
  const linkTypes = next.linkTypes.map((t) => {
    let id = t.id
    if (!savedTypes.has(t.id)) {
      id = newId(t.name, takenTypes)
      takenTypes.push(id)
      typeIds.set(t.id, id)
    }
    return { ...t, id, from: t.from.map(label), to: t.to.map(label) }
  })
  const settledMerges = merges.map((m): TagMerge => {
    if (m.kind === 'label') return { ...m, into: label(m.into) }
    if (m.kind === 'link') return { ...m, into: typeIds.get(m.into) ?? m.into }
    return m
  })
  return { tagSet: { labels, linkTypes }, merges: settledMerges }
}
