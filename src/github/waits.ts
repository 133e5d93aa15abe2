// Every wait of the client goes through here: pacing, backoff after a failure, and the pauses of all
// requests while a rate limit is waited out. One place to count them against `rate-limit-wait`.
import type { Logger } from '../options.js'
import type { GatherStats } from '../records.js'
import { backoffDelay, SECONDARY_LIMIT_WAIT_MS } from './backoff.js'
import { GitHubError } from './errors.js'

export interface Waits {
  /** Until no rate-limit pause is pending: one that began or grew meanwhile is waited out too. */
  pausesOver(): Promise<void>
  /** A retry's backoff: this request only; `why` names the request and what went wrong. */
  backoff(ms: number, why: string): Promise<void>
  /** Pacing under the secondary limit: this request only, and not counted against the bound (it is how a
   * long run keeps clear of the limits, not a wait for one to lift). */
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
  onPause?: (untilMs: number) => void
}): Waits {
  const { sleep, now, log, waitBoundMs, stats } = options
  // While a rate limit is being waited out, every request waits for this before it is sent.
  let pause: Promise<void> = Promise.resolve()
  const pauseAll = (ms: number): Promise<void> => {
    options.onPause?.(now() + ms)
    const waited = sleep(ms)
    pause = Promise.all([pause, waited]).then(() => undefined)
    return pause
  }

  // The bound is on all the waiting of a run, not on each wait: a limit that keeps coming back (or a
  // reset time that is already past) must end the run, not hold it forever. Primary and secondary limits
  // and backoffs all count; waits that overlap (requests in flight together hit the same limit and wait
  // for the same reset) count once: only what a wait adds to the time already being waited counts.
  let waitedMs = 0
  let waitingUntil = 0
  const bound = `${waitBoundMs / 60_000}-minute bound on waiting (rate-limit-wait)`
  /** Counts a wait of `ms` from now, or throws `failure` when it would pass the bound. */
  const charge = (ms: number, failure: () => string) => {
    const start = now()
    const added = Math.max(0, start + ms - Math.max(waitingUntil, start))
    if (waitedMs + added > waitBoundMs) throw new GitHubError(failure())
    waitedMs += added
    waitingUntil = Math.max(waitingUntil, start + ms)
  }

  return {
    async pausesOver() {
      for (let waited = pause; ; waited = pause) {
        await waited
        if (waited === pause) return
      }
    },
    async backoff(ms, why) {
      charge(ms, () => `${why}; retrying in ${Math.ceil(ms / 1000)} s would pass the ${bound}`)
      await sleep(ms)
    },
    pacing: sleep,
    async primaryLimit(label, headers) {
      const header = Number(headers.get('x-ratelimit-reset'))
      const resetMs = header > 0 ? header * 1000 : stats.resetAt ? Date.parse(stats.resetAt) : now() + 60_000
      // A reset already past gets a minute: GitHub's clock and ours may differ, or the limit came back.
      const waitMs = resetMs > now() ? resetMs - now() + 1_000 : 60_000
      const resetAt = new Date(resetMs).toISOString()
      const used = headers.get('x-ratelimit-used') ?? '?'
      const limit = headers.get('x-ratelimit-limit') ?? '?'
      charge(
        waitMs,
        () =>
          `${label}: GitHub's rate limit is exhausted (${used} of ${limit} points used this hour); it resets at ` +
          `${resetAt}, and waiting for it would pass the ${bound}. Raise the bound, or use a ` +
          `GitHub App installation token or a personal access token, which get more points per hour.`
      )
      log.warning(
        `${label}: rate limit exhausted (${used} of ${limit} points used); waiting until ${resetAt}`
      )
      await pauseAll(waitMs)
    },
    async secondaryLimit(label, headers, times) {
      const retryAfter = Number(headers.get('retry-after'))
      const waitMs =
        retryAfter > 0 ? retryAfter * 1000 : Math.max(SECONDARY_LIMIT_WAIT_MS, backoffDelay(times + 5))
      charge(
        waitMs,
        () =>
          `${label}: secondary rate limit; GitHub asks to wait ${Math.round(waitMs / 1000)} s, which would ` +
          `pass the ${bound}`
      )
      log.warning(`${label}: secondary rate limit; pausing all requests for ${Math.round(waitMs / 1000)} s`)
      await pauseAll(waitMs)
    }
  }
}
