/** Numbers as English writes them ("1,204"): one formatter, made once (toLocaleString makes one a call). */
const ENGLISH = new Intl.NumberFormat('en')

/** A count with its noun, singular for one: "1 annotation", "1,204 annotations" (the app and the command line say counts alike). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${ENGLISH.format(n)} ${n === 1 ? one : many}`
}

/** "a" or "an" before a word, by its first letter ("an Assertion", "a Source"); English only. */
export function indefinite(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`
}
