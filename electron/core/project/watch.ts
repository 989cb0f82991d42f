/**
 * Notices files that change on disk while a project is open: a colleague's layer arriving
 * through a sync tool or git, another window saving, a new annotator folder. Watches the
 * annotations/ folder, each annotator's folder in it, and project.json (plain, non-recursive
 * watches, which every OS supports), debounces each file, and hands the change to the project,
 * which takes it in only if someone else wrote it.
 */
import { watch, type FSWatcher } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GUIDELINES_LAYER } from '../../../shared/model/memos'
import { GUIDELINES_FILE, type Project } from './project'

/** One change taken in from disk. */
export interface DiskChange {
  /**
   * An annotator's name, "_reviewed", "project" for project.json, or "_guidelines" for guidelines.md
   * (then document is null); an annotator's project memo changing is their "_project" document.
   */
  layer: string
  /** The document, "_project" for an annotator's project memo, or null for project.json and guidelines.md. */
  document: string | null
}

const DEBOUNCE_MS = 150

/** Watch a project's files; `onChange` is called for every change taken in. Returns a stop function. */
export function watchProject(project: Project, onChange: (change: DiskChange) => void): () => void {
  const watchers = new Map<string, FSWatcher>()
  const timers = new Map<string, NodeJS.Timeout>()
  let closed = false

  const later = (key: string, fn: () => Promise<void>) => {
    clearTimeout(timers.get(key))
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key)
        if (!closed) fn().catch(() => undefined)
      }, DEBOUNCE_MS),
    )
  }

  const add = (path: string, listener: (name: string) => void) => {
    if (watchers.has(path) || closed) return
    try {
      const w = watch(path, { persistent: false }, (_event, name) => {
        if (name) listener(name.toString())
      })
      w.on('error', () => {
        w.close()
        watchers.delete(path)
      })
      watchers.set(path, w)
    } catch {
      // The folder does not exist (yet): it is watched once it appears.
    }
  }

  const watchLayerFolder = async (folder: string, announceExisting: boolean) => {
    const dir = join(project.dir, 'annotations', folder)
    const changed = (name: string) => {
      if (name.startsWith('.') || !name.endsWith('.json')) return
      const document = name.slice(0, -'.json'.length)
      later(`${folder}/${name}`, async () => {
        if (await project.takeChangeFromDisk(folder, document)) onChange({ layer: folder, document })
      })
    }
    add(dir, changed)
    // A folder that just appeared may already hold files written before it was watched.
    if (announceExisting) for (const name of await readdir(dir).catch(() => [] as string[])) changed(name)
  }

  const annotations = join(project.dir, 'annotations')
  add(annotations, (name) => {
    if (!name.startsWith('.')) later(`dir:${name}`, () => watchLayerFolder(name, true))
  })
  add(project.dir, (name) => {
    if (name === GUIDELINES_FILE) later(GUIDELINES_FILE, async () => onChange({ layer: GUIDELINES_LAYER, document: null }))
    if (name === 'project.json') {
      later('project.json', async () => {
        if (await project.takeProjectChangeFromDisk()) onChange({ layer: 'project', document: null })
      })
    }
  })
  void project.layerFolders().then((folders) => folders.forEach((f) => void watchLayerFolder(f, false)))

  return () => {
    closed = true
    for (const t of timers.values()) clearTimeout(t)
    for (const w of watchers.values()) w.close()
    watchers.clear()
  }
}
