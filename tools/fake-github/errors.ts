/** An error GitHub would report with a top-level `type` (NOT_FOUND, RATE_LIMITED, ...). */
export class FakeGitHubError extends Error {
  constructor(
    message: string,
    readonly type?: string,
    /** Sent as the error's `extensions`, as GitHub does for FORBIDDEN (`saml_failure`). */
    readonly extensions?: Record<string, unknown>
  ) {
    super(message)
  }
}

export function notImplemented(what: string): FakeGitHubError {
  return new FakeGitHubError(`fake GitHub does not implement ${what}`, 'NOT_IMPLEMENTED')
}
