/**
 * Reading a file the user picked or dropped into what documents.import and documents.previewCsv
 * take: its bytes as base64. Files are read one request at a time, just before they are sent, so
 * a large selection is never held in memory all at once.
 */

/** The file's bytes as base64. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.addEventListener('load', () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    })
    reader.addEventListener('error', () => reject(reader.error ?? new Error('unreadable')))
    reader.readAsDataURL(file)
  })
}

/** The sentence for a file that could not be read from disk. */
export function unreadable(name: string): { name: string; message: string } {
  return { name, message: `${name} could not be read; check that it still exists and that you may open it.` }
}
