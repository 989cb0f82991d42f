import { describe, expect, it } from 'vitest'
import { defaultTagSet, type TagSet } from '../model/labels'
import {
  changeProblems,
  countLayer,
  emptyUsage,
  labelMergeSentence,
  mergeLabelInto,
  mergeLayer,
  newId,
  settleNewIds,
  tagSetProblems,
  usageAfterMerges,
} from './tagset'
import { annotation } from '../testing/builders'
import { TextIndex } from '../offsets'

/** An annotation of `label` over the first occurrence of `quote`. */
function annotationAt(text: string, label: string, quote: string, extra: { id: string }) {
  const start = text.indexOf(quote)
  return annotation(new TextIndex(text), label, start, start + quote.length, extra)
}

describe('a tag set', () => {
  it('is well formed as a new project has it', () => {
    expect(tagSetProblems(defaultTagSet)).toEqual([])
  })

  it('needs unique names and keys, references that resolve, and one label still offered', () => {
    const labels = defaultTagSet.labels
    const twice: TagSet = { labels: labels.map((l) => ({ ...l, name: 'Claim' })), linkTypes: [] }
    expect(tagSetProblems(twice)).toContain('Two labels are called "Claim"; give each its own.')
    const retired: TagSet = { labels: labels.map((l) => ({ ...l, retired: true })), linkTypes: [] }
    expect(tagSetProblems(retired)).toEqual(['Keep at least one label that is not retired, so there is something to tag with.'])
    const dangling: TagSet = {
      labels,
      linkTypes: [{ id: 'supports', name: 'Supports', from: ['claim'], to: ['evidence'], multiple: true }],
    }
    expect(tagSetProblems(dangling)).toEqual(['The link type Supports names a label that is not in the tag set.'])
    const self: TagSet = { labels: labels.map((l) => (l.id === 'claim' ? { ...l, attributedTo: 'claim' } : l)), linkTypes: [] }
    expect(tagSetProblems(self)).toEqual(['Claim cannot be attributed to itself.'])
    const options: TagSet = {
      labels: labels.map((l) =>
        l.id !== 'stance'
          ? l
          : {
              ...l,
              attributes: [
                {
                  id: 'polarity',
                  name: 'Polarity',
                  type: 'choice' as const,
                  options: [
                    { value: 'favor', name: 'against' },
                    { value: 'against', name: 'pro' },
                  ],
                },
              ],
            },
      ),
      linkTypes: [],
    }
    expect(tagSetProblems(options)).toEqual([
      'Stance → Polarity: the option "against" is named like another option\'s stored value; choose another name.',
    ])
  })

  it('needs a name for every attribute, option and link type, and no label key the view uses for a command', () => {
    const labels = defaultTagSet.labels
    const stance = labels.find((l) => l.id === 'stance')!
    const unnamed: TagSet = {
      labels: labels.map((l) =>
        l.id !== 'stance'
          ? l
          : {
              ...l,
              key: 'A',
              attributes: l.attributes.map((a) =>
                a.type === 'choice' ? { ...a, options: a.options.map((o, i) => (i === 0 ? { ...o, name: ' ' } : o)) } : { ...a, name: '' },
              ),
            },
      ),
      linkTypes: [{ id: 'supports', name: '', from: ['claim'], to: ['claim'], multiple: true }],
    }
    expect(stance.attributes.map((a) => a.type)).toEqual(['choice', 'text'])
    expect(tagSetProblems(unnamed)).toEqual([
      'Stance’s key "A" is the key of Attribute to… (A); choose another.',
      'An option of Stance → Polarity needs a name.',
      'An attribute of Stance needs a name.',
      'A link type needs a name.',
    ])
  })

  it('counts what merges not yet saved will move, as the editor shows it before saving', () => {
    const usage = {
      labels: { claim: 31, evidence: 2, source: 10 },
      values: { 'evidence/strength': { '4': 2 }, 'source/kind': { media: 1, organization: 1, person: 8 } },
      linkTypes: { attribution: 20, supports: 2 },
      linkPairs: { 'attribution/claim/source': 18, 'attribution/evidence/source': 2, 'supports/evidence/claim': 2 },
    }
    const after = usageAfterMerges(usage, [
      { kind: 'label', from: 'evidence', into: 'claim' },
      { kind: 'option', label: 'source', attribute: 'kind', from: 'media', into: 'organization' },
    ])
    expect(after.labels).toEqual({ claim: 33, source: 10 })
    expect(after.values).toEqual({ 'claim/strength': { '4': 2 }, 'source/kind': { organization: 2, person: 8 } })
    expect(after.linkPairs).toEqual({ 'attribution/claim/source': 20, 'supports/claim/claim': 2 })
    expect(usageAfterMerges(usage, [{ kind: 'link', from: 'supports', into: 'attribution' }]).linkTypes).toEqual({ attribution: 22 })
    // The counts given are not changed.
    expect(usage.labels.evidence).toBe(2)
    expect(usageAfterMerges(usage, [])).toBe(usage)
  })

  it('gives a new label an id of its name that is not taken', () => {
    expect(newId('Évidence (strong)', ['claim'])).toBe('evidence_strong')
    expect(newId('Claim', ['claim', 'claim_2'])).toBe('claim_3')
    expect(newId('Straße', [])).toBe('strasse')
    expect(newId('123', [])).toBe('tag')
  })
})

describe('merging', () => {
  it('a label into another: its attributes and link ends go with it', () => {
    const withEvidence: TagSet = {
      labels: [
        ...defaultTagSet.labels,
        {
          id: 'evidence',
          name: 'Evidence',
          color: '#2e8b57',
          key: '4',
          attributes: [{ id: 'strength', name: 'Strength', type: 'number', integer: true, min: 1, max: 5 }],
          attributedTo: 'source',
        },
      ],
      linkTypes: [{ id: 'supports', name: 'Supports', from: ['evidence'], to: ['claim'], multiple: true }],
    }
    const merged = mergeLabelInto(withEvidence, 'evidence', 'stance')
    expect(merged.labels.map((l) => l.id)).toEqual(['claim', 'source', 'stance'])
    expect(merged.labels[2]!.attributes.map((a) => a.id)).toEqual(['polarity', 'target', 'strength'])
    expect(merged.linkTypes[0]).toMatchObject({ from: ['stance'], to: ['claim'] })
    // Said before saving: the editor showed only that "nothing is lost".
    expect(labelMergeSentence(withEvidence, 'evidence', 'stance')).toBe(
      'Evidence’s annotations become Stance’s; Stance gains the attribute Strength; the link type Supports takes Stance where it took Evidence.',
    )
    expect(labelMergeSentence(withEvidence, 'source', 'claim')).toBe(
      'Source’s annotations become Claim’s; Claim gains the attributes Kind and Canonical name; Stance and Evidence are attributed to Claim.',
    )
    expect(labelMergeSentence(defaultTagSet, 'stance', 'claim')).toBe(
      'Stance’s annotations become Claim’s; Claim gains the attributes Polarity and Target.',
    )
  })

  it('a layer: labels, values and link types carried over, a duplicate link dropped, the rest untouched', () => {
    const text = 'Officials said the talks would resume.'
    const a = annotationAt(text, 'claim', 'the talks would resume', { id: 'a' })
    const b = { ...annotationAt(text, 'evidence', 'Officials', { id: 'b' }), attributes: { strength: '2' } }
    const links = [
      { id: 'l1', type: 'supports', from: 'b', to: 'a', author: 'x', created: a.created },
      { id: 'l2', type: 'backs', from: 'b', to: 'a', author: 'x', created: a.created },
    ]
    const out = mergeLayer([a, b], links, [
      { kind: 'label', from: 'evidence', into: 'claim' },
      { kind: 'link', from: 'backs', into: 'supports' },
    ])
    expect(out.changed).toBe(true)
    expect(out.annotations[0]).toBe(a)
    expect(out.annotations[1]).toEqual({ ...b, label: 'claim' })
    expect(out.links.map((l) => l.id)).toEqual(['l1'])
    expect(mergeLayer([a], [], [{ kind: 'label', from: 'evidence', into: 'claim' }]).changed).toBe(false)
  })

  it('is refused when it would leave a value that the attribute cannot hold', () => {
    const usage = emptyUsage()
    const text = 'We are sure.'
    countLayer(usage, [{ ...annotationAt(text, 'claim', 'sure', { id: 'c' }), attributes: { certainty: '7' } }], [])
    const before: TagSet = {
      labels: defaultTagSet.labels.map((l) =>
        l.id === 'claim'
          ? { ...l, attributes: [{ id: 'certainty', name: 'Certainty', type: 'number' as const, integer: true, min: null, max: null }] }
          : l,
      ),
      linkTypes: [],
    }
    const after: TagSet = {
      labels: defaultTagSet.labels.map((l) =>
        l.id === 'claim'
          ? { ...l, attributes: [{ id: 'certainty', name: 'Certainty', type: 'number' as const, integer: true, min: 1, max: 5 }] }
          : l,
      ),
      linkTypes: [],
    }
    expect(changeProblems(before, after, usage, [])).toEqual([
      'Claim → Certainty: 1 annotation holds values such as "7" that a number attribute with these bounds cannot hold; change the attribute back or fix those values first.',
    ])
  })
})

describe('what is new in a tag set', () => {
  it('takes its id from its name when saved; what was saved keeps its id', () => {
    const draft: TagSet = {
      labels: [
        ...defaultTagSet.labels.map((l) => (l.id === 'claim' ? { ...l, name: 'Assertion' } : l)),
        {
          id: 'new_label',
          name: 'Evidence',
          color: '#2e8b57',
          key: '4',
          attributes: [{ id: 'text_1', name: 'Strength', type: 'text', complete: true }],
          attributedTo: 'source',
        },
      ],
      linkTypes: [{ id: 'new_link', name: 'Supports', from: ['new_label'], to: ['claim'], multiple: true }],
    }
    const { tagSet, merges } = settleNewIds(draft, defaultTagSet, [{ kind: 'label', from: 'stance', into: 'new_label' }])
    expect(tagSet.labels.map((l) => l.id)).toEqual(['claim', 'source', 'stance', 'evidence'])
    expect(tagSet.labels[3]!.attributes[0]!.id).toBe('strength')
    expect(tagSet.linkTypes[0]).toMatchObject({ id: 'supports', from: ['evidence'], to: ['claim'] })
    expect(merges).toEqual([{ kind: 'label', from: 'stance', into: 'evidence' }])
  })
})
