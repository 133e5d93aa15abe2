// Every wait of the client goes through here: pacing, backoff after a failure, and the pauses of all
// requests while a rate limit is waited out. One place to count them against `rate-limit-wait`.
import type { Logger } from '../options.js'
import type { GatherStats } from '../records.js'
import { backoffDelay, SECONDARY_LIMIT_WAIT_MS } from './backoff.js'
import { GitHubError } from './errors.js'

export interface Waits {
  /** Until no rate-limit pause is pending: one that began or grew meanwhile is waited out too. */
  pausesOver(): Promise<void>
  /** A retry's backoff: this request only. */
  backoff(ms: number): Promise<void>
  /** Pacing under the secondary limit: this request only. */
  pacing(ms: number): Promise<void>
  /** All requests wait until the primary limit resets, unless that passes the bound on waiting. */
  primaryLimit(label: string, headers: Headers): Promise<void>
  /** All requests wait as GitHub's `retry-after` says, or a minute and more; `times` counts from 1. */
  secondaryLimit(label: string, headers: Headers, times: number): Promise<void>
}

export function createWaits(options: {
  sleep: (ms: number) => Promise<void>
  now: () => number
  log: Logger
  /** Bound on all primary-limit waiting of a run. */
  waitBoundMs: number
  stats: GatherStats
}): Waits {
  const { sleep, now, log, waitBoundMs, stats } = options
  // While a rate limit is being waited out, every request waits for this before it is sent.
  let pause: Promise<void> = Promise.resolve()
  const pauseAll = (ms: number): Promise<void> => {
    const waited = sleep(ms)
    pause = Promise.all([pause, waited]).then(() => undefined)
    return pause
  }

  // The bound is on all the waiting of a run, not on each wait: a limit that keeps coming back (or a
  // reset time that is already past) must end the run, not hold it forever. Requests in flight together
  // hit the limit together and wait for the same reset: only what a wait adds to the pause counts.
  let primaryWaitedMs = 0
  let primaryPausedUntil = 0

  return {
    async pausesOver() {
      for (let waited = pause; ; waited = pause) {
        await waited
        if (waited === pause) return
      }
    },
    backoff: sleep,
    pacing: sleep,
    async primaryLimit(label, headers) {
      const header = Number(headers.get('x-ratelimit-reset'))
      const resetMs = header > 0 ? header * 1000 : stats.resetAt ? Date.parse(stats.resetAt) : now() + 60_000
      // A reset already past gets a minute: GitHub's clock and ours may differ, or the limit came back.
      const waitMs = resetMs > now() ? resetMs - now() + 1_000 : 60_000
      const resetAt = new Date(resetMs).toISOString()
      const used = headers.get('x-ratelimit-used') ?? '?'
      const limit = headers.get('x-ratelimit-limit') ?? '?'
      const start = now()
      const added = Math.max(0, start + waitMs - Math.max(primaryPausedUntil, start))
      if (primaryWaitedMs + added > waitBoundMs) {
        throw new GitHubError(
          `${label}: GitHub's rate limit is exhausted (${used} of ${limit} points used this hour); it resets at ` +
            `${resetAt}, and waiting for it would pass the ${waitBoundMs / 60_000}-minute bound on waiting ` +
            `(rate-limit-wait). Raise the bound, or use a ` +
            `GitHub App installation token or a personal access token, which get more points per hour.`
        )
      }
      log.warning(
        `${label}: rate limit exhausted (${used} of ${limit} points used); waiting until ${resetAt}`
      )
      primaryWaitedMs += added
      primaryPausedUntil = Math.max(primaryPausedUntil, start + waitMs)
      await pauseAll(waitMs)
    },
    async secondaryLimit(label, headers, times) {
      const retryAfter = Number(headers.get('retry-after'))
      const waitMs =
        retryAfter > 0 ? retryAfter * 1000 : Math.max(SECONDARY_LIMIT_WAIT_MS, backoffDelay(times + 5))
      log.warning(`${label}: secondary rate limit; pausing all requests for ${Math.round(waitMs / 1000)} s`)
      await pauseAll(waitMs)
    }
  }
}
