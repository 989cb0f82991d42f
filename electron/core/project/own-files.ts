/**
 * The files a project folder holds for Marginalia itself: project.json, guidelines.md, and all of
 * texts/, annotations/ and .marginalia/ (backups). An export, a network or a report is never
 * written over one of them: a CSV written to project.json made the project unreadable.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { DomainError } from '../../../shared/errors'
import { WORK_FOLDER } from '../store/backups'
import { GUIDELINES_FILE } from './project'

/** The files at the top of a project folder that are the project (the archive holds them). */
export const PROJECT_FILES: readonly string[] = ['project.json', GUIDELINES_FILE]
/** The folders that are the project: its texts and every layer (the archive holds them). */
export const PROJECT_FOLDERS: readonly string[] = ['texts', 'annotations']
/** Marginalia's own files, beside them: the project's and its working folder (backups). */
const OWN_FOLDERS = [...PROJECT_FOLDERS, WORK_FOLDER]

/** Which of the project's own files or folders `path` is, or is inside; null when it is none of them. */
export function ownFileAt(projectDir: string, path: string): string | null {
  const rel = relative(resolve(projectDir), resolve(path))
  if (rel === '') return 'the project folder itself'
  if (rel.startsWith('..') || isAbsolute(rel)) return null
  const parts = rel.split(sep)
  if (parts.length === 1 && PROJECT_FILES.includes(parts[0]!)) return parts[0]!
  return OWN_FOLDERS.includes(parts[0]!) ? `${parts[0]}/` : null
}

/** A DomainError ('invalid') when `path` is one of the project's own files, in one sentence naming it and saying where to write instead. */
export function refuseOwnFile(projectDir: string, path: string, what = 'the export'): void {
  const own = ownFileAt(projectDir, path)
  if (own === null) return
  throw new DomainError(
    'invalid',
    `${path} is ${own === 'the project folder itself' ? own : `in this project's own files (${own})`}, which Marginalia keeps for itself; write ${what} outside it, or in a folder of its own in the project.`,
  )
}
