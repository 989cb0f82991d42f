import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../../../../shared/model/labels'
import { labelDefinitions } from './guideline-sections'

const GUIDELINES = `# Coding guidelines

Read everything first.

## Claim
A statement presented as fact that can be *checked*.

### Examples
- "Prices rose 4%."

## SOURCE
Who a claim is attributed to.

\`\`\`
## Stance
(not a heading: inside a code block)
\`\`\`

# Appendix

## Stance
A position **for or against** a target.
`

describe('label definitions in guidelines.md', () => {
  it("take the section whose heading is a label's name or id, up to the next heading of its level", () => {
    const defs = labelDefinitions(GUIDELINES, defaultLabels)
    expect(defs.get('claim')).toBe('A statement presented as fact that can be *checked*.\n\n### Examples\n- "Prices rose 4%."')
    expect(defs.get('source')).toContain('Who a claim is attributed to.')
    expect(defs.get('source')).toContain('(not a heading: inside a code block)')
    expect(defs.get('stance')).toBe('A position **for or against** a target.')
  })

  it('give nothing for labels without a section, or without guidelines', () => {
    expect(labelDefinitions('', defaultLabels).size).toBe(0)
    expect(labelDefinitions('# Claim\n\n# Source\nText', defaultLabels)).toEqual(new Map([['source', 'Text']]))
  })
})
