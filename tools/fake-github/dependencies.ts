// The benchmark's critical path: a request that sends a cursor or node id which an earlier answer gave
// depends on that answer. The longest such chain, times the latency, is a bound no schedule can beat.

const TOKEN_KEYS = new Set(['id', 'endCursor', 'startCursor'])

function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out)
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) stringsIn(item, out)
  return out
}

export class DependencyChains {
  private readonly depthOf = new Map<string, number>()
  private deepest = 0

  /** 1 for a request that needs nothing from earlier answers; else one more than what it builds on. */
  depthOfRequest(query: string, variables: unknown): number {
    const literals = [...query.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(m => m[1]!)
    let depth = 0
    for (const token of [...literals, ...stringsIn(variables, [])])
      depth = Math.max(depth, this.depthOf.get(token) ?? 0)
    return depth + 1
  }

  /** Remembers the cursors and ids an answer gave, at the depth of the request that got them first. */
  recordAnswer(data: unknown, depth: number): void {
    this.deepest = Math.max(this.deepest, depth)
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) for (const item of value) walk(item)
      else if (value !== null && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) {
          if (TOKEN_KEYS.has(key) && typeof item === 'string' && !this.depthOf.has(item))
            this.depthOf.set(item, depth)
          else walk(item)
        }
    }
    walk(data)
  }

  get longest(): number {
    return this.deepest
  }
}
