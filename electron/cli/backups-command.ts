/** `marginalia backups`: list the backups Marginalia keeps of a project's files, and put one back. */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DomainError } from '../../shared/errors'
import { AnnotatorName } from '../../shared/model/annotation'
import type { BackupInfo } from '../../shared/model/backup'
import { Project, type StoreKey } from '../core/project/project'
import { printJson, usage } from './common'

export async function backupsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      project: { type: 'boolean' },
      annotator: { type: 'string' },
      document: { type: 'string' },
      reviewed: { type: 'string' },
      text: { type: 'string' },
      restore: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return usage('backups', 'backups takes one project folder.')
  const named = [values.project, values.annotator !== undefined || values.document !== undefined, values.reviewed, values.text].filter(
    Boolean,
  )
  if (named.length > 1) return usage('backups', 'Name one file: --project, --annotator with --document, --reviewed, or --text.')
  if ((values.annotator === undefined) !== (values.document === undefined))
    return usage('backups', 'An annotator’s layer is named by both --annotator NAME and --document ID.')
  if (values.annotator !== undefined && !AnnotatorName.safeParse(values.annotator).success)
    return usage('backups', `"${values.annotator}" is not an annotator name.`)
  if (named.length === 0 && values.restore !== undefined) return usage('backups', '--restore needs the file it restores named.')

  // project.json is listed and restored without opening the project: it may be the file that is damaged.
  if (values.project) {
    const abs = resolve(dir)
    const file = join(abs, 'project.json')
    if (values.restore === undefined) return listed(await Project.listProjectBackups(abs), file, values.json)
    return restored(await Project.restoreProjectBackup(abs, values.restore), file, values.json)
  }
  const project = await Project.open(dir)
  if (named.length === 0) return damaged(project, values.json)
  const document = values.document ?? values.reviewed ?? values.text!
  if (!project.documents.some((d) => d.id === document))
    throw new DomainError('not-found', `This project has no document "${document}"; stats lists its documents.`)
  const ref: StoreKey =
    values.annotator !== undefined
      ? { store: 'annotations', annotator: values.annotator, document }
      : values.reviewed !== undefined
        ? { store: 'reviewed', document }
        : { store: 'text', document }
  const what =
    ref.store === 'annotations'
      ? `${ref.annotator}'s annotations of ${document}`
      : ref.store === 'reviewed'
        ? `the reviewed layer of ${document}`
        : `the text of ${document}`
  if (values.restore === undefined) return listed(await project.listBackups(ref), what, values.json)
  return restored(await project.restoreBackup(ref, values.restore), what, values.json)
}

function listed(backups: BackupInfo[], what: string, json: boolean | undefined): number {
  if (json) printJson(backups)
  else if (backups.length === 0) console.log(`Marginalia keeps no backups of ${what} yet.`)
  else {
    console.log(`Backups of ${what}, newest first (restore one with --restore ID):`)
    for (const b of backups)
      console.log(`${b.id}  ${b.kind.padEnd(8)}  ${b.saved}  ${b.summary}${b.restorable ? '' : ' (cannot be restored)'}`)
  }
  return 0
}

function restored(result: { restored: BackupInfo; notice: string | null }, what: string, json: boolean | undefined): number {
  if (json) printJson(result)
  else {
    console.log(
      `Restored ${what} from the copy saved ${result.restored.saved} (${result.restored.summary}); what it replaced is kept as a backup.`,
    )
    if (result.notice) console.error(result.notice)
  }
  return 0
}

/** With no file named: the layers found damaged, each with its pinned last good copy and the command that restores it. */
async function damaged(project: Project, json: boolean | undefined): Promise<number> {
  const found: { annotator: string; document: string; pinned: BackupInfo | null }[] = []
  for (const d of await project.damagedEarlier()) {
    const pinned = (await project.listBackups({ store: 'annotations', ...d })).find((b) => b.kind === 'pinned') ?? null
    found.push({ ...d, pinned })
  }
  if (json) printJson(found)
  else if (found.length === 0) console.log('No layer of this project is waiting for its last good copy to be restored.')
  else
    for (const f of found) {
      const title = project.documents.find((d) => d.id === f.document)?.title ?? f.document
      console.log(
        f.pinned
          ? `${f.annotator}'s annotations of “${title}” were found damaged; restore their last good copy (saved ${f.pinned.saved}, ${f.pinned.summary}) with: marginalia backups "${project.dir}" --annotator ${f.annotator} --document ${f.document} --restore ${f.pinned.id}`
          : `${f.annotator}'s annotations of “${title}” were found damaged; list their backups with: marginalia backups "${project.dir}" --annotator ${f.annotator} --document ${f.document}`,
      )
    }
  return found.length > 0 ? 1 : 0
}
