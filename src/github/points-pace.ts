// GitHub's secondary limit allows 2,000 points a minute on the GraphQL endpoint. A run that needs more
// would otherwise spend them in the first seconds, then be refused and told to wait (a minute or more,
// and GitHub may block a client that keeps coming back). Pacing keeps every minute under the limit.

export const POINTS_PER_MINUTE = 2_000
const MINUTE_MS = 60_000
/** What a request not yet answered may cost: queries are filled to at most 9 points. */
export const POINTS_PER_REQUEST_IN_FLIGHT = 10

export interface PointsPace {
  /** Waits until one more request fits in the last minute's points; then counts it as in flight. */
  admit(): Promise<void>
  /** The request's answer came back, costing `points` (0 when it was refused or unreadable). */
  settle(points: number): void
  /** Points charged in the minute before now. */
  lastMinute(): number
}

export function createPointsPace(options: {
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Told once per wait, with how long it lasts. */
  onWait: (waitMs: number, lastMinute: number) => void
  pointsPerMinute?: number
}): PointsPace {
  const limit = options.pointsPerMinute ?? POINTS_PER_MINUTE
  const charged: { at: number; points: number }[] = []
  let inFlight = 0

  const lastMinute = () => {
    while (charged.length > 0 && charged[0]!.at <= options.now() - MINUTE_MS) charged.shift()
    return charged.reduce((sum, charge) => sum + charge.points, 0)
  }

  return {
    async admit() {
      for (;;) {
        const spent = lastMinute()
        if (charged.length === 0 || spent + (inFlight + 1) * POINTS_PER_REQUEST_IN_FLIGHT <= limit) break
        const waitMs = charged[0]!.at + MINUTE_MS - options.now()
        options.onWait(waitMs, spent)
        await options.sleep(waitMs)
      }
      inFlight++
    },
    settle(points) {
      inFlight--
      if (points > 0) charged.push({ at: options.now(), points })
    },
    lastMinute
  }
}
