/**
 * lowdb stores on durable files. The adapter reads and validates a JSON file against a zod schema
 * and writes it with writeFileDurable (lowdb's own file adapter renames but never fsyncs). A file
 * that does not parse or validate is moved aside, never overwritten, and the caller gets one
 * sentence to show the user.
 */
import { promises as fs } from 'node:fs'
import { basename } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { z } from 'zod'
import { UserError } from '../../shared/api'
import { moveAside, writeFileDurable } from './durable'

/** Adapter for lowdb: durable writes, validated reads, unreadable files kept aside. */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Set after a read that found an unreadable file: what happened, for the user. */
  notice: string | null = null
  private writing: Promise<void> = Promise.resolve()
  private pending = 0
  /** The file's content as last read or written by us, to tell others' changes from our own. */
  private last: string | null = null

  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly describe: string,
    private readonly maxVersion: number,
  ) {}

  async read(): Promise<T | null> {
    let raw: string
    try {
      raw = await fs.readFile(this.path, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    const parsed = this.parse(raw)
    if (parsed === 'unreadable') return this.setAside('is not valid JSON')
    if (parsed === 'invalid') return this.setAside('does not have the expected structure')
    this.last = raw
    return parsed
  }

  /**
   * After a change on disk: the new content if someone else changed the file, or null when it is
   * ours, unchanged, being written by us, or not (yet) readable — a sync tool may still be writing
   * it; its next change brings the complete file. Never moves anything aside.
   */
  async readIfChangedByOthers(): Promise<T | null> {
    if (this.pending > 0) return null
    let raw: string
    try {
      raw = await fs.readFile(this.path, 'utf8')
    } catch {
      return null
    }
    if (raw === this.last || this.pending > 0) return null
    let parsed: T | 'unreadable' | 'invalid'
    try {
      parsed = this.parse(raw)
    } catch {
      return null
    }
    if (parsed === 'unreadable' || parsed === 'invalid') return null
    this.last = raw
    return parsed
  }

  private parse(raw: string): T | 'unreadable' | 'invalid' {
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      return 'unreadable'
    }
    const version = (json as { version?: unknown } | null)?.version
    if (typeof version === 'number' && version > this.maxVersion) {
      throw new UserError(
        'conflict',
        `${this.describe} was written by a newer Marginalia (format version ${version}); update Marginalia to open it.`,
      )
    }
    const result = this.schema.safeParse(json)
    return result.success ? result.data : 'invalid'
  }

  /** Writes are queued, so the file on disk always ends up holding the newest data. */
  write(data: T): Promise<void> {
    const json = `${JSON.stringify(data, null, 2)}\n`
    this.pending++
    const next = this.writing.then(async () => {
      await writeFileDurable(this.path, json)
      this.last = json
    })
    this.writing = next.catch(() => undefined).finally(() => this.pending--)
    return next
  }

  private async setAside(problem: string): Promise<null> {
    const aside = await moveAside(this.path)
    this.notice = `${this.describe} ${problem}; it was kept as ${basename(aside)} and a new one was started.`
    return null
  }
}

/** Open a lowdb store on a durable JSON file; `notice` is set if an unreadable file was set aside. */
export async function openJsonStore<T>(
  path: string,
  schema: z.ZodType<T>,
  defaultData: T,
  describe: string,
  maxVersion: number,
): Promise<{ db: Low<T>; notice: string | null; existed: boolean }> {
  const adapter = new DurableJsonFile(path, schema, describe, maxVersion)
  const db = new Low<T>(adapter, defaultData)
  const data = await adapter.read()
  if (data !== null) db.data = data
  return { db, notice: adapter.notice, existed: data !== null }
}
