// What an answer from GitHub calls for. The one place that reads statuses, headers and error types:
// the client acts on the verdict and never looks at the answer's details itself.
import type { Answer, GraphQLError } from './transport.js'

export type Verdict =
  | { kind: 'data'; data: Record<string, unknown> }
  /** The token was refused: no retry can cure it. */
  | { kind: 'bad-token' }
  /**
   * The query ran too long or asked too much, and a smaller page or batch may not: 502/504, 500, 200 with
   * RESOURCE_LIMITS_EXCEEDED or "may be the result of a timeout".
   */
  | { kind: 'timeout'; cause: string }
  /** Worth another attempt after a backoff: 503, no answer, errors in the answer, no data. */
  | { kind: 'retry'; cause: string }
  | { kind: 'primary-limit' }
  /** The token lacks `read:user`/`user:email`, and the query asks for `User.email`. */
  | { kind: 'no-email-scope' }
  | { kind: 'secondary-limit' }
  /** An item GitHub does not show this token (gone, or not allowed). */
  | { kind: 'missing'; error: GraphQLError }
  | { kind: 'fail'; message: string }

const PRIMARY_LIMIT_TYPES = new Set(['RATE_LIMITED', 'RATE_LIMIT'])
/** GitHub's words for a query stopped at its time limit (octokit/plugin-retry.js#395). */
const TIMED_OUT = /may be the result of a timeout/i

export function classify(answer: Answer, options: { notFoundIsNull?: boolean } = {}): Verdict {
  const { status, headers } = answer
  // Account lookups ask for several top-level fields at once: one missing is an answer, not a failure.
  const errors = options.notFoundIsNull
    ? answer.errors.filter(e => !(e.type === 'NOT_FOUND' && e.path?.length === 1))
    : answer.errors
  if (answer.networkError !== undefined)
    return { kind: 'retry', cause: `network error (${answer.networkError})` }
  if (status === 401) return { kind: 'bad-token' }
  // A 500 is as likely the query's size as GitHub's trouble: it gets what a 502 gets, within its budget.
  if (status === 500 || status === 502 || status === 504)
    return { kind: 'timeout', cause: `GitHub answered ${status}` }
  if (status === 503) return { kind: 'retry', cause: `GitHub answered ${status}` }

  const messages = [answer.message, ...errors.map(e => e.message ?? '')].join('; ')
  // The documented RATE_LIMITED; RATE_LIMIT with code graphql_rate_limit, at 200 while the headers may still
  // show points (yanyongyu/githubkit#271, octokit/plugin-throttling.js#636); REST's 403/429 at 0 remaining.
  const primary =
    errors.some(e => PRIMARY_LIMIT_TYPES.has(e.type ?? '') || e.code === 'graphql_rate_limit') ||
    ((status === 403 || status === 429) && headers.get('x-ratelimit-remaining') === '0')
  if (primary) return { kind: 'primary-limit' }
  const secondary =
    /secondary rate limit/i.test(messages) || status === 429 || (status === 403 && headers.has('retry-after'))
  if (secondary) return { kind: 'secondary-limit' }

  if (status >= 400) return { kind: 'fail', message: `GitHub answered HTTP ${status}: ${messages}` }

  // GitHub stopped the query, part way (RESOURCE_LIMITS_EXCEEDED, with partial data) or past its 10 s.
  const cut = errors.find(e => e.type === 'RESOURCE_LIMITS_EXCEEDED' || TIMED_OUT.test(e.message ?? ''))
  if (cut) return { kind: 'timeout', cause: `GitHub answered with errors (${messages})` }
  if (
    errors.length > 0 &&
    errors.every(e => e.type === 'INSUFFICIENT_SCOPES' && /'email' field/.test(e.message ?? ''))
  )
    return { kind: 'no-email-scope' }

  // A scope the token lacks is not granted by asking again.
  const scopes = errors.find(e => e.type === 'INSUFFICIENT_SCOPES')
  if (scopes) return { kind: 'fail', message: `INSUFFICIENT_SCOPES: ${scopes.message ?? 'no message'}` }
  const missing = errors.find(e => e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN')
  if (missing) return { kind: 'missing', error: missing }
  // A response that carries errors is never taken as complete, whatever data came with it.
  if (errors.length > 0) return { kind: 'retry', cause: `GitHub answered with errors (${messages})` }
  if (!answer.data) return { kind: 'retry', cause: `GitHub answered ${status} without data` }
  return { kind: 'data', data: answer.data }
}
