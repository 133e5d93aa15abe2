// The benchmark's critical path: a request that sends a cursor or node id which an earlier answer gave
// depends on that answer. The longest such chain, times the latency, is a bound no schedule can beat.
// Both sides are read from the JSON text with a regular expression: far cheaper than walking objects.

const STRINGS = /"((?:[^"\\]|\\.)*)"/g
const TOKENS = /"(?:id|endCursor|startCursor)":"((?:[^"\\]|\\.)*)"/g

export interface Dependency {
  /** 1 for a request that needs nothing from earlier answers; else one more than what it builds on. */
  depth: number
  /** The request (by arrival index) whose answer it builds on: the link before it in its longest chain. */
  after?: number
}

export class DependencyChains {
  private readonly givenBy = new Map<string, { depth: number; request: number }>()
  private deepest = 0

  dependencyOf(query: string, variables: unknown): Dependency {
    let dependency: Dependency = { depth: 1 }
    for (const text of [query, JSON.stringify(variables ?? {})])
      for (const match of text.matchAll(STRINGS)) {
        const given = this.givenBy.get(match[1]!)
        if (given && given.depth >= dependency.depth)
          dependency = { depth: given.depth + 1, after: given.request }
      }
    return dependency
  }

  /** Remembers the cursors and ids an answer gave, with the request that got them first and its depth. */
  recordAnswer(json: string, depth: number, request: number): void {
    this.deepest = Math.max(this.deepest, depth)
    for (const match of json.matchAll(TOKENS))
      if (!this.givenBy.has(match[1]!)) this.givenBy.set(match[1]!, { depth, request })
  }

  get longest(): number {
    return this.deepest
  }
}
