import { describe, expect, it } from 'vitest'
import { propertyRowsProblem } from './project'

describe("a document's properties as typed", () => {
  it('can be saved with names of their own, empty rows left out', () => {
    expect(
      propertyRowsProblem([
        { name: 'date', value: '2023-10-19' },
        { name: 'outlet', value: '' },
        { name: '', value: '' },
        { name: 'Дата выхода', value: 'x' },
      ]),
    ).toBeNull()
  })

  it('are refused when a value has no name (it was dropped unseen)', () => {
    expect(propertyRowsProblem([{ name: ' ', value: 'orphan value' }])).toBe(
      'The value "orphan value" has no property name; give it one (such as date or outlet), or empty the value.',
    )
  })

  it('are refused when two rows have one name, whatever its case (the second overwrote the first)', () => {
    expect(
      propertyRowsProblem([
        { name: 'date', value: '2023-11-12' },
        { name: 'Date ', value: '1999-01-01' },
      ]),
    ).toBe('Two properties are called "Date"; give each its own name.')
  })
})
