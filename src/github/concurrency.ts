import type { Logger } from '../options.js'
import { SECONDARY_LIMIT_WAIT_MS } from './backoff.js'
import type { Semaphore } from './semaphore.js'

/** Clean answers in a row that earn one more request in flight after a secondary limit. */
export const CLEAN_ANSWERS_PER_STEP = 20

export interface Concurrency {
  /** A secondary limit: half as many requests in flight. */
  limited(): void
  /** An answer with data: after enough of them in a row, one more request in flight, up to the full count. */
  clean(): void
}

/**
 * GitHub's secondary limits count CPU time as well as requests, and GitHub advises serial requests: on
 * one, half as many requests go at once, then one more per CLEAN_ANSWERS_PER_STEP clean answers. The
 * requests in flight together hit a limit together: they halve the count once, not once each, unless
 * the limit is met again after a clean answer or a full minute later.
 */
export function createConcurrency(options: {
  semaphore: Semaphore
  full: number
  log: Logger
  now: () => number
}): Concurrency {
  const { semaphore, full, log, now } = options
  let limit = full
  let cleanInARow = 0
  let halvedAt = -Infinity
  let cleanSinceHalving = true
  return {
    limited() {
      cleanInARow = 0
      if (!cleanSinceHalving && now() - halvedAt < SECONDARY_LIMIT_WAIT_MS) return
      const before = limit
      limit = Math.max(1, Math.floor(limit / 2))
      halvedAt = now()
      cleanSinceHalving = false
      semaphore.setLimit(limit)
      if (limit < before)
        log.warning(
          `secondary rate limit: ${limit} requests in flight at most from now (were ${before}), more again ` +
            `once answers are clean`
        )
    },
    clean() {
      cleanSinceHalving = true
      if (limit >= full || ++cleanInARow < CLEAN_ANSWERS_PER_STEP) return
      cleanInARow = 0
      limit++
      semaphore.setLimit(limit)
      log.info(`answers clean: ${limit} of ${full} requests in flight at most`)
    }
  }
}
