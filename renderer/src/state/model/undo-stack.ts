/**
 * Undo and redo as stacks of ops. Each entry holds the ops that reverse one change (what
 * `applyOps` returned as its inverse) and the id of the change, so a change whose save failed
 * and was rolled back can be forgotten. Applying an entry yields a new inverse, which goes on
 * the other stack.
 */
import type { AnnotationOp } from '../../../../shared/model/annotation'
import type { DocumentState } from '../../../../shared/model/status'

/** One step of undo or redo. */
export interface UndoEntry {
  change: number
  ops: AnnotationOp[]
  /**
   * The document's status to put back once this step is undone and the layer is empty again: the
   * change tagged a document marked "Done, nothing to tag", which the host then marked in progress.
   */
  state?: DocumentState
}

const LIMIT = 500

/** The undo and redo history of one document. */
export class UndoStack {
  private done: UndoEntry[] = []
  private undone: UndoEntry[] = []

  /** Record a new change; it clears what could be redone. */
  record(entry: UndoEntry): void {
    if (entry.ops.length === 0) return
    this.done.push(entry)
    if (this.done.length > LIMIT) this.done.shift()
    this.undone = []
  }

  /** The most recent change to undo, taken off the stack. */
  takeUndo(): UndoEntry | undefined {
    return this.done.pop()
  }

  /** The most recently undone change to redo, taken off the stack. */
  takeRedo(): UndoEntry | undefined {
    return this.undone.pop()
  }

  /** After an undo: how to redo it. */
  recordUndone(entry: UndoEntry): void {
    if (entry.ops.length) this.undone.push(entry)
  }

  /** After a redo: how to undo it again (keeps the rest of the redo stack). */
  recordRedone(entry: UndoEntry): void {
    if (entry.ops.length) this.done.push(entry)
  }

  /** Drop the entries of changes that were rolled back. */
  forget(changes: ReadonlySet<number>): void {
    this.done = this.done.filter((e) => !changes.has(e.change))
    this.undone = this.undone.filter((e) => !changes.has(e.change))
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }
}
