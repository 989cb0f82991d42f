/**
 * The editor's document: doc > paragraph+ > text*, one paragraph per line of the stored text
 * (split on '\n', so an empty line is an empty paragraph). This shape is what TextIndex assumes,
 * which makes its code point <-> editor position conversions exact.
 */
import { Schema, type Node } from 'prosemirror-model'

/** The only schema the document view uses: paragraphs of plain text, no marks. */
export const textSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      toDOM: () => ['p', { dir: 'auto' }, 0],
      parseDOM: [{ tag: 'p' }],
    },
    text: {},
  },
  marks: {},
})

/** The editor document for a stored text. */
export function docFromText(text: string): Node {
  const paragraphs = text.split('\n').map((line) => textSchema.node('paragraph', null, line.length > 0 ? [textSchema.text(line)] : []))
  return textSchema.node('doc', null, paragraphs)
}
