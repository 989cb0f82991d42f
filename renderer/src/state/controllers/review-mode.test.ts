import { describe, expect, it } from 'vitest'
import { createClient } from '../../../../shared/api'
import { initialState, type SessionState } from '../model/session-state'
import { Store } from '../model/store'
import { ReviewMode } from './review-mode'
import { Reviewing } from './reviewing'

/** Review mode over a host that records what it is asked and never answers. */
function setup(hooks: { saving: () => boolean; saved: () => Promise<void> }) {
  const calls: string[] = []
  const client = createClient((method) => {
    calls.push(method)
    return new Promise(() => undefined)
  })
  const store = new Store<SessionState>(initialState)
  const reviewing = new Reviewing(store, client, () => undefined)
  const mode = new ReviewMode(store, client, reviewing, { document: () => 'doc-1', hint: () => undefined, ...hooks })
  return { calls, store, mode }
}

describe('starting a review', () => {
  it('asks the host for the review before the view switch is drawn, when nothing waits to be saved', () => {
    const { calls, store, mode } = setup({ saving: () => false, saved: () => Promise.resolve() })
    mode.start(['ana', 'ben'])
    // Synchronously: the host reads the layers while the page draws review mode.
    expect(calls).toEqual(['settings.remember', 'review.open'])
    expect(store.get().view).toBe('review')
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
