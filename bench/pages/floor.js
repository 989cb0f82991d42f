// The floor: the text as static <p> paragraphs and nothing else. A label key wraps the selection
// in one highlight element and Delete unwraps it again: the least DOM work a highlight can cost.
;(() => {
  let added = null
  let last = null
  globalThis.benchPage = {
    ready: () => document.readyState !== 'loading' && document.getElementById('text') !== null,
    added: () => last !== null && last.isConnected,
  }
  addEventListener('keydown', (e) => {
    if (e.key === '1' && !added) {
      const sel = getSelection()
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return
      const range = sel.getRangeAt(0)
      const span = document.createElement('span')
      span.className = 'bench-new'
      span.append(range.extractContents())
      range.insertNode(span)
      sel.collapse(span, span.childNodes.length)
      added = span
      last = span
    } else if (e.key === 'Delete' && added) {
      const span = added
      added = null
      span.replaceWith(...span.childNodes)
    }
  })
})()
