import { largeFileQuestion } from '../state/model/import-plan'
import { Modal } from './Modal'

/** Asks before importing a file over 20 MB: import it anyway, or skip it. */
export function LargeFileDialog({ name, bytes, onAnswer }: { name: string; bytes: number; onAnswer: (importIt: boolean) => void }) {
  return (
    <Modal title="Import a large file?" onClose={() => onAnswer(false)}>
      <div className="stack">
        <p>{largeFileQuestion(name, bytes)}</p>
        <p className="help">
          Most texts are far smaller; a file this size is often a whole corpus or a file that is not a text. Importing it can take a while,
          and opening it needs a lot of memory.
        </p>
        <div className="actions">
          <button type="button" onClick={() => onAnswer(false)}>
            Skip this file
          </button>
          <button type="button" className="primary" autoFocus onClick={() => onAnswer(true)}>
            Import anyway
          </button>
        </div>
      </div>
    </Modal>
  )
}
