import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { ReviewStoreFile } from '../../../shared/model/review'
import { exportCsv } from '../interchange/export-tables'
import { Project } from './project'
import { validateProject } from './validate-project'
import { acceptAgreed, decide, openReview, reviewProgress, sentReviewOf } from '../app/review-service'
import { receivedReview } from '../../../shared/review/sent-form'
import { TextIndex } from '../../../shared/offsets'
import { annotateAs, projectWith, tagOp } from '../testing'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const TEXT = 'Officials in Moscow said the talks had failed. The ministry denied it, calling the report false.'

/** Two annotators who agree on one claim and its source, and differ on the rest. */
async function twoAnnotators() {
  const made = await projectWith({ 'talks.txt': TEXT })
  cleanups.push(made.cleanup)
  const { project } = made
  const doc = project.documents[0]!.id
  await annotateAs(project, 'maria', doc, [
    await tagOp(project, doc, 'Officials in Moscow', 'source', 'ms', { kind: 'government' }),
    await tagOp(project, doc, 'the talks had failed', 'claim', 'mc'),
    { op: 'link', link: { id: 'ml', from: 'mc', to: 'ms' } },
    await tagOp(project, doc, 'calling the report false', 'stance', 'mt', { polarity: 'against', target: 'the report' }),
  ])
  await annotateAs(project, 'jonas', doc, [
    await tagOp(project, doc, 'Officials in Moscow', 'source', 'js', { kind: 'government' }),
    await tagOp(project, doc, 'the talks had failed', 'claim', 'jc'),
    { op: 'link', link: { id: 'jl', from: 'jc', to: 'js' } },
    await tagOp(project, doc, 'calling the report false', 'stance', 'jt', { polarity: 'neutral', target: 'the report' }),
    await tagOp(project, doc, 'The ministry', 'source', 'jm', { kind: 'government' }),
  ])
  return { project, doc }
}

describe('review and adjudication', () => {
  it('sends the review as references without the quotes the text gives, and the page gets back exactly the same units and layers', async () => {
    const { project, doc } = await twoAnnotators()
    const full = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    const sent = JSON.parse(JSON.stringify(await sentReviewOf(project, doc, ['maria', 'jonas'], 'rita'))) as Awaited<
      ReturnType<typeof sentReviewOf>
    >
    // maria's claim, linked to her source: a member as [layer, row, source's row].
    const maria = sent.layers.findIndex((l) => l.annotator === 'maria')
    const rowOf = (id: string) => sent.layers[maria]!.annotations.rows.findIndex((r) => r[0] === id)
    const triples = sent.units.flatMap((u) => Array.from({ length: (u.length - 1) / 3 }, (_, k) => u.slice(1 + 3 * k, 4 + 3 * k)))
    expect(triples).toContainEqual([maria, rowOf('mc'), rowOf('ms')])
    expect(sent.layers.flatMap((l) => l.annotations.rows).every((row) => row[7]?.quote === undefined)).toBe(true)
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(full).length / 2)
    const back = receivedReview(new TextIndex(sent.text!), sent)
    expect(back.units).toEqual(full.units)
    expect(back.layers).toEqual(full.layers)
    // A member that is not in the layers is the host's mistake, said as such.
    const broken = { ...sent, units: [[0, maria, 99, -1]] }
    expect(() => receivedReview(new TextIndex(sent.text!), broken)).toThrow(/unit 1 with a member that is not in its layers/)
    expect(() => receivedReview(new TextIndex(sent.text!), { ...sent, units: [[42, maria, 0, -1]] })).toThrow(
      /form this page does not read/,
    )
    // The page holding the text already says so, and the reply leaves it out; any other hash gets it.
    const held = await sentReviewOf(project, doc, ['maria', 'jonas'], 'rita', sent.sha256)
    expect(held.text).toBeUndefined()
    expect(JSON.stringify(held).length).toBeLessThan(JSON.stringify(sent).length - TEXT.length)
    expect(receivedReview(new TextIndex(TEXT), held).units).toEqual(full.units)
    expect((await sentReviewOf(project, doc, ['maria', 'jonas'], 'rita', '0'.repeat(64))).text).toBe(TEXT)
    // Someone compared who has no layer of the document: left out of the units, which come back the same.
    for (const annotators of [
      ['maria', 'jonas', 'nobody'],
      ['maria', 'nobody'],
    ]) {
      const whole = await openReview(project, doc, annotators, 'rita')
      const wire = JSON.parse(JSON.stringify(await sentReviewOf(project, doc, annotators, 'rita'))) as typeof sent
      expect(receivedReview(new TextIndex(wire.text!), wire).units).toEqual(whole.units)
    }
  })

  it('lists units by kind and accepts all agreed ones in one action, linking the reviewed claim to its reviewed source', async () => {
    const { project, doc } = await twoAnnotators()
    const view = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    expect(view.units.map((u) => u.kind)).toEqual(['agreed', 'agreed', 'only-some', 'attributes-differ'])
    expect(view.reviewed).toMatchObject({ settled: 0, total: 4 })

    const after = await acceptAgreed(project, doc, ['maria', 'jonas'], 'rita')
    expect(after).toMatchObject({ settled: 2, total: 4 })
    const claim = after.annotations.find((a) => a.label === 'claim')!
    const source = after.annotations.find((a) => a.label === 'source')!
    expect(claim.provenance).toMatchObject({
      action: 'accepted',
      chosen: 'maria',
      decidedBy: 'rita',
      sources: [
        { annotator: 'maria', id: 'mc' },
        { annotator: 'jonas', id: 'jc' },
      ],
    })
    expect(claim.author).toBe('rita')
    expect(after.links).toEqual([expect.objectContaining({ from: claim.id, to: source.id, type: 'attribution' })])
  })

  it('accepts one version, rejects, edits, and reopens; everything is on disk with provenance', async () => {
    const { project, doc } = await twoAnnotators()
    const { units } = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    const stance = units.find((u) => u.kind === 'attributes-differ')!
    const ministry = units.find((u) => u.kind === 'only-some')!
    await decide(project, doc, ['maria', 'jonas'], stance.key, { action: 'accept', annotator: 'jonas' }, 'rita')
    let state = await decide(project, doc, ['maria', 'jonas'], ministry.key, { action: 'reject' }, 'rita')
    expect(state.settled).toBe(2)
    expect(state.annotations.find((a) => a.label === 'stance')?.attributes.polarity).toBe('neutral')

    const start = Array.from(TEXT).join('').indexOf('the report false')
    state = await decide(
      project,
      doc,
      ['maria', 'jonas'],
      stance.key,
      {
        action: 'edit',
        annotation: { label: 'stance', start, end: start + 16, attributes: { polarity: 'against', target: 'the report' }, note: 'settled' },
      },
      'rita',
    )
    const edited = state.annotations.find((a) => a.label === 'stance')!
    expect(edited).toMatchObject({ attributes: { polarity: 'against' }, provenance: { action: 'edited', chosen: null } })
    expect(edited.target.quote.exact).toBe('the report false')
    expect(state.annotations.filter((a) => a.label === 'stance')).toHaveLength(1)

    state = await decide(project, doc, ['maria', 'jonas'], ministry.key, { action: 'reopen' }, 'rita')
    expect(state.settled).toBe(1)

    const onDisk = ReviewStoreFile.parse(JSON.parse(await readFile(join(project.dir, 'annotations', '_reviewed', `${doc}.json`), 'utf8')))
    expect(onDisk.decisions.map((d) => d.action)).toEqual(['edited'])
    expect((await Project.open(project.dir)).documents).toHaveLength(1)
  })

  it('an edited version takes the links of the versions with its label only, not a colleague’s claim’s source', async () => {
    const made = await projectWith({ 'talks.txt': TEXT })
    cleanups.push(made.cleanup)
    const { project } = made
    const doc = project.documents[0]!.id
    // maria read the words as a claim of the ministry's; jonas as an unattributed stance.
    await annotateAs(project, 'maria', doc, [
      await tagOp(project, doc, 'The ministry', 'source', 'ms', { kind: 'government' }),
      await tagOp(project, doc, 'calling the report false', 'claim', 'mc'),
      { op: 'link', link: { id: 'ml', from: 'mc', to: 'ms' } },
    ])
    await annotateAs(project, 'jonas', doc, [
      await tagOp(project, doc, 'The ministry', 'source', 'js', { kind: 'government' }),
      await tagOp(project, doc, 'calling the report false', 'stance', 'jt', { polarity: 'against' }),
    ])
    const { units } = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    await acceptAgreed(project, doc, ['maria', 'jonas'], 'rita')
    const words = units.find((u) => u.members.some((m) => m.annotation.id === 'jt'))!
    const start = TEXT.indexOf('calling the report false')
    const state = await decide(
      project,
      doc,
      ['maria', 'jonas'],
      words.key,
      { action: 'edit', annotation: { label: 'stance', start, end: start + 24, attributes: { polarity: 'against' }, note: '' } },
      'rita',
    )
    const stance = state.annotations.find((a) => a.label === 'stance')!
    expect(state.annotations.some((a) => a.label === 'source')).toBe(true)
    // maria's claim was attributed to the ministry; jonas's stance (the edited version's label) was not.
    expect(state.links.filter((l) => l.from === stance.id)).toEqual([])
  })

  it('an edited claim takes the source the reviewer picks, or none, instead of the one the annotators linked; the pick follows its source when that is decided again', async () => {
    const { project, doc } = await twoAnnotators()
    const annotators = ['maria', 'jonas']
    const { units } = await openReview(project, doc, annotators, 'rita')
    const unitOf = (id: string) => units.find((u) => u.members.some((m) => m.annotation.id === id))!
    // Both sources settled: the officials (agreed) and the ministry (jonas's alone).
    await acceptAgreed(project, doc, annotators, 'rita')
    let state = await decide(project, doc, annotators, unitOf('jm').key, { action: 'accept', annotator: 'jonas' }, 'rita')
    const reviewedOf = (s: typeof state, text: string) => s.annotations.find((a) => a.target.quote.exact === text && a.label === 'source')!
    const officials = reviewedOf(state, 'Officials in Moscow')
    const ministry = reviewedOf(state, 'The ministry')
    const claimWords = unitOf('mc')
    const start = TEXT.indexOf('the talks had failed')
    const edit = (source?: string | null) => ({
      action: 'edit' as const,
      annotation: { label: 'claim', start, end: start + 20, attributes: {}, note: 'checked', ...(source === undefined ? {} : { source }) },
    })
    const claim = (s: typeof state) => s.annotations.find((a) => a.label === 'claim')!
    const sourceOf = (s: typeof state) => s.links.filter((l) => l.type === 'attribution' && l.from === claim(s).id).map((l) => l.to)

    // Absent: as both annotators linked it, to the officials.
    state = await decide(project, doc, annotators, claimWords.key, edit(), 'rita')
    expect(sourceOf(state)).toEqual([officials.id])
    expect(claim(state).provenance).not.toHaveProperty('source')
    // Picked: the ministry, though nobody linked it so.
    state = await decide(project, doc, annotators, claimWords.key, edit(ministry.id), 'rita')
    expect(sourceOf(state)).toEqual([ministry.id])
    expect(claim(state).provenance.source).toBe(ministry.id)
    // None: no attribution at all, though both annotators had one.
    state = await decide(project, doc, annotators, claimWords.key, edit(null), 'rita')
    expect(sourceOf(state)).toEqual([])
    expect(claim(state).provenance.source).toBeNull()

    // The ministry's unit decided again makes a new reviewed annotation: the pick follows it.
    state = await decide(project, doc, annotators, claimWords.key, edit(ministry.id), 'rita')
    state = await decide(project, doc, annotators, unitOf('jm').key, { action: 'accept', annotator: 'jonas' }, 'rita')
    const again = reviewedOf(state, 'The ministry')
    expect(again.id).not.toBe(ministry.id)
    expect(sourceOf(state)).toEqual([again.id])
    // Reopened: no source in the reviewed layer, so none linked (and none derived in its place)…
    state = await decide(project, doc, annotators, unitOf('jm').key, { action: 'reopen' }, 'rita')
    expect(sourceOf(state)).toEqual([])
    // …until it is accepted again (as an undo does): the pick finds the source's new reviewed annotation.
    state = await decide(project, doc, annotators, unitOf('jm').key, { action: 'accept', annotator: 'jonas' }, 'rita')
    const third = reviewedOf(state, 'The ministry')
    expect(third.id).not.toBe(again.id)
    expect(sourceOf(state)).toEqual([third.id])
    expect(claim(state).provenance.source).toBe(third.id)
    // Rejected: none again.
    state = await decide(project, doc, annotators, unitOf('jm').key, { action: 'reject' }, 'rita')
    expect(sourceOf(state)).toEqual([])

    // Picked again, then maria marks the same words as a source too: the ministry's unit is grouped
    // anew (another key), and once that unit is decided the pick finds its reviewed annotation.
    state = await decide(project, doc, annotators, unitOf('jm').key, { action: 'accept', annotator: 'jonas' }, 'rita')
    const fourth = reviewedOf(state, 'The ministry')
    state = await decide(project, doc, annotators, claimWords.key, edit(fourth.id), 'rita')
    await annotateAs(project, 'maria', doc, [await tagOp(project, doc, 'The ministry', 'source', 'mm', { kind: 'government' })])
    const regrouped = (await openReview(project, doc, annotators, 'rita')).units.find((u) =>
      u.members.some((m) => m.annotation.id === 'mm'),
    )!
    expect(regrouped.key).not.toBe(unitOf('jm').key)
    state = await decide(project, doc, annotators, regrouped.key, { action: 'accept', annotator: 'maria' }, 'rita')
    const fifth = reviewedOf(state, 'The ministry')
    expect(state.annotations.filter((a) => a.label === 'source' && a.target.quote.exact === 'The ministry')).toHaveLength(1)
    expect(sourceOf(state)).toEqual([fifth.id])
    expect(claim(state).provenance).toMatchObject({ source: fifth.id, sourceUnit: regrouped.key })
    state = await decide(project, doc, annotators, regrouped.key, { action: 'reject' }, 'rita')

    // A source that is not in the reviewed layer, or not one the tag set allows, is refused in one sentence.
    await expect(decide(project, doc, annotators, claimWords.key, edit(third.id), 'rita')).rejects.toMatchObject({
      code: 'invalid',
      message: 'That source is not in the reviewed layer any more (its unit was reopened or rejected); pick another.',
    })
    state = await decide(project, doc, annotators, unitOf('mt').key, { action: 'accept', annotator: 'maria' }, 'rita')
    const stance = state.annotations.find((a) => a.label === 'stance')!
    await expect(decide(project, doc, annotators, claimWords.key, edit(stance.id), 'rita')).rejects.toMatchObject({
      code: 'invalid',
      message: 'The Claim cannot be attributed to a Stance; pick a source the tag set allows.',
    })
    // On disk as in the reply: the store validates, with the pick in the claim's provenance.
    const stored = ReviewStoreFile.parse(JSON.parse(await readFile(join(project.dir, 'annotations', '_reviewed', `${doc}.json`), 'utf8')))
    expect(stored.annotations.find((a) => a.label === 'claim')!.provenance).toMatchObject({ source: fifth.id, sourceUnit: regrouped.key })
  })

  it('a unit settled before an annotator regrouped it is replaced when one of its annotations is decided again: never two reviewed copies', async () => {
    const { project, doc } = await twoAnnotators()
    const annotators = ['maria', 'jonas']
    await acceptAgreed(project, doc, annotators, 'rita')
    const before = (await openReview(project, doc, annotators, 'rita')).reviewed
    const claims = () => before.annotations.filter((a) => a.label === 'claim')
    expect(claims()).toHaveLength(1)
    // jonas moves his claim to other words: maria's claim is now a unit of her own, open.
    await annotateAs(project, 'jonas', doc, [await tagOp(project, doc, 'the report false', 'claim', 'jc')])
    const { units } = await openReview(project, doc, annotators, 'rita')
    const hers = units.find((u) => u.members.length === 1 && u.members[0]!.annotation.id === 'mc')!
    expect(hers).toBeDefined()
    const state = await decide(project, doc, annotators, hers.key, { action: 'accept', annotator: 'maria' }, 'rita')
    const at = (a: { target: { position: { start: number } } }) => a.target.position.start
    const start = TEXT.indexOf('the talks had failed')
    expect(state.annotations.filter((a) => a.label === 'claim' && at(a) === start)).toHaveLength(1)
    // The earlier decision on maria's claim is replaced, not left beside the new one.
    expect(state.decisions.filter((d) => d.members.some((m) => m.annotator === 'maria' && m.id === 'mc'))).toHaveLength(1)
    expect((await validateProject(project.dir)).problems).toEqual([])
    // A reviewed layer an older Marginalia left with two copies is named by validate.
    const file = join(project.dir, 'annotations', '_reviewed', `${doc}.json`)
    const stored = ReviewStoreFile.parse(JSON.parse(await readFile(file, 'utf8')))
    const copy = { ...stored.annotations.find((a) => a.label === 'claim')!, id: 'r-old-copy' }
    await writeFile(file, JSON.stringify({ ...stored, annotations: [...stored.annotations, copy] }))
    const problems = (await validateProject(project.dir)).problems
    expect(problems).toEqual([
      expect.objectContaining({
        file: `annotations/_reviewed/${doc}.json`,
        message: expect.stringMatching(
          /^annotations \d+ and \d+ were both settled from maria's annotation "mc", so the reviewed layer counts it twice/,
        ),
      }),
    ])
    await writeFile(file, JSON.stringify(stored))
    // Its source (the officials, still agreed) stays settled, and the claim is linked to it.
    const source = state.annotations.find((a) => a.label === 'source' && a.target.quote.exact === 'Officials in Moscow')!
    const claim = state.annotations.find((a) => a.label === 'claim' && at(a) === start)!
    expect(state.links.filter((l) => l.from === claim.id).map((l) => l.to)).toEqual([source.id])
  })

  it('opens a settled unit again when an annotator edits their version afterwards, and counts it open', async () => {
    const { project, doc } = await twoAnnotators()
    const { units } = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    const ministry = units.find((u) => u.kind === 'only-some')!
    let state = await decide(project, doc, ['maria', 'jonas'], ministry.key, { action: 'accept', annotator: 'jonas' }, 'rita')
    expect(state.settled).toBe(1)
    expect((await reviewProgress(project, ['maria', 'jonas']))[doc]!.settled).toBe(1)
    // jonas changes the source's kind after it was accepted: the same unit (same key), changed.
    const jm = (await project.layer('jonas', doc)).annotations.find((a) => a.id === 'jm')!
    const { id, label, target, note } = jm
    await annotateAs(
      project,
      'jonas',
      doc,
      [
        {
          op: 'put',
          annotation: { id, label, start: target.position.start, end: target.position.end, attributes: { kind: 'organization' }, note },
        },
      ],
      '2026-11-03T09:00:00.000Z',
    )
    const reopened = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    expect(reopened.units.find((u) => u.key === ministry.key)).toBeDefined()
    expect(reopened.reviewed.settled).toBe(0)
    expect((await reviewProgress(project, ['maria', 'jonas']))[doc]!.settled).toBe(0)
    // The reviewed layer keeps what was accepted until the reviewer decides again; deciding again replaces it.
    expect(reopened.reviewed.annotations.find((a) => a.label === 'source')?.attributes.kind).toBe('government')
    state = await decide(project, doc, ['maria', 'jonas'], ministry.key, { action: 'accept', annotator: 'jonas' }, 'rita')
    expect(state.settled).toBe(1)
    expect(state.annotations.filter((a) => a.label === 'source').map((a) => a.attributes.kind)).toEqual(['organization'])
    // Accept all agreed does not count the changed unit as settled either.
    expect((await acceptAgreed(project, doc, ['maria', 'jonas'], 'rita')).settled).toBe(state.settled + 2)
  })

  it('refuses a decision on a unit that changed since the review opened', async () => {
    const { project, doc } = await twoAnnotators()
    const { units } = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    await annotateAs(project, 'jonas', doc, [{ op: 'delete', id: 'jm' }], '2026-11-02T10:00:00.000Z')
    const gone = units.find((u) => u.kind === 'only-some')!
    await expect(decide(project, doc, ['maria', 'jonas'], gone.key, { action: 'reject' }, 'rita')).rejects.toThrow(/has changed since/)
  })

  it('groups unchanged layers once for progress, opening and decisions, and again as soon as a layer changes on disk', async () => {
    const { project, doc } = await twoAnnotators()
    const first = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    const again = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    expect(again.units).toBe(first.units)
    // Another window (another Project over the same folder) deletes jonas's extra source.
    const other = await Project.open(project.dir)
    await (
      await other.layer('jonas', doc)
    ).apply([{ op: 'delete', id: 'jm' }], await other.text(doc), other.tagSet, '2026-11-02T10:00:00.000Z')
    const after = await openReview(project, doc, ['maria', 'jonas'], 'rita')
    expect(after.units).not.toBe(first.units)
    // The review read the change first; the watch on the folder still announces it, once.
    expect(await project.takeChangeFromDisk('jonas', doc)).toBe(true)
    expect(await project.takeChangeFromDisk('jonas', doc)).toBe(false)
    expect(after.units.map((u) => u.key)).toEqual(first.units.filter((u) => u.key !== 'jonas:jm').map((u) => u.key))
    expect((await reviewProgress(project, ['maria', 'jonas']))[doc]).toEqual({ settled: 0, total: after.units.length })
    // Comparing in another order groups afresh (the order decides who seeds a unit).
    expect((await openReview(project, doc, ['jonas', 'maria'], 'rita')).units).not.toBe(after.units)
  })

  it('shows progress per document and exports the reviewed layer with its provenance columns', async () => {
    const { project, doc } = await twoAnnotators()
    expect(await reviewProgress(project, null)).toEqual({ [doc]: { settled: 0, total: 4 } })
    await acceptAgreed(project, doc, ['maria', 'jonas'], 'rita')
    expect(await reviewProgress(project, ['maria', 'jonas'])).toEqual({ [doc]: { settled: 2, total: 4 } })
    const { content, rows } = await exportCsv(project, { annotators: [], reviewed: true, bom: false, neutralizeFormulas: true })
    expect(rows).toBe(2)
    const parsed = parse(content, { columns: true }) as Record<string, string>[]
    expect(parsed.map((r) => [r.annotator, r.label, r.review_action, r.reviewed_from, r.reviewed_chosen, r.reviewed_by])).toEqual([
      ['_reviewed', 'source', 'accepted', 'maria:ms jonas:js', 'maria', 'rita'],
      ['_reviewed', 'claim', 'accepted', 'maria:mc jonas:jc', 'maria', 'rita'],
    ])
    expect(parsed[1]!.linked_source_text).toBe('Officials in Moscow')
    const all = await exportCsv(project, { annotators: 'all', reviewed: true, bom: false, neutralizeFormulas: true })
    expect(all.rows).toBe(3 + 4 + 2)
  })
})
