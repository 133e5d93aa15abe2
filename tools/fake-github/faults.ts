import { rateLimitTypeAnswer, somethingWentWrongAnswer } from './github-answers.js'

/** The parsed body of a GraphQL request. */
export interface GraphQLRequestBody {
  query: string
  variables?: Record<string, unknown> | null
  operationName?: string | null
}

/** An answer a test forces on one request. */
export interface FaultResponse {
  status: number
  /** An object is sent as JSON; a string as it is. */
  body: unknown
  headers?: Record<string, string>
  /** Wait this long before answering. */
  delayMs?: number
  /** The name the request log gives this fault; default `custom`. */
  fault?: string
}

/**
 * Deterministic trouble. Requests are numbered from 1 in arrival order (so "every Nth" holds under
 * concurrency), counting every request the server receives.
 */
export interface FaultPlan {
  /** Every Nth request answers 502 with an HTML body. */
  http502Every?: number
  /** Every Nth request answers 403 "secondary rate limit" with `retry-after`. */
  secondaryEvery?: number
  /** The `retry-after` of a secondary limit; default 60. */
  retryAfterSeconds?: number
  /** This request spends the primary limit: it and every one until the reset answer RATE_LIMITED. */
  primaryExhaustAt?: number
  /** These requests answer 200 with partial data and an error. */
  partialErrorAt?: number[]
  /** A query that could return more nodes than this answers 502 after `timeoutDelayMs`, like GitHub's 10 s timeout. */
  timeoutAboveNodes?: number
  /** Default 200. */
  timeoutDelayMs?: number
  /** Every request whose query or variables mention this repository answers 502. */
  failRepository?: string
  /** Every Nth request answers HTTP 500. */
  http500Every?: number
  /** These requests answer the primary limit as `RATE_LIMIT` at HTTP 200, points still left in the headers. */
  rateLimitTypeAt?: number[]
  /** A query that could return more nodes than this runs, is charged, and answers 200 with part of its data and RESOURCE_LIMITS_EXCEEDED. */
  resourceLimitsAboveNodes?: number
  /** A query that could return more nodes than this runs, is charged, and answers 200 "may be the result of a timeout" with no data. */
  timeoutMessageAboveNodes?: number
  /** The token lacks `read:user` and `user:email`: a query asking for `User.email` is refused with INSUFFICIENT_SCOPES. */
  withoutEmailScope?: boolean
  /**
   * This pull request or issue is deleted right after the first answer that names its id (the listing), or
   * after the `answers`th (2: once its details were read, before its later pages).
   */
  deletedAfterListing?: {
    repository: string
    kind: 'pullRequest' | 'issue'
    number: number
    answers?: number
  }
  /** A pull request of more than 3,000 files lists its first 3,000 instead of answering `files: null`. */
  filesCutAt3000?: boolean
  /**
   * `repositoryOwner` answers a login it does not know with NOT_FOUND, as `organization` and `user` do,
   * instead of GitHub's null without an error: for a test that the run reads either as not known.
   */
  repositoryOwnerNotFound?: boolean
  /** The token may not read this repository's pull requests and issues: FORBIDDEN, "Resource not accessible by integration". */
  forbiddenRepository?: string
  /** Called first for every request; a non-null answer is sent as it is. */
  custom?: (index: number, body: GraphQLRequestBody) => FaultResponse | null
}

export const badGatewayHtml =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>' +
  '<p>We couldn&#39;t respond to your request in time. Please try again.</p></body></html>'

export function badGateway(fault: string, delayMs = 0): FaultResponse {
  return { status: 502, body: badGatewayHtml, headers: { 'content-type': 'text/html' }, delayMs, fault }
}

export function secondaryRateLimit(retryAfterSeconds: number): FaultResponse {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        'If you reach out to GitHub Support for help, please include the request ID FAKE:0000.',
      documentation_url:
        'https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits'
    },
    fault: 'secondary-rate-limit'
  }
}

/** The faults decided before the query is even read: counted purely on arrival order and the raw body. */
export function faultBeforeQuery(
  plan: FaultPlan,
  index: number,
  body: GraphQLRequestBody
): FaultResponse | null {
  const custom = plan.custom?.(index, body)
  if (custom) return { fault: 'custom', ...custom }
  if (plan.http502Every && index % plan.http502Every === 0) return badGateway('http-502')
  if (plan.http500Every && index % plan.http500Every === 0) return somethingWentWrongAnswer(500)
  if (plan.rateLimitTypeAt?.includes(index)) return rateLimitTypeAnswer()
  if (plan.secondaryEvery && index % plan.secondaryEvery === 0)
    return secondaryRateLimit(plan.retryAfterSeconds ?? 60)
  if (plan.failRepository && mentions(body, plan.failRepository)) return badGateway('fail-repository')
  return null
}

/** `owner/name` or `name`, written whole or as a quoted name (a variable, a string argument). */
function mentions(body: GraphQLRequestBody, repository: string): boolean {
  const text = body.query + JSON.stringify(body.variables ?? {})
  const name = repository.split('/').at(-1) ?? repository
  return text.includes(repository) || text.includes(`"${name}"`)
}
