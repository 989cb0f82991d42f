/**
 * The values a field sent to be stored that have not come back yet, in order. `isEcho(stored)`
 * says whether a new stored value is one of them coming back (then it and every earlier one have
 * come back); otherwise the field should show the stored value, and nothing is awaited any more.
 */
export class TypedEchoes {
  private awaited: string[] = []
  constructor(private stored: string) {}

  typed(value: string): void {
    if (value !== this.stored && this.awaited.at(-1) !== value) this.awaited.push(value)
  }

  isEcho(stored: string): boolean {
    this.stored = stored
    const i = this.awaited.indexOf(stored)
    if (i >= 0) {
      this.awaited.splice(0, i + 1)
      return true
    }
    this.awaited = []
    return false
  }
}
