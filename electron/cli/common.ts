/** What every command shares: usage errors (exit 2), progress on stderr, JSON on stdout. */
import { HELP } from './help'
import type { Project } from '../core/project/project'

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

/**
 * A layer found damaged while a command read it was set aside, and what the command wrote or
 * counted leaves it out: each said in one sentence on standard error, and the exit code is 1 (not
 * 0), so a script notices.
 */
export async function saidDamaged(project: Project, code: number): Promise<number> {
  const notices = await project.setAsideNotices()
  for (const n of notices) console.error(`${n.replace(/\.$/, '')}; what was written leaves it out.`)
  return notices.length > 0 && code === 0 ? 1 : code
}
