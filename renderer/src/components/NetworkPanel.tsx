import { useId } from 'react'
import { bestConnected, type AnalysisView } from '../../../shared/discourse/analysis-view'
import { setAsideSentence } from '../../../shared/discourse/network'
import { plural } from '../../../shared/plural'
import { CHART_COLOURS, type AnalysisSelection } from '../state/model/analysis-model'
import { useScheme } from '../state/react/use-scheme'
import { useAnalysis, usePolarityNames } from '../state/react/use-analysis'
import { useSession } from '../state/react/use-session'
import { NetworkCanvas } from './NetworkCanvas'

const MODES = [
  { value: 'actor-target', name: 'Actors → targets (two-mode)' },
  { value: 'congruence', name: 'Agreement between actors (congruence)' },
  { value: 'conflict', name: 'Conflict between actors' },
] as const

const NORMALIZATIONS: Record<string, { value: string; name: string }[]> = {
  'actor-target': [
    { value: 'none', name: 'Count of stances' },
    { value: 'activity', name: 'Share of the actor’s stances (activity)' },
    { value: 'prominence', name: 'Share of the target’s stances (prominence)' },
  ],
  one: [
    { value: 'none', name: 'Count of stance pairs' },
    { value: 'average', name: 'Average activity' },
    { value: 'jaccard', name: 'Jaccard' },
  ],
}

/**
 * The network tab: which network (two-mode actor–target, one-mode congruence or conflict) and
 * its normalisation (docs/analysis.md), the drawing, and the nodes as a list by degree, which a
 * keyboard or a screen reader can use as well as the canvas.
 */
export function NetworkPanel({
  view,
  selection,
  onSelect,
}: {
  view: AnalysisView
  selection: AnalysisSelection | null
  onSelect: (s: AnalysisSelection | null) => void
}) {
  const session = useSession()
  const choice = useAnalysis((s) => s.network)
  const names = usePolarityNames()
  const colours = CHART_COLOURS[useScheme()]
  const ids = { mode: useId(), norm: useId() }
  const network = view.network
  const aside = setAsideSentence(network)
  const nodes = bestConnected(network.nodes, 60)
  return (
    <div className="network-panel">
      <div className="network-controls">
        <label htmlFor={ids.mode}>Network</label>
        <select
          id={ids.mode}
          value={choice.mode}
          onChange={(e) => session.analysis.setNetwork({ mode: e.target.value as typeof choice.mode })}
        >
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.norm}>Weight</label>
        <select
          id={ids.norm}
          value={choice.normalization}
          onChange={(e) => session.analysis.setNetwork({ normalization: e.target.value as typeof choice.normalization })}
        >
          {NORMALIZATIONS[choice.mode === 'actor-target' ? 'actor-target' : 'one']!.map((n) => (
            <option key={n.value} value={n.value}>
              {n.name}
            </option>
          ))}
        </select>
        <span className="network-legend" aria-hidden="true">
          <span>
            <span className="legend-dot" style={{ background: colours.actor }} /> actor
          </span>
          {choice.mode === 'actor-target' && (
            <span>
              <span className="legend-dot" style={{ background: colours.target }} /> target
            </span>
          )}
          {choice.mode === 'actor-target' ? (
            <>
              <span>
                <span className="legend-line" style={{ background: colours.polarity.favor }} /> {names.favor}
              </span>
              <span>
                <span className="legend-line" style={{ background: colours.polarity.against }} /> {names.against}
              </span>
            </>
          ) : (
            <span>
              <span className="legend-line" style={{ background: colours.tie }} /> {choice.mode === 'congruence' ? 'agree' : 'conflict'},
              thicker for more
            </span>
          )}
        </span>
        <span className="help" data-testid="network-summary">
          {plural(network.all.nodes, 'node')}, {plural(network.all.edges, 'tie')} from {plural(network.used, 'stance')}
          {aside ? `; ${aside}` : ''}
        </span>
      </div>
      {network.nodes.length === 0 ? (
        <p className="help">
          No stance passes the filter with a source and a target{network.mode === 'actor-target' ? '' : ' and a polarity'}: there is no
          network to draw.
        </p>
      ) : (
        <div className="network-main">
          <NetworkCanvas network={network} selection={selection} onSelect={onSelect} />
          <nav className="network-nodes" aria-label="Nodes">
            <h2 className="pane-title">Nodes by degree</h2>
            <ul>
              {nodes.map((n) => {
                const pressed =
                  (selection?.kind === 'actor' || selection?.kind === 'target') && selection.kind === n.mode && selection.key === n.key
                return (
                  <li key={n.id}>
                    <button
                      type="button"
                      className={`node-item node-${n.mode}`}
                      aria-pressed={pressed}
                      title={`${n.label}: ${n.degree} ${n.degree === 1 ? 'tie' : 'ties'}`}
                      onClick={() => onSelect(pressed ? null : { kind: n.mode, key: n.key, label: n.label })}
                    >
                      <span className="node-dot" aria-hidden="true" />
                      <span className="node-label" dir="auto">
                        {n.label}
                      </span>
                      <span className="help">{n.degree}</span>
                    </button>
                  </li>
                )
              })}
            </ul>
          </nav>
        </div>
      )}
    </div>
  )
}
