/**
 * A debate whose names try to break the network files: XML's special characters, a CDATA end,
 * quotes of both kinds, control characters XML 1.0 cannot hold, emoji and flags, Hebrew and
 * Arabic, a combining accent, and a formula-like name. The GraphML and GEXF tests write it and
 * read it back with a reader we did not write.
 */
import type { ExportLayer } from '../interchange/layer'
import { discourseLayer, source, stance } from './discourse-layers'

/** Canonical names given to the sources, as typed. */
export const HOSTILE_NAMES = [
  'Tom & "Jerry" <co>',
  "O'Brien ]]> x",
  'Bell\u0007 and\u001b escape',
  'חמאס 🇮🇱 حماس',
  '=HYPERLINK("x")',
  'Zoe\u0301',
]

/** Targets, as typed. */
export const HOSTILE_TARGETS = ['<script>alert(1)</script>', 'peace & quiet', 'tab\there', '😀 emoji']

/** One layer in which every hostile name takes a stance on every hostile target, alternating favor and against. */
export function hostileLayer(document = 'hostile', annotator = 'maria'): ExportLayer {
  const words = HOSTILE_NAMES.map((_, i) => `speaker${i}`)
  const text = words.map((w) => `${w} said ${HOSTILE_TARGETS.map((_, j) => `s${j}`).join(' ')}.`).join('\n')
  const marks = words.flatMap((w, i) => [
    source(`src${i}`, w, i % 2 ? 'person' : 'organization', HOSTILE_NAMES[i]),
    ...HOSTILE_TARGETS.map((t, j) => stance(`st${i}-${j}`, `s${j}`, (i + j) % 2 ? 'against' : 'favor', t, `src${i}`, i + 1)),
  ])
  return discourseLayer({ document, annotator, text, marks })
}
