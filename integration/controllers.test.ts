/**
 * The UI's controllers (annotating, commands, review) driven as the app drives them, against the
 * real core: the client's transport calls the same dispatch and handlers the hosts use, on a copy
 * of the sample project on disk, with every argument passed through JSON as on the wire. Only the
 * text on screen is a stand-in (a TextSurface that records what it was asked to draw and holds a
 * selection), because that is the edge the controllers talk to. Disk trouble is made real: a full
 * disk injected at the durable writer, a file held by another writer's lock.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, dispatch, type AppInfo } from '../shared/api'
import type { Annotation } from '../shared/model/annotation'
import type { ReviewStoreFile } from '../shared/model/review'
import type { StoreFile } from '../shared/model/project'
import { diskFaults } from '../electron/core/store/durable'
import { lockPathFor } from '../electron/core/store/file-lock'
import { Session } from '../renderer/src/state/controllers/session'
import type { ReviewSurface, Span, SurfaceUpdate, TextSurface } from '../renderer/src/state/model/text-surface'
import { createHandlers } from '../electron/core/app/handlers'
import { Workbench } from '../electron/core/app/workbench'
import { sessionOnCore, type Cleanups } from './on-core'

const cleanups: Cleanups = []
afterEach(async () => {
  diskFaults.write = null
  for (const c of cleanups.splice(0).toReversed()) await c()
})

/** The text on screen, as the controllers see it: what it was asked to draw, and a selection to tag. */
class RecordingSurface implements TextSurface {
  selection: Span | null = null
  drawn = new Map<string, Annotation>()
  selected: string | null = null
  update(put: readonly Annotation[], removed: readonly string[], options: SurfaceUpdate = {}): void {
    for (const id of removed) this.drawn.delete(id)
    for (const a of put) this.drawn.set(a.id, a)
    if (options.select !== undefined) this.selected = options.select
  }
  showSelected(id: string | null): void {
    this.selected = id
  }
  reveal(): void {}
  selectedSpan(): Span | null {
    return this.selection
  }
  caretOffset(): number | null {
    return null
  }
  hits: readonly Span[] = []
  currentHit: number | null = null
  showHits(hits: readonly Span[], current: number | null): void {
    this.hits = hits
    this.currentHit = current
  }
  showCurrentHit(current: number | null): void {
    this.currentHit = current
  }
  revealRange(): void {}
  suggestions: readonly (Span & { id: string; label: string })[] = []
  currentSuggestion: string | null = null
  showSuggestions(spans: readonly (Span & { id: string; label: string })[], current: string | null): void {
    this.suggestions = spans
    this.currentSuggestion = current
  }
  focus(): void {}
  selectSpan(span: Span): void {
    this.selection = span
  }
  topOffset(): number {
    return 0
  }
  scrollToOffset(): void {}
  /** Where a drag of a highlight's end would land: the tests set it. */
  dropAt: number | null = null
  offsetAt(): number | null {
    return this.dropAt
  }
}

/** A session on a copy of the sample project, as annotator "tester", with the first document open. */
async function annotatingSession(wireDelayMs = 0) {
  const { session, calls, replies, wire, handlers, projectDir } = await sessionOnCore(cleanups, { host: 'browser', wireDelayMs })
  const doc = session.store.get().documents[0]!
  await session.openDocument(doc.id)
  const surface = new RecordingSurface()
  session.work.attach(surface)
  const text = session.work.index!.text
  /** The code point span of the first occurrence of `phrase` in the open text. */
  const spanOf = (phrase: string): Span => {
    const start = Array.from(text.slice(0, text.indexOf(phrase))).length
    return { start, end: start + Array.from(phrase).length }
  }
  const onDisk = async (): Promise<StoreFile | null> =>
    JSON.parse(await readFile(join(projectDir, 'annotations', 'tester', `${doc.id}.json`), 'utf8').catch(() => 'null'))
  /** Select `phrase` and press a label's key. */
  const tag = (phrase: string, label: string) => {
    surface.selection = spanOf(phrase)
    session.commands.tag(label)
    return session.store.get().selectedId!
  }
  const idle = () => new Promise((r) => setTimeout(r, 0))
  return { session, surface, doc, projectDir, calls, replies, wire, onDisk, tag, spanOf, handlers, idle }
}

describe('annotating through the controllers, against the real core', () => {
  it('tags the selection: drawn at once, then saved with its quote, in code points', async () => {
    const { session, surface, onDisk, tag, spanOf } = await annotatingSession()
    const id = tag('Arkady Mil-Man', 'source')
    expect(surface.drawn.get(id)?.target.quote.exact).toBe('Arkady Mil-Man')
    expect(session.store.get().layer?.byId.get(id)?.label).toBe('source')
    await session.saved()
    expect(session.store.get().save.kind).toBe('saved')
    const stored = (await onDisk())!.annotations.find((a) => a.id === id)!
    expect(stored.target.position).toMatchObject(spanOf('Arkady Mil-Man'))
    expect(stored.target.quote.exact).toBe('Arkady Mil-Man')
  })

  it('links a claim to its source, and refuses a link the host would refuse, with the host’s sentence, sending nothing', async () => {
    const { session, onDisk, tag, calls, handlers, doc } = await annotatingSession()
    const source = tag('Arkady Mil-Man', 'source')
    const claim = tag('Russia demonstratively refrained from doing so', 'claim')
    session.commands.setSource(claim, source)
    await session.saved()
    expect((await onDisk())!.links).toEqual([expect.objectContaining({ from: claim, to: source, type: 'attribution' })])

    const sent = calls.filter((m) => m === 'annotations.apply').length
    const bad = { op: 'link' as const, link: { id: 'bad-link', from: source, to: claim } }
    expect(session.work.change([bad])).toBeNull()
    const host = await dispatch(handlers, 'annotations.apply', { document: doc.id, ops: [bad] })
    expect(host.ok).toBe(false)
    expect(session.store.get().hint).toEqual({ text: !host.ok ? host.error.message : '', tone: 'error' })
    expect(calls.filter((m) => m === 'annotations.apply').length).toBe(sent)
    expect((await onDisk())!.links).toHaveLength(1)
  })

  it('keeps the very links the host stores, which sends them back only on the window’s first save', async () => {
    const { session, onDisk, tag, replies } = await annotatingSession(5)
    const source = tag('Arkady Mil-Man', 'source')
    const claim = tag('Russia demonstratively refrained from doing so', 'claim')
    session.commands.setSource(claim, source)
    await session.saved()
    const other = tag('Moscow stepped-up its own rhetoric towards Israel', 'claim')
    session.commands.setSource(other, source)
    await session.saved()
    session.commands.remove(source)
    await session.saved()
    expect((await onDisk())!.links).toEqual([])
    session.commands.undo()
    await session.saved()
    session.commands.redo()
    await session.saved()
    session.commands.undo()
    await session.saved()
    // A link made now, by a key (not given back by an undo): its time of making is the window's.
    const second = tag('Israel', 'source')
    session.commands.setSource(other, second)
    await session.saved()
    const byId = (links: readonly { id: string }[]) => [...links].sort((x, y) => x.id.localeCompare(y.id))
    const stored = (await onDisk())!.links
    expect(stored).toHaveLength(2)
    expect(stored.map((l) => l.to).sort()).toEqual([source, second].sort())
    // The same links, field by field (their times of making included), though none came back.
    expect(byId([...session.work.layer!.links.values()])).toEqual(byId(stored))
    const saves = replies.filter((r) => r.method === 'annotations.apply').map((r) => (r.reply as { value: object }).value)
    expect(saves.length).toBeGreaterThanOrEqual(5)
    expect(saves.slice(1).filter((s) => 'links' in s)).toEqual([])
  })

  it('takes in a link another window made while its own saves were queued, and one the host kept when the reply was lost', async () => {
    const { session, onDisk, tag, handlers, doc, wire, idle } = await annotatingSession(20)
    const byId = (links: readonly { id: string }[]) => [...links].sort((x, y) => x.id.localeCompare(y.id))
    const source = tag('Arkady Mil-Man', 'source')
    const claim = tag('Russia demonstratively refrained from doing so', 'claim')
    await session.saved()
    // Another window links them; this one, not told yet, tags twice, the second while the first save is out.
    const theirs = await dispatch(handlers, 'annotations.apply', {
      document: doc.id,
      ops: [{ op: 'link', link: { id: 'their-link', from: claim, to: source } }],
      window: 'window-bbbbbbbb',
    })
    expect(theirs.ok).toBe(true)
    tag('Moscow stepped-up its own rhetoric towards Israel', 'claim')
    await idle()
    tag('Israel', 'source')
    await session.saved()
    expect(byId([...session.work.layer!.links.values()])).toEqual(byId((await onDisk())!.links))
    expect(session.work.layer!.links.has('their-link')).toBe(true)

    // This window's link reaches the file, but the reply is lost: the change is taken back here
    // and kept for Retry. The next save brings the file's links, the link among them.
    session.commands.setSource(claim, null)
    await session.saved()
    wire.loseReply = 'annotations.apply'
    session.commands.setSource(claim, source)
    await session.saved()
    expect(session.store.get().save.kind).toBe('error')
    expect((await onDisk())!.links.some((l) => l.from === claim && l.to === source)).toBe(true)
    // Saves go on after a failure (the failed change waits for Retry or Discard).
    tag('Putin', 'source')
    await vi.waitFor(async () => expect(byId([...session.work.layer!.links.values()])).toEqual(byId((await onDisk())!.links)), {
      timeout: 3000,
    })
    expect([...session.work.layer!.links.values()].map((l) => [l.from, l.to])).toEqual([[claim, source]])
  })

  it('undo and redo across a save that failed on a full disk: the failed change is undone on screen, kept for Retry, and history stays whole', async () => {
    const { session, surface, onDisk, tag } = await annotatingSession()
    const first = tag('Arkady Mil-Man', 'source')
    await session.saved()
    diskFaults.write = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    const second = tag('Russia demonstratively refrained from doing so', 'claim')
    await session.saved()
    expect(session.store.get().save.kind).toBe('error')
    // Why (the host's sentence, whole) and what the page did, for the one change.
    expect(session.store.get().hint?.text).toMatch(
      /^Your change was not saved because the disk holding .* is full; .* The text shows it undone; Retry sends it again\.$/,
    )
    expect(surface.drawn.has(second)).toBe(false)
    expect((await onDisk())!.annotations.map((a) => a.id)).toEqual([first])

    diskFaults.write = null
    session.work.retry()
    await session.saved()
    expect(session.store.get().save.kind).toBe('saved')
    expect((await onDisk())!.annotations.map((a) => a.id).sort()).toEqual([first, second].sort())

    session.commands.undo()
    await session.saved()
    expect((await onDisk())!.annotations.map((a) => a.id)).toEqual([first])
    session.commands.undo()
    await session.saved()
    expect((await onDisk())!.annotations).toEqual([])
    session.commands.redo()
    await session.saved()
    expect((await onDisk())!.annotations.map((a) => a.id)).toEqual([first])
    expect(surface.drawn.has(first)).toBe(true)
  })

  it('Discard after a save another window made impossible shows the layer as it is on disk, not the annotation that is gone', async () => {
    const { session, tag, handlers, doc, onDisk, calls, idle } = await annotatingSession()
    const source = tag('Arkady Mil-Man', 'source')
    const claim = tag('Russia demonstratively refrained from doing so', 'claim')
    await session.saved()
    // Another window deletes the claim; this one has not taken that in yet, and links it to its source.
    await dispatch(handlers, 'annotations.apply', { document: doc.id, ops: [{ op: 'delete', id: claim }], window: 'other-window' })
    session.commands.setSource(claim, source)
    await session.saved()
    expect(session.store.get().save).toMatchObject({ kind: 'error', message: expect.stringMatching(/no longer exists/) })
    expect(session.store.get().layer?.byId.has(claim)).toBe(true)
    // The window's watch has seen the other window's change meanwhile, and could not reload while
    // this window's change was not saved: only the Discard is left to bring the disk's version.
    const before = calls.length
    await until(() => calls.slice(before).includes('project.changes'))
    for (let i = 0; i < 5; i++) await idle()
    expect(session.store.get().layer?.byId.has(claim)).toBe(true)
    session.discardUnsaved()
    await until(() => session.store.get().layer?.byId.has(claim) === false)
    expect(session.store.get().layer?.byId.has(source)).toBe(true)
    expect(session.store.get().save.kind).toBe('saved')
    expect((await onDisk())!.annotations.map((a) => a.id)).toEqual([source])
  })

  it('a save refused because another program holds the file stays queued and on screen, and goes by itself once the file is free', async () => {
    const { session, surface, onDisk, tag, doc, projectDir } = await annotatingSession()
    tag('Arkady Mil-Man', 'source')
    await session.saved()
    // Another live process holds the layer's lock (as a second app instance saving would).
    const lock = lockPathFor(join(projectDir, 'annotations', 'tester', `${doc.id}.json`))
    await writeFile(lock, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\nheld-by-test\n`)
    const held = tag('Russia demonstratively refrained from doing so', 'claim')
    await until(() => session.store.get().save.kind === 'error')
    expect(session.store.get().save).toMatchObject({ kind: 'error', message: expect.stringMatching(/try again in a moment/) })
    expect(surface.drawn.has(held)).toBe(true)
    await rm(lock)
    await until(() => session.store.get().save.kind === 'saved', 8000)
    expect((await onDisk())!.annotations.map((a) => a.id)).toContain(held)
  }, 20_000)
})

describe('reviewing through the controllers, against the real core', () => {
  it('accepts a unit into the reviewed layer, and Ctrl+Z takes the decision back', async () => {
    const { session, doc, projectDir, idle } = await annotatingSession()
    const drawn: string[] = []
    const surface: ReviewSurface = {
      showReviewed: (_before, after) => drawn.splice(0, drawn.length, ...after.map((a) => a.id)),
      markRange: () => {},
      revealRange: () => {},
      selectedSpan: () => null,
    }
    await session.reviewing.open(doc.id, ['jonas', 'maria'])
    session.reviewing.attach(surface)
    const review = session.store.get().review!
    const key = review.units.find((u) => u.members.length === 2)!.key
    session.reviewing.decide(key, { action: 'accept', annotator: 'maria' })
    await session.reviewing.settled()
    const file = join(projectDir, 'annotations', '_reviewed', `${doc.id}.json`)
    const reviewed = JSON.parse(await readFile(file, 'utf8')) as ReviewStoreFile
    expect(reviewed.decisions).toEqual([expect.objectContaining({ unit: key, action: 'accepted', decidedBy: 'tester' })])
    expect(reviewed.annotations[0]!.provenance).toMatchObject({ action: 'accepted', chosen: 'maria' })
    expect(drawn).toEqual([reviewed.annotations[0]!.id])

    session.reviewing.undoLast()
    await session.reviewing.settled()
    await idle()
    expect((JSON.parse(await readFile(file, 'utf8')) as ReviewStoreFile).decisions).toEqual([])
    expect(drawn).toEqual([])
    expect(session.store.get().review!.decisions.has(key)).toBe(false)
  })
})

async function until(ok: () => boolean | Promise<boolean>, ms = 6000): Promise<void> {
  const end = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('span boundaries', () => {
  it('snaps a selection that cuts a word to whole words, moves a boundary by a word or a character, and undo takes each move back', async () => {
    const { session, surface, onDisk, spanOf, handlers } = await annotatingSession()
    const full = spanOf('Arkady Mil-Man')
    surface.selection = { start: full.start + 2, end: full.end - 2 } // "kady Mil-M"
    session.commands.tag('source')
    const id = session.store.get().selectedId!
    await session.saved()
    const stored = async () => (await onDisk())!.annotations.find((a) => a.id === id)!.target
    expect((await stored()).quote.exact).toBe('Arkady Mil-Man')
    session.commands.moveBoundary(id, 'start', -1)
    await session.saved()
    expect((await stored()).quote.exact).toMatch(/^\S+ Arkady Mil-Man$/)
    session.commands.moveBoundary(id, 'end', -1, true)
    await session.saved()
    expect((await stored()).quote.exact).toMatch(/ Arkady Mil-Ma$/)
    session.commands.undo()
    session.commands.undo()
    await session.saved()
    expect((await stored()).position).toEqual({ type: 'TextPositionSelector', ...full })

    // Without snapping, the selection is tagged as it is.
    await dispatch(handlers, 'settings.setPreferences', { snapToWords: false })
    await session.start()
    surface.selection = { start: full.start + 2, end: full.end - 2 }
    session.commands.tag('source')
    await session.saved()
    const loose = (await onDisk())!.annotations.find((a) => a.id === session.store.get().selectedId)!
    expect(loose.target.quote.exact).toBe('kady Mil-M')
  })
})

describe('review actions are one undo step each, and the choice of annotators survives a restart', () => {
  it('takes back a whole “Accept all agreed” with one Ctrl+Z, and does it again with Shift+Ctrl+Z', async () => {
    const { session, doc, projectDir } = await annotatingSession()
    const surface: ReviewSurface = { showReviewed: () => {}, markRange: () => {}, revealRange: () => {}, selectedSpan: () => null }
    await session.reviewing.open(doc.id, ['jonas', 'maria'])
    session.reviewing.attach(surface)
    const review = session.store.get().review!
    const disagreement = review.units.find((u) => u.kind !== 'agreed')!
    session.reviewing.decide(disagreement.key, { action: 'reject' })
    await session.reviewing.settled()
    session.reviewing.acceptAgreed()
    await session.reviewing.settled()
    const decisions = async () =>
      (JSON.parse(await readFile(join(projectDir, 'annotations', '_reviewed', `${doc.id}.json`), 'utf8')) as ReviewStoreFile).decisions
    const agreed = review.units.filter((u) => u.kind === 'agreed').length
    expect(await decisions()).toHaveLength(agreed + 1)

    session.reviewing.undoLast()
    await session.reviewing.settled()
    expect((await decisions()).map((d) => [d.unit, d.action])).toEqual([[disagreement.key, 'rejected']])
    session.reviewing.redoLast()
    await session.reviewing.settled()
    expect(await decisions()).toHaveLength(agreed + 1)
    session.reviewing.undoLast()
    session.reviewing.undoLast()
    await session.reviewing.settled()
    expect(await decisions()).toEqual([])
    session.reviewing.redoLast()
    await session.reviewing.settled()
    expect((await decisions()).map((d) => d.action)).toEqual(['rejected'])
  })

  it('remembers whom the review compares and the open document for the next run, and counts nothing where there is nothing to compare', async () => {
    const { session, doc, handlers, projectDir } = await annotatingSession()
    session.mode.start(['maria', 'jonas'])
    const other = session.store.get().documents[2]!.id
    await session.openDocument(other)
    // The host is told in the background; it remembers both.
    const remembered = async () => ((await dispatch(handlers, 'app.info', {})) as { value: AppInfo }).value.remembered
    await until(async () => (await remembered())?.document === other && (await remembered())?.review?.length === 2)
    expect(await remembered()).toMatchObject({ review: ['maria', 'jonas'], document: other })
    // A new window (a restart) starts where this one was.
    const next = new Session(createClient(async (method, args) => JSON.parse(JSON.stringify(await dispatch(handlers, method, args ?? {})))))
    await next.start()
    cleanups.push(() => next.watch.stop())
    expect(next.store.get().compared).toEqual(['maria', 'jonas'])
    expect(next.store.get().doc?.id).toBe(other)

    // A document only one of them annotated has nothing to compare: 0 / 0, not "0/5 reviewed".
    await rm(join(projectDir, 'annotations', 'jonas', `${doc.id}.json`))
    const progress = (
      (await dispatch(handlers, 'review.progress', { annotators: ['maria', 'jonas'] })) as {
        value: Record<string, { settled: number; total: number }>
      }
    ).value
    expect(progress[doc.id]).toEqual({ settled: 0, total: 0 })
    expect(progress[other]!.total).toBeGreaterThan(0)
  })
})

describe('finding and tagging the hits, against the real core', () => {
  it('finds every hit in the stored text, tags them all as one change, skips the ones already tagged, and one undo takes them back', async () => {
    const { session, surface, onDisk, spanOf } = await annotatingSession()
    const f = session.finding
    f.open()
    f.setQuery({ text: 'russia' })
    f.run()
    const hits = session.store.get().find.hits
    expect(hits.length).toBeGreaterThan(20)
    expect(surface.hits).toEqual(hits)
    const text = session.work.index!
    for (const h of hits) expect(text.slice(h.start, h.end).toLowerCase()).toBe('russia')
    f.step(1)
    expect(surface.currentHit).toBe(1)

    // One hit is tagged as a source already: tagging all skips it.
    const first = spanOf(text.slice(hits[0]!.start, hits[0]!.end))
    surface.selection = first
    session.commands.tag('source')
    await session.saved()
    const outcome = f.tag('source', { kind: 'government', name: 'Russia' })
    expect(outcome).toEqual({ tagged: hits.length - 1, skipped: 1 })
    expect(session.store.get().hint?.text).toBe(`Tagged ${hits.length - 1} as Source, 1 already tagged. Ctrl+Z takes them all back.`)
    await session.saved()
    const stored = (await onDisk())!.annotations
    expect(stored).toHaveLength(hits.length)
    expect(stored.filter((a) => a.attributes.kind === 'government' && a.attributes.name === 'Russia')).toHaveLength(hits.length - 1)

    session.commands.undo()
    await session.saved()
    expect((await onDisk())!.annotations).toHaveLength(1)
    session.commands.redo()
    await session.saved()
    expect((await onDisk())!.annotations).toHaveLength(hits.length)
    expect(f.tag('source')).toEqual({ tagged: 0, skipped: hits.length })
    // A passing remark about the hits goes when Find closes; an error would stay.
    session.commands.hint('Tagged 2 as Stance. Ctrl+Z takes them all back.')
    f.close()
    expect(session.store.get().hint).toBeNull()
    f.open()
    session.commands.hint('The disk is full.', 'error')
    f.close()
    expect(session.store.get().hint).toMatchObject({ text: 'The disk is full.', tone: 'error' })
  })

  it('sends a regular expression to the host, and shows its sentence when the pattern is bad', async () => {
    const { session } = await annotatingSession()
    const f = session.finding
    f.open()
    f.setQuery({ text: 'Russ(ia|ian)', mode: 'regex', wholeWord: false })
    f.run()
    await until(() => !session.store.get().find.searching)
    expect(session.store.get().find.hits.length).toBeGreaterThan(20)
    f.setQuery({ text: '(unclosed' })
    f.run()
    await until(() => !session.store.get().find.searching)
    expect(session.store.get().find).toMatchObject({
      hits: [],
      problem: expect.stringMatching(/^This is not a regular expression Marginalia can use/),
    })
  })
})

describe('status, memos and replies through the controllers, against the real core', () => {
  it('marks a document "nothing to tag", refuses it once there are annotations, and the first annotation ends it', async () => {
    const { session, doc, onDisk, tag } = await annotatingSession()
    const state = () => session.store.get().documents.find((d) => d.id === doc.id)!.state
    expect(state()).toBe('not-started')
    expect(await session.noting.setState(doc.id, 'nothing-to-tag')).toBeNull()
    expect(state()).toBe('nothing-to-tag')
    expect((await onDisk())!.status?.state).toBe('nothing-to-tag')
    tag('Arkady Mil-Man', 'source')
    await session.saved()
    expect(state()).toBe('in-progress')
    expect(await session.noting.setState(doc.id, 'nothing-to-tag')).toBe(
      'This document has 1 annotation of yours, so it cannot be marked “Done, nothing to tag”; mark it done, or delete them first.',
    )
    expect(state()).toBe('in-progress')
  })

  it("replies to a colleague's annotation into the own file, and shows the thread and memos gathered from everyone's", async () => {
    const { session, doc, projectDir, onDisk } = await annotatingSession()
    const maria = JSON.parse(await readFile(join(projectDir, 'annotations', 'maria', `${doc.id}.json`), 'utf8')) as StoreFile
    const target = maria.annotations[0]!
    expect(await session.noting.reply(doc.id, { layer: 'maria', annotation: target.id }, 'Why this span?')).toBeNull()
    expect(await session.noting.setMemo(doc.id, 'Read twice.')).toBeNull()
    const notes = session.store.get().notes!
    expect(notes.replies).toMatchObject([{ author: 'tester', on: { layer: 'maria', annotation: target.id }, text: 'Why this span?' }])
    expect(notes.memos).toMatchObject([{ annotator: 'tester', text: 'Read twice.' }])
    expect((await onDisk())!.replies).toHaveLength(1)
    const after = JSON.parse(await readFile(join(projectDir, 'annotations', 'maria', `${doc.id}.json`), 'utf8')) as StoreFile
    expect(after).toEqual(maria)
    expect(await session.noting.reply(doc.id, { layer: 'maria', annotation: 'nope' }, 'Lost?')).toMatch(
      /^That annotation is no longer in maria's layer/,
    )
    expect(await session.noting.removeReply(doc.id, notes.replies[0]!.id)).toBeNull()
    expect(session.store.get().notes!.replies).toEqual([])
  })
})

describe('suggestions through the controllers, against the real core', () => {
  it('accepts a claim with its link and provenance, rejects another, and Ctrl+Z takes each back; rejected ones are not proposed again', async () => {
    const { session, surface, onDisk, doc, idle } = await annotatingSession()
    await session.suggesting.run()
    const shown = surface.suggestions.length
    expect(shown).toBeGreaterThan(10)
    // A claim whose source is proposed too: accept the source, then the claim, which links to it.
    const state = session.store.get().suggest!
    const link = state.links[0]!
    const source = state.spans.find((s) => s.label === 'source' && s.start === link.to.start && s.end === link.to.end)!
    const claim = state.spans.find((s) => s.label === 'claim' && s.start === link.from.start && s.end === link.from.end)!
    session.suggesting.accept(source.id)
    session.suggesting.accept(claim.id)
    await session.saved()
    let file = (await onDisk())!
    const a = (s: { start: number; end: number; label: string }) =>
      file.annotations.find((x) => x.label === s.label && x.target.position.start === s.start && x.target.position.end === s.end)
    expect(a(source)?.attributes).toEqual(source.attributes)
    expect(file.links).toEqual([expect.objectContaining({ from: a(claim)!.id, to: a(source)!.id, type: 'attribution' })])
    expect(file.suggestions).toEqual([
      expect.objectContaining({ label: 'source', decision: 'accepted', annotation: a(source)!.id, pattern: source.pattern }),
      expect.objectContaining({ label: 'claim', decision: 'accepted', annotation: a(claim)!.id, pattern: claim.pattern }),
    ])
    expect(surface.suggestions).toHaveLength(shown - 2)

    const other = session.suggesting.open()[0]!
    session.suggesting.reject(other.id)
    expect(surface.suggestions.some((s) => s.id === other.id)).toBe(false)
    await session.saved()
    file = (await onDisk())!
    expect(file.suggestions?.find((r) => r.decision === 'rejected')).toMatchObject({
      label: other.label,
      start: other.start,
      end: other.end,
    })

    session.commands.undo()
    await idle() // the outlines follow the layer when the store tells its listeners
    expect(surface.suggestions.some((s) => s.id === other.id)).toBe(true)
    session.commands.undo()
    await session.saved()
    file = (await onDisk())!
    expect(a(claim)).toBeUndefined()
    expect(file.links).toEqual([])
    expect(file.suggestions).toEqual([expect.objectContaining({ label: 'source', decision: 'accepted' })])
    session.commands.redo()
    session.commands.redo()
    await session.saved()
    const again = await session.client.call('suggestions.document', { document: doc.id })
    expect(again.spans.some((s) => s.id === other.id || s.id === claim.id || s.id === source.id)).toBe(false)
    expect(again.left).toEqual({ rejected: 1, existing: 2 })
  })

  it('takes its passing remark away when the suggestions are closed', async () => {
    const { session } = await annotatingSession()
    await session.suggesting.run()
    expect(session.store.get().hint?.tone).toBe('info')
    session.suggesting.close()
    expect(session.store.get().hint).toBeNull()
  })

  it('says what is true when a name has no mention to give it to: still suggested, named already, or never tagged', async () => {
    const { session } = await annotatingSession()
    await session.suggesting.run()
    const proposal = session.store.get().suggest!.names[0]!
    const hint = () => session.store.get().hint?.text
    // Its mentions are open suggestions: accept them first.
    session.suggesting.confirmName(proposal.name)
    expect(hint()).toBe(`Accept the sources first: ${proposal.name}'s mentions are still suggestions, not in your layer.`)
    // Accepted: Suggest gives an accepted source its canonical name, so every tagged mention has it.
    for (const m of proposal.mentions) {
      const open = session.suggesting.open().find((o) => o.label === 'source' && o.start === m.start && o.end === m.end)
      if (open) session.suggesting.accept(open.id)
    }
    session.suggesting.confirmName(proposal.name)
    expect(hint()).toBe(`Every mention of ${proposal.name} tagged as a source in your layer has that name already.`)
    // Deleted again, and rejected: none is tagged, and it says how to tag them.
    for (const m of proposal.mentions) {
      const tagged = session.store.get().layer!.order.find((a) => a.target.position.start === m.start && a.target.position.end === m.end)
      if (tagged) session.commands.remove(tagged.id)
      const open = session.suggesting.open().find((o) => o.label === 'source' && o.start === m.start && o.end === m.end)
      if (open) session.suggesting.reject(open.id)
    }
    session.suggesting.confirmName(proposal.name)
    expect(hint()).toBe(
      `None of ${proposal.name}'s mentions is tagged as a source in your layer; tag them (select, then the Source key), then name them.`,
    )
  })

  it('remembers a dismissed canonical-name proposal: gone at once, and not proposed in that document again after a restart', async () => {
    const { session, doc, projectDir } = await annotatingSession()
    await session.suggesting.run()
    const names = session.store.get().suggest!.names
    expect(names.length).toBeGreaterThan(0)
    const dismissed = names[0]!.name
    session.suggesting.dismissName(dismissed)
    expect(session.store.get().suggest!.dismissedNames).toEqual([dismissed])
    // The host keeps it in the settings file, by project folder and document.
    const settingsFile = join(projectDir, '..', 'config', 'settings.json')
    await expect
      .poll(async () => JSON.parse(await readFile(settingsFile, 'utf8')).projects[projectDir]?.dismissedNames?.[doc.id])
      .toEqual([dismissed])
    const again = await session.client.call('suggestions.document', { document: doc.id })
    expect(again.names.map((n) => n.name)).not.toContain(dismissed)
    expect(again.names.map((n) => n.name)).toEqual(names.slice(1).map((n) => n.name))
    // Another start of the app on the same settings folder: still left out.
    const wb = await Workbench.start({ configDir: join(projectDir, '..', 'config'), host: 'browser', version: 'test' })
    cleanups.push(() => wb.close())
    await wb.open(projectDir)
    expect(wb.dismissedNames(doc.id)).toEqual([dismissed])
    // A document the project does not have is refused with its code.
    const bad = await dispatch(createHandlers(wb), 'settings.remember', { dismissName: { document: 'no-such-doc', name: 'X' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('moves a suggestion’s ends before accepting it: the annotation is saved where the annotator put them, with its link, and the suggestion is not proposed again', async () => {
    const { session, surface, onDisk, doc } = await annotatingSession()
    await session.suggesting.run()
    const state = session.store.get().suggest!
    const link = state.links.find((l) => {
      const claim = state.spans.find((s) => s.label === 'claim' && s.start === l.from.start && s.end === l.from.end)
      return claim !== undefined && claim.text.trim().split(/\s+/).length > 3
    })!
    const source = state.spans.find((s) => s.label === 'source' && s.start === link.to.start && s.end === link.to.end)!
    const claim = state.spans.find((s) => s.label === 'claim' && s.start === link.from.start && s.end === link.from.end)!
    // Edit the source first and accept it, then the claim: the link still finds the moved source.
    session.suggesting.select(source.id)
    session.suggesting.moveBoundary('start', -1)
    const movedSource = session.suggesting.current()!
    expect(movedSource.start).toBeLessThan(source.start)
    expect(movedSource.end).toBe(source.end)
    session.suggesting.accept()
    session.suggesting.select(claim.id)
    session.suggesting.moveBoundary('end', -1)
    session.suggesting.moveBoundary('start', 1)
    const moved = session.suggesting.current()!
    expect(moved.start).toBeGreaterThan(claim.start)
    expect(moved.end).toBeLessThan(claim.end)
    // By a character: a draft like any other, and taken back the same way.
    session.suggesting.moveBoundary('start', 1, true)
    expect(session.suggesting.current()).toMatchObject({ start: moved.start + 1 })
    session.suggesting.moveBoundary('start', -1, true)
    // The outline is drawn at the edited place.
    expect(surface.suggestions.find((s) => s.id === claim.id)).toMatchObject({ start: moved.start, end: moved.end })
    // Reset, then edit again: back to the proposed span, then the edit.
    session.suggesting.resetBoundaries()
    expect(session.suggesting.current()).toMatchObject({ start: claim.start, end: claim.end })
    // A drag that lands inside a word is snapped to the word (Whole words is on).
    session.suggesting.setBoundary('end', moved.end - 1)
    session.suggesting.setBoundary('start', moved.start + 1)
    expect(session.suggesting.current()).toMatchObject({ start: moved.start, end: moved.end })
    session.suggesting.accept()
    await session.saved()
    const file = (await onDisk())!
    const text = session.work.index!
    const at = (s: { start: number; end: number }, label: string) =>
      file.annotations.find((x) => x.label === label && x.target.position.start === s.start && x.target.position.end === s.end)
    const savedClaim = at(moved, 'claim')!
    const savedSource = at(movedSource, 'source')!
    expect(savedClaim.target.quote.exact).toBe(text.slice(moved.start, moved.end))
    expect(savedSource.target.quote.exact).toBe(text.slice(movedSource.start, movedSource.end))
    expect(file.links).toEqual([expect.objectContaining({ from: savedClaim.id, to: savedSource.id })])
    // Provenance keeps the proposed place, so neither is proposed again.
    expect(file.suggestions).toEqual([
      expect.objectContaining({ label: 'source', start: source.start, end: source.end, annotation: savedSource.id }),
      expect.objectContaining({ label: 'claim', start: claim.start, end: claim.end, annotation: savedClaim.id }),
    ])
    expect(session.suggesting.open().some((s) => s.id === claim.id || s.id === source.id)).toBe(false)
    const again = await session.client.call('suggestions.document', { document: doc.id })
    expect(again.spans.some((s) => s.id === claim.id || s.id === source.id)).toBe(false)
    // Deleting the accepted claim brings its suggestion back.
    session.commands.remove(savedClaim.id)
    await session.saved()
    expect(session.suggesting.open().some((s) => s.id === claim.id)).toBe(true)
  })
})
