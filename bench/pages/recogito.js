// The peer: @recogito/text-annotator over the same <p> paragraphs, with the same spans, loaded the
// way its store takes them in bulk (its documented setAnnotations() throws in its CSS-highlights
// renderer, so bulkAddAnnotations(annos, true); its default SPANS renderer draws the highlights in
// view as positioned elements). The load is given the REMOTE origin, as annotations loaded from
// elsewhere are: with the default LOCAL origin, a load within 250 ms of the page's start (the
// 100 KB page under Chromium 150) threw in its undo history, which merges a change made within
// 250 ms of the last into the last one, and there was none yet. A label key adds an annotation over the selection and Delete
// removes it, through its public API. Its stylesheet is linked from the page
// (bench/static-pages.ts copies it next to the bundle).
import { createTextAnnotator } from '@recogito/text-annotator'

const COLORS = { claim: '#2b5a87', source: '#b3261e', stance: '#2e6b3a' }
const LABELS = ['claim', 'source', 'stance']

let loaded = false
/** The annotation the last key press added (null once deleted), and the last one drawn. */
let added = null
let last = null
let layer = null
let anno = null
let next = 0

globalThis.benchPage = {
  ready: () => loaded && layer !== null && layer.childElementCount > 0,
  added: () => last !== null && layer !== null && layer.querySelector(`[data-annotation="${last}"]`) !== null,
}

function annotation(id, label, selector) {
  return {
    id,
    bodies: [{ id: `${id}-tag`, annotation: id, purpose: 'tagging', value: label }],
    target: { annotation: id, selector: [selector] },
  }
}

async function load() {
  const spans = await (await fetch(document.body.dataset.spans)).json()
  const container = document.getElementById('text')
  anno = createTextAnnotator(container, {
    renderer: 'SPANS',
    annotatingEnabled: false,
    style: (a) => ({ fill: COLORS[a.bodies[0]?.value] ?? '#888888', fillOpacity: 0.25 }),
  })
  const annos = spans.map(([start, end, label, quote], i) => annotation(`r${i + 1}`, LABELS[label], { quote, start, end }))
  anno.state.store.bulkAddAnnotations(annos, true, 'REMOTE')
  layer = container.querySelector('.r6o-span-highlight-layer')
  loaded = true
}

addEventListener('keydown', (e) => {
  if (!anno) return
  if (e.key === '1' && added === null) {
    const sel = getSelection()
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return
    const range = sel.getRangeAt(0).cloneRange()
    const id = `bench-new-${++next}`
    anno.addAnnotation(annotation(id, 'claim', { quote: range.toString(), range }))
    added = id
    last = id
  } else if (e.key === 'Delete' && added !== null) {
    anno.removeAnnotation(added)
    added = null
  }
})

load().catch((e) => {
  document.title = `failed: ${e.message}`
  throw e
})
