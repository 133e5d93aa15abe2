// What an answer from GitHub calls for. The one place that reads statuses, headers and error types:
// the client acts on the verdict and never looks at the answer's details itself.
import type { Answer, GraphQLError } from './transport.js'

export type Verdict =
  | { kind: 'data'; data: Record<string, unknown> }
  /** The token was refused: no retry can cure it. */
  | { kind: 'bad-token' }
  /** 502/504: the query ran too long, and a smaller page may not. */
  | { kind: 'timeout'; status: number }
  /** Worth another attempt after a backoff: 503, no answer, errors in the answer, no data. */
  | { kind: 'retry'; cause: string }
  | { kind: 'primary-limit' }
  | { kind: 'secondary-limit' }
  /** An item GitHub does not show this token (gone, or not allowed). */
  | { kind: 'missing'; error: GraphQLError }
  | { kind: 'fail'; message: string }

export function classify(answer: Answer): Verdict {
  const { status, headers, errors } = answer
  if (answer.networkError !== undefined)
    return { kind: 'retry', cause: `network error (${answer.networkError})` }
  if (status === 401) return { kind: 'bad-token' }
  if (status === 502 || status === 504) return { kind: 'timeout', status }
  if (status === 503) return { kind: 'retry', cause: `GitHub answered ${status}` }

  const messages = [answer.message, ...errors.map(e => e.message ?? '')].join('; ')
  const primary =
    errors.some(e => e.type === 'RATE_LIMITED') ||
    ((status === 403 || status === 429) && headers.get('x-ratelimit-remaining') === '0')
  if (primary) return { kind: 'primary-limit' }
  const secondary =
    /secondary rate limit/i.test(messages) || status === 429 || (status === 403 && headers.has('retry-after'))
  if (secondary) return { kind: 'secondary-limit' }

  if (status >= 400) return { kind: 'fail', message: `GitHub answered HTTP ${status}: ${messages}` }

  const missing = errors.find(e => e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN')
  if (missing) return { kind: 'missing', error: missing }
  // A response that carries errors is never taken as complete, whatever data came with it.
  if (errors.length > 0) return { kind: 'retry', cause: `GitHub answered with errors (${messages})` }
  if (!answer.data) return { kind: 'retry', cause: `GitHub answered ${status} without data` }
  return { kind: 'data', data: answer.data }
}
