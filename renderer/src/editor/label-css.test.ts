import { describe, expect, it } from 'vitest'
import { defaultLabels } from '../../../shared/model/labels'
import { labelCss, styleOfLabel } from './label-css'

describe('labelCss', () => {
  it('gives each label of the schema its colour, in one of three distinguishable styles', () => {
    const css = labelCss(defaultLabels)
    expect(css).toContain('.mg-hl-claim { background-color: rgb(242 177 52 / 0.30); }')
    expect(css).toMatch(/\.mg-hl-source \{[^}]*text-decoration-line: underline; text-decoration-color: rgb\(74 144 217\)/)
    expect(css).toMatch(/\.mg-hl-stance \{ background-image: linear-gradient/)
    expect([0, 1, 2, 3].map(styleOfLabel)).toEqual(['tint', 'underline', 'band', 'tint'])
  })

  it('marks the sources a claim or stance can be attributed to while attributing', () => {
    expect(labelCss(defaultLabels)).toContain('.mg-linking-source .mg-hl-source { cursor: pointer; outline: 2px dashed rgb(74 144 217)')
  })

  it('uses no inline style attributes: only class rules (the CSP forbids inline styles)', () => {
    expect(labelCss(defaultLabels)).not.toMatch(/style=/)
  })
})
