/**
 * The editor's document: doc > (paragraph | gap)+. A paragraph is one line of the stored text
 * (split on '\n', so an empty line is an empty paragraph); a gap stands for lines the view has
 * not drawn (text-window.ts), as one empty block as tall as they are. The editor never holds more
 * than a window of a long text, so positions in it are not the text's: TextWindow converts them
 * to the positions of the whole text, which shared/offsets.ts turns into code points.
 */
import { Schema, type Node } from 'prosemirror-model'

/** The only schema the document view uses: paragraphs of plain text, gaps between them, no marks. */
export const textSchema = new Schema({
  nodes: {
    doc: { content: '(paragraph | gap)+' },
    paragraph: {
      content: 'text*',
      toDOM: () => ['p', { dir: 'auto' }, 0],
      parseDOM: [{ tag: 'p' }],
    },
    gap: {
      atom: true,
      selectable: false,
      attrs: { from: { default: 0 }, to: { default: 0 } },
      toDOM: (node) => ['div', { class: 'mg-gap', 'aria-hidden': 'true', 'data-lines': `${node.attrs.from}-${node.attrs.to}` }],
    },
    text: {},
  },
  marks: {},
})

/** The paragraph of one line of text. */
export function paragraphOf(line: string): Node {
  return textSchema.node('paragraph', null, line.length > 0 ? [textSchema.text(line)] : [])
}

/** The editor document of a whole text, every line drawn (tests, and what a window of all lines equals). */
export function docFromText(text: string): Node {
  return textSchema.node('doc', null, text.split('\n').map(paragraphOf))
}
