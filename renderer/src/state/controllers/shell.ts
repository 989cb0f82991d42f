/**
 * The window's frame: the dialogs the menus open, the file picker for texts, the side panels of a
 * narrow window, and the colour theme. What the menu items do beyond calling another controller.
 */
import type { AppInfo } from '../../../../shared/api'
import type { DialogName, SessionState, ShellState } from '../model/session-state'
import type { Store } from '../model/store'

/** The colour theme: the system's, or always light or dark. */
export type Theme = AppInfo['preferences']['theme']

/** What the shell needs from the rest of the session. */
export interface ShellHooks {
  /** Keep the theme with the user's preferences; returns the error sentence, or null. */
  setTheme(theme: Theme): Promise<string | null>
  /** Open a project by its folder; returns the error sentence, or null. */
  openProject(path?: string): Promise<string | null>
}

/** Dialogs, drawers, the theme. */
export class Shell {
  constructor(
    private readonly store: Store<SessionState>,
    private readonly hooks: ShellHooks,
  ) {}

  private get state(): ShellState {
    return this.store.get().shell
  }

  private set(patch: Partial<ShellState>): void {
    this.store.set({ shell: { ...this.state, ...patch } })
  }

  /** Show a dialog (one at a time). */
  openDialog(dialog: DialogName): void {
    this.set({ dialog, problem: null })
  }

  /** Close the dialog shown. */
  closeDialog(): void {
    this.set({ dialog: null })
  }

  /** Ask for texts to import: the page's file picker opens. */
  pickTexts(): void {
    this.set({ pickTexts: this.state.pickTexts + 1, problem: null })
  }

  /** Pull out (or put back) the document list of a narrow window. */
  showDocuments(open: boolean): void {
    this.set({ documentsOpen: open })
  }

  /** Show (or put away) the side panel of a narrow window. */
  showSide(open: boolean): void {
    this.set({ sideOpen: open })
  }

  /** Open a project: on desktop through the native dialog, in browser mode by typing its folder (a dialog). */
  async openProject(path?: string): Promise<void> {
    if (path === undefined && this.store.get().info?.host !== 'desktop') return this.openDialog('open')
    this.set({ problem: null })
    this.set({ problem: await this.hooks.openProject(path) })
  }

  /** Use this colour theme from now on. */
  async setTheme(theme: Theme): Promise<void> {
    this.set({ problem: await this.hooks.setTheme(theme) })
  }

  /** Clear the sentence about the last menu command. */
  dismissProblem(): void {
    this.set({ problem: null })
  }
}
