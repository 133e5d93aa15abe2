// The benchmark's critical path: a request that sends a cursor or node id which an earlier answer gave
// depends on that answer. The longest such chain, times the latency, is a bound no schedule can beat.
// Both sides are read from the JSON text with a regular expression: far cheaper than walking objects.

const STRINGS = /"((?:[^"\\]|\\.)*)"/g
const TOKENS = /"(?:id|endCursor|startCursor)":"((?:[^"\\]|\\.)*)"/g

export class DependencyChains {
  private readonly depthOf = new Map<string, number>()
  private deepest = 0

  /** 1 for a request that needs nothing from earlier answers; else one more than what it builds on. */
  depthOfRequest(query: string, variables: unknown): number {
    let depth = 0
    for (const text of [query, JSON.stringify(variables ?? {})])
      for (const match of text.matchAll(STRINGS)) depth = Math.max(depth, this.depthOf.get(match[1]!) ?? 0)
    return depth + 1
  }

  /** Remembers the cursors and ids an answer gave, at the depth of the request that got them first. */
  recordAnswer(json: string, depth: number): void {
    this.deepest = Math.max(this.deepest, depth)
    for (const match of json.matchAll(TOKENS))
      if (!this.depthOf.has(match[1]!)) this.depthOf.set(match[1]!, depth)
  }

  get longest(): number {
    return this.deepest
  }
}
