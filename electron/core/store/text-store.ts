/**
 * A plain text file the user edits in the app and may also edit elsewhere (guidelines.md): read
 * only if it is a regular file inside the project, and saved by compare-and-swap. A save names the
 * version it started from (its sha256); under the file's lock the file is read again, and if
 * someone else changed it meanwhile the save is refused ('conflict') and nothing is written, so
 * neither their text nor the user's (still in the editor) is lost. The version replaced is kept
 * among the backups, and the new one is written durably (durable.ts).
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { DomainError } from '../../../shared/errors'
import type { StoreBackups } from './backups'
import { saveFailedSentence, writeFileDurable } from './durable'
import { withFileLock } from './file-lock'
import { SkippedFileError, readRegularTextOrNull } from './regular-file'

/** A text file as read: its content, sha256 and modification time; all null when there is none. */
export interface TextFileState {
  text: string | null
  sha256: string | null
  modified: string | null
}

/** sha256 (hex) of a text's UTF-8 bytes. */
export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export class DurableTextFile {
  constructor(
    readonly path: string,
    private readonly options: {
      /** What the file is, as the start of a sentence ("guidelines.md"). */
      describe: string
      /** The project folder: the file is read only if it is a regular file inside it. */
      within: string
      maxBytes: number
      backups: StoreBackups | null
    },
  ) {}

  /** The file as it is now. */
  async read(): Promise<TextFileState> {
    let text: string | null
    try {
      text = await readRegularTextOrNull(this.path, { maxBytes: this.options.maxBytes, within: this.options.within })
    } catch (e) {
      if (e instanceof SkippedFileError)
        throw new DomainError('invalid', `${this.options.describe} ${e.why}, so Marginalia does not read it.`)
      throw e
    }
    if (text === null) return { text: null, sha256: null, modified: null }
    const stat = await fs.stat(this.path).catch(() => null)
    return { text, sha256: sha256Of(text), modified: stat ? stat.mtime.toISOString() : null }
  }

  /**
   * Save `text` over the version whose sha256 is `base` (null: there was no file). Refused
   * ('conflict') when the file is no longer that version.
   */
  async save(text: string, base: string | null): Promise<TextFileState> {
    return withFileLock(
      this.path,
      async () => {
        const now = await this.read()
        if (now.sha256 !== base)
          throw new DomainError(
            'conflict',
            `${this.options.describe} was changed by someone else since you opened it, so your text was not saved; copy it, reload, and add your changes again.`,
          )
        if (now.text === text) return now
        try {
          await this.options.backups?.beforeSave(now.text)
          await writeFileDurable(this.path, text)
          await this.options.backups?.afterSave(text)
        } catch (e) {
          if (e instanceof DomainError) throw e
          throw new DomainError('failed', saveFailedSentence(`Your change to ${this.options.describe}`, e, this.options.within))
        }
        return this.read()
      },
      { describe: this.options.describe },
    )
  }
}
