/**
 * The editor's document: doc > paragraph+ > text*, one paragraph per line of the stored text
 * (split on '\n', so an empty line is an empty paragraph). This shape is what TextIndex assumes,
 * which makes its code point <-> editor position conversions exact.
 */
import { Schema, type Node } from 'prosemirror-model'

/** About how many characters fit on a line of the text column (styles.css: 42rem less padding, 18px). */
const CHARS_PER_LINE = 68

/**
 * The height a paragraph is assumed to have while the browser skips laying it out (the text's
 * paragraphs have `content-visibility: auto`, styles.css), in lines of its own line height, from
 * its length: close estimates keep the scroll height and the scroll bar steady as paragraphs get
 * their real size. Once laid out, the browser remembers the real one (`auto`).
 */
export function estimatedLines(chars: number): number {
  return Math.max(1, Math.ceil(chars / CHARS_PER_LINE))
}

/** The only schema the document view uses: paragraphs of plain text, no marks. */
export const textSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      toDOM: (node) => ['p', { dir: 'auto', style: `contain-intrinsic-size: auto ${estimatedLines(node.content.size)}lh` }, 0],
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
