/**
 * Timeouts tolerated on one request before the caller asks for less (a smaller page or batch): none. A
 * timeout costs points and counts toward penalties for the next hour; the same query again would only
 * time out again.
 */
export const TIMEOUTS_BEFORE_SHRINKING = 0
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

/** One error of a GraphQL answer, as GitHub gives it. */
export interface GitHubAnswerError {
  type?: string
  message?: string
  path?: (string | number)[]
}

/**
 * GitHub answered that something the query names is not there (NOT_FOUND) or not shown to this token
 * (FORBIDDEN), with whatever data it did give: the caller, who knows what each path stands for, decides.
 */
export class GitHubMissingError extends GitHubError {
  override name = 'GitHubMissingError'
  constructor(
    message: string,
    readonly errors: GitHubAnswerError[],
    readonly data: Record<string, unknown> | null
  ) {
    super(message)
  }

  /** Every error is NOT_FOUND at a path this test accepts: items deleted since they were listed. */
  onlyGone(at: (path: (string | number)[]) => boolean): boolean {
    return this.errors.every(e => e.type === 'NOT_FOUND' && !!e.path && at(e.path))
  }
}
