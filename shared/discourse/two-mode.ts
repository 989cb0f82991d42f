/**
 * The two-mode (affiliation) network of actors and targets, after the DNA manual's "Affiliation
 * networks" and "Normalisation of affiliation networks" (Leifeld, Gruber and Bossner 2018), with
 * polarity as the qualifier. For actor i and target j, with x[i][j][k] the stances of polarity k:
 *
 *   count(i,j)  = Σ_k x[i][j][k]                (every stance, unset polarity included: DNA's "ignore")
 *   signed(i,j) = x[i][j][favor] − x[i][j][against]   (favor +1, against −1, neutral and unset 0: DNA's "subtract")
 *   weight(i,j) = count(i,j) / N(i,j), where N is
 *     'none':       1
 *     'activity':   Σ_j' count(i,j')   (the actor's stances: ties of talkative actors weigh less)
 *     'prominence': Σ_i' count(i',j)   (the target's stances: ties to much-discussed targets weigh less)
 *
 * There is an edge wherever count(i,j) > 0; favor, against, neutral and unset are its counts.
 */
import type { StanceGrid } from './stance-grid'

/** none, activity, or prominence (formulas above). */
export type TwoModeNormalization = 'none' | 'activity' | 'prominence'

/** One actor–target tie. */
export interface Affiliation {
  actor: number
  target: number
  count: number
  signed: number
  weight: number
  favor: number
  against: number
  neutral: number
  unset: number
  /** Its cells are grid.cells[first] … grid.cells[end - 1] (by polarity: favor, against, neutral, unset): the statements behind the tie. */
  first: number
  end: number
}

/** The ties of a grid, by actor, then target. */
export function affiliations(grid: StanceGrid, normalization: TwoModeNormalization = 'none'): Affiliation[] {
  const ties: Affiliation[] = []
  let tie: Affiliation | undefined
  for (let i = 0; i < grid.cells.length; i++) {
    const cell = grid.cells[i]!
    if (!tie || tie.actor !== cell.actor || tie.target !== cell.target) {
      tie = {
        actor: cell.actor,
        target: cell.target,
        count: 0,
        signed: 0,
        weight: 0,
        favor: 0,
        against: 0,
        neutral: 0,
        unset: 0,
        first: i,
        end: i,
      }
      ties.push(tie)
    }
    const n = cell.count
    if (cell.polarity === 'favor') {
      tie.favor += n
      tie.signed += n
    } else if (cell.polarity === 'against') {
      tie.against += n
      tie.signed -= n
    } else if (cell.polarity === 'neutral') tie.neutral += n
    else tie.unset += n
    tie.count += n
    tie.end = i + 1
  }
  const actorTotal = Array.from({ length: grid.actors.length }, () => 0)
  const targetTotal = Array.from({ length: grid.targets.length }, () => 0)
  for (const t of ties) {
    actorTotal[t.actor]! += t.count
    targetTotal[t.target]! += t.count
  }
  for (const t of ties) {
    const n = normalization === 'activity' ? actorTotal[t.actor]! : normalization === 'prominence' ? targetTotal[t.target]! : 1
    t.weight = t.count / n
  }
  return ties
}
