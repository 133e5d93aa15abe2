/** GitHub answered 502/504 (the query ran too long) more often than the caller tolerates. */
export class GitHubTimeoutError extends Error {
  override name = 'GitHubTimeoutError'
}

/** Any failure of a request to GitHub that retrying did not (or could not) cure. */
export class GitHubError extends Error {
  override name = 'GitHubError'
}
