import { describe, expect, it } from 'vitest'
import type { BackupInfo } from '../../../../shared/api'
import { backupKindLabel, backupTime, byteSize, firstPinned, firstRestorable, pinnedReason, storeTitle } from './backups'

const backup = (over: Partial<BackupInfo>): BackupInfo => ({
  id: 'latest.json',
  kind: 'latest',
  saved: '2026-11-21T10:00:00.000Z',
  bytes: 2048,
  summary: '12 annotations, 3 links',
  restorable: true,
  pinned: null,
  ...over,
})

describe('backups in words', () => {
  it('names each kind the way the dialog shows it', () => {
    expect(backupKindLabel('latest')).toBe('Last saved')
    expect(backupKindLabel('snapshot')).toBe('Earlier version')
    expect(backupKindLabel('original')).toBe('Before format upgrade')
    expect(backupKindLabel('pinned')).toBe('Pinned: last good copy')
    expect(backupKindLabel('imported')).toBe('As imported')
  })

  it('says why a copy is pinned, and finds the newest pinned copy', () => {
    const pin = backup({
      id: 'pinned-2026-11-21T10-05-00-000Z.json',
      kind: 'pinned',
      pinned: { found: '2026-11-21T10:05:00.000Z', keptAs: 'x.json.unreadable-2026-11-21T10-05-00-000Z' },
    })
    expect(pinnedReason(pin, 'en-GB')).toMatch(
      /^Kept since .*2026.*, when the file was found damaged \(the damaged file was kept as x\.json\.unreadable-2026-11-21T10-05-00-000Z\), until you restore it or say it is not needed\.$/,
    )
    expect(pinnedReason(backup({}))).toBeNull()
    expect(firstPinned([backup({}), pin])).toBe(pin)
    expect(firstPinned([backup({})])).toBeNull()
  })

  it('shows sizes and times for people', () => {
    expect(byteSize(1)).toBe('1 byte')
    expect(byteSize(812)).toBe('812 bytes')
    expect(byteSize(3400)).toBe('3.4 KB')
    expect(byteSize(1_200_000)).toBe('1.2 MB')
    expect(backupTime('2026-11-21T10:00:00.000Z', 'en-GB')).toMatch(/2026/)
    expect(backupTime('not a time')).toBe('not a time')
  })

  it('offers the newest restorable version, skipping damaged ones', () => {
    const damaged = backup({ restorable: false, summary: 'It is not valid JSON.' })
    const older = backup({ id: '2026-11-21T09-00-00-000Z.json', kind: 'snapshot' })
    expect(firstRestorable([damaged, older])).toBe(older)
    expect(firstRestorable([damaged])).toBeNull()
  })

  it('names the file a section is about', () => {
    expect(storeTitle({ store: 'project', path: '/p' })).toMatch(/project\.json/)
    expect(storeTitle({ store: 'annotations', annotator: 'maria', document: 'd1' }, 'maria')).toBe('Your annotations on this document')
    expect(storeTitle({ store: 'annotations', annotator: 'jonas', document: 'd1' }, 'maria')).toMatch(/^jonas/)
  })
})
