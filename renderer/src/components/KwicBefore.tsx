/**
 * The context before a hit in a keyword-in-context line. Its box runs right to left, so the words
 * nearest the hit stay in view when the line is clipped. Unicode's bidi rule for white space at the
 * end of a line would then draw a space before the hit at the far left, so the hit would seem to
 * stick to the word before it. The space is drawn as a no-break space instead, which stays where it
 * is.
 */
export function KwicBefore({ text }: { text: string }) {
  return (
    <span className="kwic-before">
      <span dir="auto">{text.replace(/[ \t]+$/, (end) => '\u00a0'.repeat(end.length))}</span>
    </span>
  )
}
