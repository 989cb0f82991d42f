/**
 * App settings kept outside any project, in the user's config folder: the annotator's name, the
 * recently opened projects, and for each of those what the app remembers between runs (whom the
 * review compares, the document open and its scroll position, the canonical names Suggest
 * proposed that the user dismissed). Written durably like everything else.
 */
import { homedir, userInfo } from 'node:os'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { z } from 'zod'
import { AnnotatorName, NewAnnotatorName } from '../../../shared/model/annotation'
import { openJsonStore, type DurableJsonFile } from '../store/json-store'

const SETTINGS_VERSION = 1

/** How many documents' places are remembered per project (the most recent). */
export const PLACES = 200

/** `places` with `document` at `offset`, moved to the end as the most recent; the oldest beyond PLACES dropped. */
export function withPlace(places: Readonly<Record<string, number>>, document: string, offset: number): Record<string, number> {
  const entries = Object.entries(places).filter(([d]) => d !== document)
  entries.push([document, offset])
  return Object.fromEntries(entries.slice(-PLACES))
}

/** What Marginalia remembers of one project between runs: whom the review compares, where the user was. */
const ProjectMemory = z.object({
  review: z.array(AnnotatorName).max(12).nullable().default(null),
  document: z.string().max(100).nullable().default(null),
  scroll: z.number().nonnegative().default(0),
  /**
   * Where the user was in each document (the code point at the top of the view), the most recent
   * PLACES of them, oldest first: a document opened again comes back there.
   */
  places: z.record(z.string().max(100), z.number().nonnegative()).default({}),
  /** Canonical-name proposals of Suggest the user dismissed, by document id. */
  dismissedNames: z.record(z.string().max(100), z.array(z.string().max(300)).max(1000)).default({}),
})
export type ProjectMemory = z.infer<typeof ProjectMemory>

/** How the user likes the app, whatever the project. */
export const Preferences = z.object({
  /** A selection that cuts a word is widened to whole words before it is tagged. */
  snapToWords: z.boolean().default(true),
  /** The colour theme: the system's, or always light or dark. */
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Draw every line of a text, not only those around the view (for screen readers; slower for long texts). */
  wholeText: z.boolean().default(false),
})
export type Preferences = z.infer<typeof Preferences>

const SettingsFile = z.object({
  format: z.literal('marginalia-settings'),
  version: z.number().int().positive(),
  annotator: AnnotatorName.nullable(),
  recent: z.array(z.string()).max(20),
  /** By project folder (the recent ones only). */
  projects: z.record(z.string(), ProjectMemory).default({}),
  preferences: Preferences.default(Preferences.parse({})),
})
type SettingsFile = z.infer<typeof SettingsFile>

/** The config folder for browser mode and the CLI: $MARGINALIA_CONFIG_DIR, else the XDG/OS default. */
export function defaultConfigDir(): string {
  if (process.env.MARGINALIA_CONFIG_DIR) return process.env.MARGINALIA_CONFIG_DIR
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Marginalia')
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Marginalia')
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Marginalia')
}

/** The OS user name made into a valid annotator name, as the suggestion when asking. */
export function suggestedAnnotator(): string {
  let name = 'annotator'
  try {
    name = userInfo().username
  } catch {
    // no user name (some containers): keep the generic one
  }
  const cleaned = name
    .replace(/[^\p{L}\p{N} ._-]/gu, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 64)
  return NewAnnotatorName.safeParse(cleaned).success ? cleaned : 'annotator'
}

/** The settings store in a config folder. */
export class Settings {
  private constructor(
    private readonly db: Low<SettingsFile>,
    private readonly adapter: DurableJsonFile<SettingsFile>,
    /** Set if the settings file was unreadable and set aside. */
    readonly notice: string | null,
  ) {}

  static async open(configDir: string): Promise<Settings> {
    const fresh: SettingsFile = {
      format: 'marginalia-settings',
      version: SETTINGS_VERSION,
      annotator: null,
      recent: [],
      projects: {},
      preferences: Preferences.parse({}),
    }
    const { db, adapter, notice } = await openJsonStore(join(configDir, 'settings.json'), SettingsFile, fresh, {
      describe: 'Your settings file',
      version: SETTINGS_VERSION,
      onUnreadable: 'set-aside',
    })
    return new Settings(db, adapter, notice)
  }

  get annotator(): string | null {
    return this.db.data.annotator
  }

  get recent(): string[] {
    return [...this.db.data.recent]
  }

  async setAnnotator(name: string): Promise<void> {
    await this.adapter.update((current) => ({ ...current, annotator: name }))
  }

  /** Put a project first in the recent list (at most 10 kept, and what is remembered of those only). */
  async addRecent(path: string): Promise<void> {
    await this.adapter.update((current) => {
      const recent = [path, ...current.recent.filter((p) => p !== path)].slice(0, 10)
      const projects = Object.fromEntries(Object.entries(current.projects).filter(([p]) => recent.includes(p)))
      return { ...current, recent, projects }
    })
  }

  get preferences(): Preferences {
    return { ...this.db.data.preferences }
  }

  /** Change some preferences. */
  async setPreferences(patch: Partial<Preferences>): Promise<void> {
    await this.adapter.update((current) => ({ ...current, preferences: { ...current.preferences, ...patch } }))
  }

  /** What is remembered of a project (nothing yet: the defaults). */
  memoryOf(path: string): ProjectMemory {
    return this.db.data.projects[path] ?? ProjectMemory.parse({})
  }

  /** Remember that a canonical-name proposal was dismissed in a document, so Suggest does not propose it there again. */
  async dismissName(path: string, document: string, name: string): Promise<void> {
    await this.adapter.update((current) => {
      const memory = current.projects[path] ?? ProjectMemory.parse({})
      const before = memory.dismissedNames[document] ?? []
      if (before.includes(name)) return current
      const dismissedNames = { ...memory.dismissedNames, [document]: [...before, name].slice(-1000) }
      return { ...current, projects: { ...current.projects, [path]: { ...memory, dismissedNames } } }
    })
  }

  /** Remember something of a project: whom the review compares, the open document and where it was scrolled. */
  async remember(path: string, patch: Partial<ProjectMemory> & { place?: { document: string; offset: number } }): Promise<void> {
    const { place, ...rest } = patch
    await this.adapter.update((current) => {
      const memory = { ...(current.projects[path] ?? ProjectMemory.parse({})), ...rest }
      // The place is also kept for the document it belongs to, so each comes back where it was.
      if (rest.scroll !== undefined && memory.document !== null) memory.places = withPlace(memory.places, memory.document, rest.scroll)
      // A document left before its place was said (scrolled, then another opened at once): its place alone.
      if (place) memory.places = withPlace(memory.places, place.document, place.offset)
      return { ...current, projects: { ...current.projects, [path]: memory } }
    })
  }
}
