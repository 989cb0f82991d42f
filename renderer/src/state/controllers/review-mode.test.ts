import { describe, expect, it } from 'vitest'
import { createClient } from '../../../../shared/api'
import { TextIndex } from '../../../../shared/offsets'
import { initialState, type SessionState } from '../model/session-state'
import { Store } from '../model/store'
import { ReviewMode } from './review-mode'
import { Reviewing } from './reviewing'

/** Review mode over a host that records what it is asked and never answers. */
function setup(hooks: { saving: () => boolean; saved: () => Promise<void> }) {
  const calls: string[] = []
  const args: unknown[] = []
  const client = createClient((method, sent) => {
    calls.push(method)
    args.push(sent)
    return new Promise(() => undefined)
  })
  const store = new Store<SessionState>(initialState)
  const reviewing = new Reviewing(store, client, () => undefined)
  const held = { index: new TextIndex('The talks had failed.'), sha256: 'a'.repeat(64) }
  const mode = new ReviewMode(store, client, reviewing, { document: () => 'doc-1', text: () => held, hint: () => undefined, ...hooks })
  return { calls, args, store, mode }
}

describe('starting a review', () => {
  it('asks the host for the review before the view switch is drawn, when nothing waits to be saved', () => {
    const { calls, args, store, mode } = setup({ saving: () => false, saved: () => Promise.resolve() })
    mode.start(['ana', 'ben'])
    // Synchronously: the host reads the layers while the page draws review mode.
    expect(calls).toEqual(['settings.remember', 'review.open'])
    expect(store.get().view).toBe('review')
    // The page holds the document's text: the host need not send it again.
    expect(args[1]).toEqual({ document: 'doc-1', annotators: ['ana', 'ben'], have: 'a'.repeat(64) })
  })

  it('asks for the review only once the annotator’s own changes are saved', async () => {
    let release = () => undefined as void
    const saved = new Promise<void>((resolve) => (release = resolve))
    const { calls, mode } = setup({ saving: () => true, saved: () => saved })
    mode.start(['ana', 'ben'])
    await Promise.resolve()
    expect(calls).toEqual(['settings.remember'])
    release()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(calls).toEqual(['settings.remember', 'review.open'])
  })
})
