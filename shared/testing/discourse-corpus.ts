/**
 * A small hand-made debate for the discourse analysis tests: four actors of three kinds, three
 * targets (one written as "strikes", "Strikes " and "Strikes"; one as "Israel" and " israel "),
 * an actor named two ways (the Kremlin, and Moscow with the canonical name "kremlin"), a stance
 * linked to a source in another paragraph, an unlinked stance, a stance with no target, one with
 * no polarity, and an actor (the UN) who only makes a claim. The tests compute every expected
 * number by hand from this list.
 */
import type { ExportLayer } from '../interchange/layer'
import { claim, discourseLayer, source, stance } from './discourse-layers'

export const DEBATE_TEXT = [
  'The Kremlin called for a ceasefire. The Kremlin condemned the strikes.',
  'Moscow again condemned the strikes in a later statement. It urged Israel to show restraint.',
  'Netanyahu rejected a ceasefire. Netanyahu defended the strikes. Netanyahu said victory is near.',
  'Hamas welcomed a ceasefire. Hamas mentioned Israel.',
  'Biden spoke of israel carefully.',
  'The UN said aid is blocked.',
  'Some condemned the Strikes.',
].join('\n\n')

/**
 * Who said what, by quote:
 *
 * | id | actor (kind)            | polarity | target     |
 * |----|-------------------------|----------|------------|
 * | a1 | Kremlin (government)    | favor    | ceasefire  |
 * | a2 | Kremlin                 | against  | strikes    |
 * | a3 | Moscow → kremlin        | against  | Strikes␠   |
 * | a4 | Kremlin (other paragraph) | neutral | Israel    |
 * | b1 | Netanyahu (person)      | against  | ceasefire  |
 * | b2 | Netanyahu               | favor    | strikes    |
 * | b3 | Netanyahu               | favor    | (none)     |
 * | c1 | Hamas (organization)    | favor    | ceasefire  |
 * | c2 | Hamas                   | (unset)  | Israel     |
 * | d1 | Biden (person)          | neutral  | ␠israel␠   |
 * | e1 | The UN (organization)   | claim    |            |
 * | u1 | (no source)             | against  | Strikes    |
 */
export function debateLayer(document = 'debate', annotator = 'maria'): ExportLayer {
  return discourseLayer({
    document,
    title: 'The debate',
    annotator,
    text: DEBATE_TEXT,
    marks: [
      source('kremlin', 'The Kremlin', 'government', 'Kremlin'),
      source('moscow', 'Moscow', 'government', 'kremlin'),
      source('netanyahu', 'Netanyahu', 'person'),
      source('hamas', 'Hamas', 'organization'),
      source('biden', 'Biden', 'person'),
      source('un', 'The UN', 'organization'),
      stance('a1', 'called for a ceasefire', 'favor', 'ceasefire', 'kremlin'),
      stance('a2', 'condemned the strikes', 'against', 'strikes', 'kremlin'),
      stance('a3', 'again condemned the strikes', 'against', 'Strikes ', 'moscow'),
      stance('a4', 'urged Israel to show restraint', 'neutral', 'Israel', 'kremlin'),
      stance('b1', 'rejected a ceasefire', 'against', 'ceasefire', 'netanyahu'),
      stance('b2', 'defended the strikes', 'favor', 'strikes', 'netanyahu'),
      stance('b3', 'said victory is near', 'favor', undefined, 'netanyahu'),
      stance('c1', 'welcomed a ceasefire', 'favor', 'ceasefire', 'hamas'),
      stance('c2', 'mentioned Israel', undefined, 'Israel', 'hamas'),
      stance('d1', 'spoke of israel carefully', 'neutral', ' israel ', 'biden'),
      claim('e1', 'said aid is blocked', 'un'),
      stance('u1', 'condemned the Strikes', 'against', 'Strikes'),
    ],
  })
}
