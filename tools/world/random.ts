// A seeded PRNG (mulberry32): the same seed always makes the same world, on any machine.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks an index with probability proportional to its weight. */
  weighted(weights: readonly number[]): number
  hex(digits: number): string
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: probability => next() < probability,
    pick: items => items[Math.floor(next() * items.length)],
    weighted: weights => {
      const total = weights.reduce((a, b) => a + b, 0)
      let roll = next() * total
      for (let i = 0; i < weights.length; i++) {
        roll -= weights[i]
        if (roll < 0) return i
      }
      return weights.length - 1
    },
    hex: digits => {
      let out = ''
      while (out.length < digits)
        out += Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, '0')
      return out.slice(0, digits)
    }
  }
}
