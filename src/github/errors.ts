/** 502/504 answers tolerated on one request before the caller asks for less (a smaller page or batch). */
export const TIMEOUTS_BEFORE_SHRINKING = 2
/** A page or batch this small that still times out is not too big: GitHub is down, and the run fails. */
export const SMALLEST_REQUEST = 10

/** Half as many items, not fewer than SMALLEST_REQUEST. */
export const halved = (items: number): number => Math.max(SMALLEST_REQUEST, Math.floor(items / 2))

/** GitHub answered 502/504 (the query ran too long) more often than the caller tolerates. */
export class GitHubTimeoutError extends Error {
  override name = 'GitHubTimeoutError'
}

/** Any failure of a request to GitHub that retrying did not (or could not) cure. */
export class GitHubError extends Error {
  override name = 'GitHubError'
}
