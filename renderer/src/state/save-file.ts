/**
 * Handing the user a file the host produced (a CSV export, an agreement report): on desktop the
 * native save dialog (host.saveFile writes it), in browser mode a download of the same name.
 */
import type { Client } from '../../../shared/api'

/** Save text as a file; returns where it went (a path, or the downloaded file's name), or null if cancelled. */
export async function saveTextFile(client: Client, host: 'desktop' | 'browser' | undefined, filename: string, content: string, type: string): Promise<string | null> {
  if (host === 'desktop') {
    const saved = await client.call('host.saveFile', { defaultName: filename, content })
    return saved ? saved.path : null
  }
  const url = URL.createObjectURL(new Blob([content], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return filename
}
