/**
 * A seeded pseudo-random source for generated test and benchmark data (an LCG read from its high
 * bits: its low bits repeat every few calls), so the same seed always makes the same data.
 */

/** Integers in [0, n), the same sequence for the same seed. */
export function seededIntegers(seed: number): (n: number) => number {
  let s = seed >>> 0
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return Math.floor((s / 4_294_967_296) * n)
  }
}
