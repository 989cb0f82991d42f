import { describe, expect, it } from 'vitest'
import { planReload, type ShownContext } from './change-plan'

const annotating: ShownContext = { me: 'rita', document: 'doc-1', compared: null }
const reviewing: ShownContext = { me: 'rita', document: 'doc-1', compared: ['maria', 'jonas'] }
const changes = (...changed: [string, string | null][]) => ({
  revision: 7,
  complete: true,
  changed: changed.map(([layer, document]) => ({ layer, document })),
})

describe('planReload', () => {
  it('names the colleague whose annotations changed, and reloads the review only when it shows their layer of this document', () => {
    const plan = planReload(changes(['jonas', 'doc-1']), reviewing)
    expect(plan).toMatchObject({
      review: true,
      ownLayer: false,
      documents: false,
      progress: true,
      note: 'jonas’s annotations were updated.',
    })
    expect(planReload(changes(['jonas', 'doc-2']), reviewing).review).toBe(false)
    expect(planReload(changes(['lena', 'doc-1']), reviewing).review).toBe(false)
    expect(planReload(changes(['jonas', 'doc-1']), annotating)).toMatchObject({
      review: false,
      ownLayer: false,
      note: 'jonas’s annotations were updated.',
    })
  })

  it('reloads the own layer (and the counts) when it changed elsewhere', () => {
    expect(planReload(changes(['rita', 'doc-1']), annotating)).toMatchObject({ ownLayer: true, documents: true })
    expect(planReload(changes(['rita', 'doc-2']), annotating)).toMatchObject({ ownLayer: false, documents: true })
  })

  it('reloads the review when the reviewed layer changed, and the list when project.json did', () => {
    expect(planReload(changes(['_reviewed', 'doc-1']), reviewing)).toMatchObject({ review: true, note: 'The reviewed layer was updated.' })
    expect(planReload(changes(['project', null]), annotating)).toMatchObject({
      documents: true,
      project: true,
      progress: false,
      note: 'The project settings were updated.',
    })
  })

  it('reloads the project settings this window saved itself without telling the user they changed', () => {
    const own = { ...annotating, ownProjectChanges: 1 }
    expect(planReload(changes(['project', null]), own)).toMatchObject({ project: true, documents: true, note: null })
    // Saved here and, since, elsewhere too: that one is told.
    expect(planReload(changes(['project', null], ['project', null]), own).note).toBe('The project settings were updated.')
    expect(planReload(changes(['project', null], ['maria', 'doc-1']), own).note).toBe('maria’s annotations were updated.')
  })

  it('lists several colleagues in one sentence', () => {
    expect(planReload(changes(['maria', 'doc-1'], ['jonas', 'doc-3'], ['maria', 'doc-2']), annotating).note).toBe(
      'jonas and maria’s annotations were updated.',
    )
  })

  it('reloads everything when the host lost track of what changed', () => {
    expect(planReload({ revision: 90, complete: false, changed: [] }, reviewing)).toMatchObject({
      documents: true,
      project: true,
      ownLayer: true,
      review: true,
      progress: true,
    })
  })

  it('reloads the notes of the open document when anyone’s store of it changed, and the memos and guidelines by name', () => {
    expect(planReload(changes(['jonas', 'doc-1']), annotating)).toMatchObject({ notes: true, projectMemos: false, guidelines: false })
    expect(planReload(changes(['jonas', 'doc-2']), annotating).notes).toBe(false)
    expect(planReload(changes(['jonas', '_project']), annotating)).toMatchObject({
      notes: false,
      projectMemos: true,
      progress: false,
      note: null,
    })
    expect(planReload(changes(['_guidelines', null]), annotating)).toMatchObject({ guidelines: true, documents: false, note: null })
    // An annotator named "project" is a layer, not project.json.
    expect(planReload(changes(['project', 'doc-1']), annotating)).toMatchObject({ project: false, notes: true })
  })
})
