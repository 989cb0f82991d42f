/**
 * Label definitions in guidelines.md: the section whose heading is a label's name or id (any case,
 * any level) is that label's definition, up to the next heading of the same or a higher level
 * (docs/format.md#guidelinesmd). Parsed with marked's lexer, so a "# Claim" inside a fenced code
 * block or a quote is not a heading. Pure: the Markdown of each definition comes back, to render
 * and sanitise where it is shown.
 */
import { Lexer, type Token } from 'marked'
import type { LabelSchema } from '../../../../shared/model/labels'

function fold(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

/** Each label's definition (Markdown, trimmed), by label id; labels without a section are absent. */
export function labelDefinitions(markdown: string, labels: LabelSchema): Map<string, string> {
  const out = new Map<string, string>()
  if (markdown.trim() === '') return out
  const tokens: Token[] = new Lexer({ gfm: true }).lex(markdown)
  const byName = new Map<string, string>()
  for (const l of labels) {
    byName.set(fold(l.id), l.id)
    byName.set(fold(l.name), l.id)
  }
  tokens.forEach((token, i) => {
    if (token.type !== 'heading') return
    const id = byName.get(fold(token.text.replace(/[*_`]/g, '')))
    if (!id || out.has(id)) return
    const depth = token.depth as number
    let raw = ''
    for (const next of tokens.slice(i + 1)) {
      if (next.type === 'heading' && (next.depth as number) <= depth) break
      raw += next.raw
    }
    if (raw.trim() !== '') out.set(id, raw.trim())
  })
  return out
}
