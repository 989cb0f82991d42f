import { useEffect } from 'react'
import { installLabelCss } from '../editor/label-css'
import { useSessionState } from '../state/react/use-session'

/** Installs the open project's label colours as a stylesheet; renders nothing. */
export function LabelStyles() {
  const labels = useSessionState((s) => s.info?.project?.labels)
  useEffect(() => {
    if (labels) installLabelCss(labels)
  }, [labels])
  return null
}
