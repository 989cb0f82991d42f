/**
 * Where something is in its text: "¶ 12", its paragraph (see paragraphOf in shared/search/find.ts),
 * so hits or annotations with the same words read apart. The find list and the annotation list
 * show it alike; each places it with its own class.
 */
export function ParagraphMark({ paragraph, className }: { paragraph: number; className: string }) {
  return (
    <span className={className} title={`Paragraph ${paragraph.toLocaleString('en')}`}>
      ¶{'\u00a0'}
      {paragraph.toLocaleString('en')}
    </span>
  )
}
