import { describe, expect, it } from 'vitest'
import { suggest } from './suggest'

describe('canonical-name proposals', () => {
  it('clusters a full name, the surname alone and a title that the full name carried', () => {
    const text =
      'Russian President Vladimir Putin said the talks were over. Putin\'s aides disagreed. "We are ready," the Russian president said.'
    const [putin] = suggest(text).names
    expect(putin).toMatchObject({ name: 'Vladimir Putin', kind: 'person' })
    expect(putin!.mentions.map((m) => [m.text, m.evidence])).toEqual([
      ['Russian President Vladimir Putin', 'full-name'],
      ["Putin's", 'surname'],
      ['the Russian president', 'title'],
    ])
  })
  it('proposes; it does not merge people who share no name', () => {
    const text = 'Abbas Gallyamov said it was over. Mahmoud Abbas said it was not.'
    expect(suggest(text).names.map((n) => n.name)).toEqual(['Abbas Gallyamov', 'Mahmoud Abbas'])
  })
})
