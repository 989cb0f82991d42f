import { memo, useMemo } from 'react'
import { markdownToSafeHtml } from '../markdown/safe-html'

/** Markdown from the project, shown as sanitised HTML (see markdown/safe-html.ts: nothing runs, nothing loads). */
export const SafeMarkdown = memo(function SafeMarkdown({ markdown, className }: { markdown: string; className?: string }) {
  const html = useMemo(() => markdownToSafeHtml(markdown), [markdown])
  // The HTML is DOMPurify's output with a strict allow-list; this is the one place it enters the page.
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />
})
