// GitHub's secondary limit allows 2,000 points a minute on the GraphQL endpoint, where a query without
// mutations is one point, whatever its primary cost. A run whose answers come back fast enough would
// pass it, be refused and told to wait (a minute or more; GitHub may block a client that keeps coming
// back). Pacing keeps every minute under the limit instead.

export const SECONDARY_POINTS_PER_MINUTE = 2_000
/**
 * What the client lets through: a margin under GitHub's 2,000, which counts a query when it arrives
 * (later than when it is let through here) and may count another client's queries on the same token.
 */
export const PACED_QUERIES_PER_MINUTE = 1_950
const MINUTE_MS = 60_000

export interface PointsPace {
  /** Waits until one more query fits in the last minute, then counts it as sent. */
  admit(): Promise<void>
  /** Queries counted in the minute before now. */
  lastMinute(): number
}

export function createPointsPace(options: {
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Told when a wait begins, with how long it lasts. */
  onWait: (waitMs: number) => void
  perMinute?: number
}): PointsPace {
  const limit = options.perMinute ?? PACED_QUERIES_PER_MINUTE
  const sent: number[] = []

  const lastMinute = () => {
    while (sent.length > 0 && sent[0]! <= options.now() - MINUTE_MS) sent.shift()
    return sent.length
  }

  return {
    async admit() {
      while (lastMinute() >= limit) {
        const waitMs = Math.max(1, sent[0]! + MINUTE_MS - options.now())
        options.onWait(waitMs)
        await options.sleep(waitMs)
      }
      sent.push(options.now())
    },
    lastMinute
  }
}
