import { findLabel, optionName } from '../../../shared/model/labels'
import type { StatementRow } from '../../../shared/discourse/analysis-view'
import { usePolarityNames } from '../state/react/use-analysis'
import { useSessionState } from '../state/react/use-session'

/**
 * What a statement says, as the statements table and the selection list show it: a stance's
 * polarity (as the tag set names it; a value Analysis does not count shown as written, marked
 * "not counted") and its target, or a claim's label.
 */
export function StatementStance({
  row,
  className,
}: {
  row: Pick<StatementRow, 'stance' | 'label' | 'polarity' | 'otherPolarity' | 'target'>
  className?: string
}) {
  const labels = useSessionState((s) => s.info?.project?.labels ?? [])
  const names = usePolarityNames()
  if (!row.stance)
    return <span className={className ? `${className} help` : 'help'}>{findLabel(labels, row.label)?.name ?? row.label}</span>
  const other = row.otherPolarity === '' ? null : optionName(labels, row.label, 'polarity', row.otherPolarity)
  return (
    <span className={className}>
      <span
        className={`polarity polarity-${row.polarity ?? 'unset'}`}
        title={
          other === null
            ? undefined
            : `Analysis counts ${names.favor}, ${names.against} and ${names.neutral}; ${other} counts as no polarity.`
        }
      >
        {row.polarity ? names[row.polarity] : other === null ? 'no polarity' : `${other} (not counted)`}
      </span>{' '}
      <span dir="auto">{row.target || '(no target)'}</span>
    </span>
  )
}
