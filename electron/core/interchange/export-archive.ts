/**
 * The project archive: the project folder as one zip file, to send to a colleague — project.json,
 * texts/, annotations/ (every annotator's layer and the reviewed layer) and the coding guidelines
 * (guidelines.md), under one folder named
 * like the project's. Marginalia's own working files (.marginalia/ with its backups, files set
 * aside as unreadable or before an import, temporary files) stay out. Entries are sorted and
 * dated 1980-01-01, so the same project always gives the same bytes.
 */
import { promises as fs } from 'node:fs'
import { basename, join } from 'node:path'
import { unzipSync, zipSync, type Zippable } from 'fflate'
import type { Project } from '../project/project'
import { PROJECT_FILES, PROJECT_FOLDERS } from '../project/own-files'

const FIXED_TIME = new Date(1980, 0, 1)

/** Whether a path inside the project belongs in the archive. */
function belongs(rel: string): boolean {
  const parts = rel.split('/')
  if (parts.some((p) => p.startsWith('.'))) return false
  if (/\.(unreadable|before-import)-|\.tmp$/.test(rel)) return false
  return PROJECT_FILES.includes(rel) || PROJECT_FOLDERS.includes(parts[0]!)
}

async function walk(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of (await fs.readdir(join(dir, rel), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await walk(dir, path)))
    else if (entry.isFile() && belongs(path)) out.push(path)
  }
  return out
}

/** The zip of a project folder, and the files in it. */
export async function archiveProject(project: Project): Promise<{ bytes: Uint8Array; files: string[]; folder: string }> {
  const folder = basename(project.dir).replace(/[^\p{L}\p{N} ._-]+/gu, '-') || 'project'
  const files = (await walk(project.dir)).filter(belongs)
  const tree: Zippable = {}
  for (const rel of files) tree[`${folder}/${rel}`] = [new Uint8Array(await fs.readFile(join(project.dir, rel))), { mtime: FIXED_TIME }]
  return { bytes: zipSync(tree, { level: 6, mtime: FIXED_TIME }), files, folder }
}

/** Unpack an archive (or any zip) into a folder; the paths it holds, which may not leave the folder. */
export async function unpackArchive(bytes: Uint8Array, into: string): Promise<string[]> {
  const entries = unzipSync(bytes)
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'))
  for (const name of names) {
    if (name.split('/').some((p) => p === '..' || p === '') || name.startsWith('/'))
      throw new Error(`the archive holds a path outside its folder (${name})`)
  }
  for (const name of names) {
    await fs.mkdir(join(into, name, '..'), { recursive: true })
    await fs.writeFile(join(into, name), entries[name]!)
  }
  return names
}
