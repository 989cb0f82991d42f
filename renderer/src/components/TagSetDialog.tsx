/**
 * Project → Labels…: the project's tag set, editable. Labels (name, colour, key, order,
 * attributes, whom they are attributed to) and link types on the left, the one chosen on the
 * right; every count comes from the project's layers, so removing something in use offers a merge
 * or retiring it instead, and the save is refused (in the same sentence the host would give)
 * before anything is written. Nothing changes on disk until Save.
 */
import { useEffect, useMemo, useState } from 'react'
import type { LabelDef, LinkTypeDef, TagSet } from '../../../shared/model/labels'
import type { TagMerge } from '../../../shared/model/project'
import {
  RESERVED_KEYS,
  changeProblems,
  labelMergeSentence,
  mergeLabelInto,
  newId,
  sameTagSet,
  settleNewIds,
  tagSetProblems,
  usageAfterMerges,
  type TagUsage,
} from '../../../shared/tagset/tagset'
import { useSession, useSessionState } from '../state/react/use-session'
import { Modal } from './Modal'
import { TagLabelEditor } from './TagLabelEditor'
import { TagLinkTypeEditor } from './TagLinkTypeEditor'

/** What the right side edits. */
type Chosen = { kind: 'label'; id: string } | { kind: 'link'; id: string } | null

/** Colours offered to new labels in turn (each readable as a tint in both themes). */
const NEW_COLOURS = ['#2e8b57', '#8a5cd0', '#d2691e', '#1e90a0', '#b8860b', '#c0392b']

export function TagSetDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const project = useSessionState((s) => s.info?.project ?? null)
  const saved: TagSet = useMemo(() => ({ labels: project?.labels ?? [], linkTypes: project?.linkTypes ?? [] }), [project])
  // The tag set this dialog's changes are made from; when the project's is no longer that (another window saved), saving is refused.
  const [opened, setOpened] = useState<TagSet>(saved)
  const stale = !sameTagSet(saved, opened)
  const [draft, setDraft] = useState<TagSet>(saved)
  const [merges, setMerges] = useState<TagMerge[]>([])
  /** What each label merge set up here does besides relabelling, said before saving. */
  const [mergeNotes, setMergeNotes] = useState<string[]>([])
  const [usage, setUsage] = useState<TagUsage | null>(null)
  const [unreadable, setUnreadable] = useState(0)
  const [chosen, setChosen] = useState<Chosen>(saved.labels[0] ? { kind: 'label', id: saved.labels[0].id } : null)
  const [error, setError] = useState<string | null>(null)
  const [refused, setRefused] = useState<{ text: string; draft: TagSet; merges: TagMerge[] } | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    let live = true
    session
      .tagUsage()
      .then((u) => {
        if (!live) return
        setUsage(u.usage)
        setUnreadable(u.unreadable)
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [session])

  const problems = useMemo(
    () => [...tagSetProblems(draft), ...(usage ? changeProblems(opened, draft, usage, merges) : [])],
    [draft, opened, usage, merges],
  )
  const changed = !sameTagSet(draft, opened) || merges.length > 0
  // Leaving the page (a reload, closing the window) asks first while there are changes.
  useEffect(() => {
    session.formChanged('labels', changed)
    return () => session.formChanged('labels', false)
  }, [session, changed])
  // The counts shown are as they will be once the merges set up here are saved.
  const shownUsage = useMemo(() => (usage ? usageAfterMerges(usage, merges) : null), [usage, merges])
  // A save's refusal is about the draft it was given: once the draft changes, it no longer holds.
  const shownError = refused && refused.draft === draft && refused.merges === merges ? refused.text : error

  const setLabel = (id: string, next: LabelDef) => setDraft((d) => ({ ...d, labels: d.labels.map((l) => (l.id === id ? next : l)) }))
  const setLinkType = (id: string, update: (current: LinkTypeDef) => LinkTypeDef) =>
    setDraft((d) => ({ ...d, linkTypes: d.linkTypes.map((t) => (t.id === id ? update(t) : t)) }))
  const move = (id: string, by: -1 | 1) =>
    setDraft((d) => {
      const i = d.labels.findIndex((l) => l.id === id)
      const j = i + by
      if (i < 0 || j < 0 || j >= d.labels.length) return d
      const labels = [...d.labels]
      ;[labels[i], labels[j]] = [labels[j]!, labels[i]!]
      return { ...d, labels }
    })
  const addLabel = () => {
    const taken = draft.labels.map((l) => l.id)
    const names = draft.labels.map((l) => l.name.toLowerCase())
    let name = 'New label'
    for (let n = 2; names.includes(name.toLowerCase()); n++) name = `New label ${n}`
    const keys = draft.labels.map((l) => l.key)
    const key = [...'123456789bcdefghijklmnopqrstuvwxyz'].find((k) => !keys.includes(k) && !RESERVED_KEYS.some((r) => r.key === k)) ?? ''
    const label: LabelDef = {
      id: newId(name, taken),
      name,
      color: NEW_COLOURS[draft.labels.length % NEW_COLOURS.length]!,
      key,
      attributes: [],
      attributedTo: null,
    }
    setDraft((d) => ({ ...d, labels: [...d.labels, label] }))
    setChosen({ kind: 'label', id: label.id })
  }
  const addLinkType = () => {
    const first = draft.labels[0]?.id
    if (!first) return
    const taken = ['attribution', ...draft.linkTypes.map((t) => t.id)]
    const names = draft.linkTypes.map((t) => t.name.toLowerCase())
    let name = 'New link'
    for (let n = 2; names.includes(name.toLowerCase()); n++) name = `New link ${n}`
    const type: LinkTypeDef = { id: newId(name, taken), name, from: [first], to: [first], multiple: true }
    setDraft((d) => ({ ...d, linkTypes: [...d.linkTypes, type] }))
    setChosen({ kind: 'link', id: type.id })
  }
  const removeLabel = (id: string, into: string | null) => {
    if (into) {
      setMergeNotes((n) => [...n, labelMergeSentence(draft, id, into)])
      setDraft((d) => mergeLabelInto(d, id, into))
      setMerges((m) => [...m, { kind: 'label', from: id, into }])
    } else {
      setDraft((d) => ({
        labels: d.labels.filter((l) => l.id !== id).map((l) => (l.attributedTo === id ? { ...l, attributedTo: null } : l)),
        linkTypes: d.linkTypes.map((t) => ({ ...t, from: t.from.filter((x) => x !== id), to: t.to.filter((x) => x !== id) })),
      }))
    }
    setChosen(into ? { kind: 'label', id: into } : null)
  }
  const removeLinkType = (id: string, into: string | null) => {
    setDraft((d) => ({ ...d, linkTypes: d.linkTypes.filter((t) => t.id !== id) }))
    if (into) setMerges((m) => [...m, { kind: 'link', from: id, into }])
    setChosen(null)
  }

  const save = async () => {
    setSaving(true)
    const settled = settleNewIds(draft, opened, merges)
    const problem = await session.saveTagSet(settled.tagSet, settled.merges, opened)
    setSaving(false)
    if (problem) setRefused({ text: problem, draft, merges })
    else onClose()
  }

  // The tag set as saved now, with nothing of this dialog's: after another window saved while it was open.
  const startAgain = () => {
    setOpened(saved)
    setDraft(saved)
    setMerges([])
    setMergeNotes([])
    setRefused(null)
    setChosen(saved.labels[0] ? { kind: 'label', id: saved.labels[0].id } : null)
    void session.tagUsage().then((u) => {
      setUsage(u.usage)
      setUnreadable(u.unreadable)
    })
  }

  // Escape or Cancel with changes not saved: asked first, so an afternoon's edits are not lost to a key.
  const leave = () => {
    if (!changed || window.confirm('Discard the changes to the labels and links? Nothing has been saved.')) onClose()
  }

  const labelUse = (id: string) => shownUsage?.labels[id] ?? 0
  const linkUse = (id: string) => shownUsage?.linkTypes[id] ?? 0
  const label = chosen?.kind === 'label' ? draft.labels.find((l) => l.id === chosen.id) : undefined
  const linkType = chosen?.kind === 'link' ? draft.linkTypes.find((t) => t.id === chosen.id) : undefined

  return (
    <Modal title="Labels and links" onClose={leave}>
      <div className={stale ? 'tagset short' : 'tagset'}>
        <nav className="tagset-list" aria-label="Labels and link types">
          <h3>Labels</h3>
          <ul>
            {draft.labels.map((l, i) => (
              <li key={l.id}>
                <button
                  type="button"
                  className="tagset-item"
                  aria-current={chosen?.kind === 'label' && chosen.id === l.id ? 'true' : undefined}
                  onClick={() => setChosen({ kind: 'label', id: l.id })}
                >
                  <span className="tagset-swatch" style={{ background: l.color }} aria-hidden="true" />
                  <span className="tagset-name">{l.name || '(no name)'}</span>
                  {l.key && <kbd aria-label={`key ${l.key}`}>{l.key}</kbd>}
                  {l.retired && <span className="tagset-badge">retired</span>}
                  <span className="tagset-count" title="Annotations with this label, all annotators and the reviewed layer">
                    {usage ? labelUse(l.id).toLocaleString('en') : '…'}
                  </span>
                </button>
                <span className="tagset-order">
                  <button type="button" className="icon" aria-label={`Move ${l.name} up`} disabled={i === 0} onClick={() => move(l.id, -1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Move ${l.name} down`}
                    disabled={i === draft.labels.length - 1}
                    onClick={() => move(l.id, 1)}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="link" onClick={addLabel} disabled={draft.labels.length >= 40}>
            + Add label
          </button>
          <h3>Links</h3>
          <ul>
            <li className="tagset-fixed" title="Set on each label: “Attributed to”">
              <span className="tagset-name">Attribution</span>
              <span className="tagset-count">{usage ? linkUse('attribution').toLocaleString('en') : '…'}</span>
            </li>
            {draft.linkTypes.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="tagset-item"
                  aria-current={chosen?.kind === 'link' && chosen.id === t.id ? 'true' : undefined}
                  onClick={() => setChosen({ kind: 'link', id: t.id })}
                >
                  <span className="tagset-name">{t.name || '(no name)'}</span>
                  {t.retired && <span className="tagset-badge">retired</span>}
                  <span className="tagset-count">{usage ? linkUse(t.id).toLocaleString('en') : '…'}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link" onClick={addLinkType} disabled={draft.linkTypes.length >= 20}>
            + Add link type
          </button>
        </nav>
        <section className="tagset-edit" aria-label="Edit">
          {label && (
            <TagLabelEditor
              key={label.id}
              label={label}
              tagSet={draft}
              saved={saved}
              usage={shownUsage}
              onChange={(next) => setLabel(label.id, next)}
              onRemove={(into) => removeLabel(label.id, into)}
              onMergeOption={(m) => setMerges((all) => [...all, m])}
            />
          )}
          {linkType && (
            <TagLinkTypeEditor
              key={linkType.id}
              type={linkType}
              tagSet={draft}
              uses={linkUse(linkType.id)}
              onChange={(update) => setLinkType(linkType.id, update)}
              onRemove={(into) => removeLinkType(linkType.id, into)}
            />
          )}
          {!label && !linkType && <p className="tagset-note">Choose a label or a link type on the left.</p>}
        </section>
      </div>
      {unreadable > 0 && (
        <p className="notice" role="note">
          {unreadable === 1 ? '1 layer' : `${unreadable} layers`} could not be read and {unreadable === 1 ? 'is' : 'are'} not counted;
          merging waits until {unreadable === 1 ? 'it is' : 'they are'} restored.
        </p>
      )}
      {merges.length > 0 && (
        <p className="tagset-note" role="note">
          On saving, {merges.length === 1 ? 'one merge rewrites' : `${merges.length} merges rewrite`} every layer that uses what is merged;
          nothing is lost, and the layers’ earlier versions stay among the backups.
          {mergeNotes.map((n) => ` ${n}`).join('')}
        </p>
      )}
      {stale && (
        <div className="notice tagset-stale" role="alert">
          <p>
            The labels were changed in another window while this was open; saving here would undo that. Start again from them as they are
            now (dropping the changes made here), or Cancel.
          </p>
          <button type="button" onClick={startAgain}>
            Start again from the saved labels
          </button>
        </div>
      )}
      {(problems.length > 0 || shownError) && (
        <ul className="tagset-problems" role="alert">
          {shownError && <li>{shownError}</li>}
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={leave}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!changed || problems.length > 0 || saving || !usage || stale}
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </Modal>
  )
}
