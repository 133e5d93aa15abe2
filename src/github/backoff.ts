const BASE_MS = 1_000
const CAP_MS = 60_000

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so a crowd of
 * retrying requests spreads out but none retries immediately.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** attempt)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** Seconds to wait after a secondary rate limit when GitHub gives no `retry-after`. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000
