/**
 * The order a file manager lists names in: "part-2" before "part-10", case and accents aside.
 * One import's documents follow it, whether the files come from the picker, a drop, the shell
 * (`marginalia import *.txt` passes part-10 before part-2) or several requests.
 */
const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** Items in the order of their names (a stable sort: names that compare equal keep their order). */
export function inNameOrder<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => NAME_ORDER.compare(a.name, b.name))
}
