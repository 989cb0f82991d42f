/** What every command shares: usage errors (exit 2), progress on stderr, JSON on stdout. */
import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import { DomainError } from '../../shared/errors'
import { HELP } from './help'
import type { Project } from '../core/project/project'
import { Settings, defaultConfigDir } from '../core/project/settings'

/**
 * Print a usage problem, the command's usage line and where its options are; the exit code for
 * wrong usage. Not the whole help: the sentence that says what is wrong would scroll away above it.
 */
export function usage(command: string, problem: string): number {
  const line = HELP[command]?.split('\n', 1)[0] ?? ''
  console.error(`${problem}\n\n${line}\nRun 'marginalia ${command} --help' for every option.`)
  return 2
}

/** A progress line on stderr ("Importing 3/120: name"), only for runs long enough to want one. */
export function progress(total: number, threshold = 5): (done: number, what: string) => void {
  if (total < threshold) return () => {}
  return (done, what) => process.stderr.write(`${done}/${total} ${what}\n`)
}

/** Write a value as JSON on standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** A comma-separated option as a list (empty when absent). */
export function list(value: string | undefined): string[] {
  return (
    value
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? []
  )
}

/** Which layers a command read: these annotators' and documents' (null: all). */
export interface ReadScope {
  annotators?: readonly string[] | null
  documents?: readonly string[] | null
}

/**
 * A layer found damaged while a command read it was set aside, or one found damaged in an earlier
 * run is not restored yet (its last good copy is still pinned), and what the command wrote or
 * counted leaves it out: each said in one sentence on standard error, and the exit code is 1 (not
 * 0), so a script notices, in every run until the damage is settled, not only the first.
 */
export async function saidDamaged(
  project: Project,
  code: number,
  scope: ReadScope = {},
  did: 'written' | 'counted' = 'written',
): Promise<number> {
  const notices = await project.setAsideNotices()
  for (const n of notices) console.error(`${n.replace(/\.$/, '')}; what was ${did} leaves it out.`)
  const inScope = (annotator: string, document: string) =>
    (!scope.annotators || scope.annotators.includes(annotator)) && (!scope.documents || scope.documents.includes(document))
  const earlier = (await project.damagedEarlier(scope.annotators ?? null)).filter((d) => inScope(d.annotator, d.document))
  for (const d of earlier) {
    const title = project.documents.find((x) => x.id === d.document)?.title ?? d.document
    console.error(
      `${d.annotator}'s annotations of “${title}” were found damaged earlier and set aside; their last good copy is kept until it is restored (Backups… in the app, or marginalia backups), and what was ${did} leaves them out.`,
    )
  }
  return notices.length + earlier.length > 0 && code === 0 ? 1 : code
}

/**
 * The annotator name in the app's settings, or null. A settings file that could not be read was
 * kept aside by opening it: that is said on standard error, not taken for a name never set.
 */
export async function settingsAnnotator(): Promise<string | null> {
  const settings = await Settings.open(defaultConfigDir())
  if (settings.notice) console.error(settings.notice)
  return settings.annotator
}

/** A mistyped --out makes no folders: the folder it goes into must be there already (a DomainError in one sentence). */
export async function checkOutFolder(out: string): Promise<void> {
  const folder = dirname(out)
  const there = await fs.stat(folder).catch(() => null)
  if (!there) throw new DomainError('invalid', `The folder ${folder} does not exist; create it first, or give another --out.`)
  if (!there.isDirectory()) throw new DomainError('invalid', `${folder} is not a folder; give another --out.`)
}
