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
  it('keeps the place or body a title is of in the title, not in the name', () => {
    const names = (text: string) => suggest(text).names.map((n) => n.name)
    expect(names('Prime Minister of Israel Benjamin Netanyahu said the war would go on.')).toEqual(['Benjamin Netanyahu'])
    expect(names('President of the United States Joe Biden said the talks had failed.')).toEqual(['Joe Biden'])
    expect(names('Minister of Foreign Affairs Sergey Lavrov said the offer was rejected.')).toEqual(['Sergey Lavrov'])
    expect(names('Secretary of State Blinken said it was over. Antony Blinken later said it was not.')).toEqual(['Antony Blinken'])
    // A title of a place alone names nobody; a title before a full name keeps its name whole.
    expect(names('The President of France said the plan was sound.')).toEqual([])
    expect(names('Russian Foreign Minister Sergey Lavrov said it was over.')).toEqual(['Sergey Lavrov'])
  })
})
