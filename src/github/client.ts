import { DEFAULT_CONCURRENCY, type Logger } from '../options.js'
import type { GatherStats } from '../records.js'
import { backoffDelay, SECONDARY_LIMIT_WAIT_MS } from './backoff.js'
import { GitHubError, GitHubMissingError, GitHubTimeoutError } from './errors.js'
import { RATE_LIMIT_ALIAS, withRateLimit, type RateLimitInfo } from './rate-limit.js'
import { createPointsPace, PACED_QUERIES_PER_MINUTE, SECONDARY_POINTS_PER_MINUTE } from './points-pace.js'
import { createSemaphore } from './semaphore.js'

export interface QueryOptions {
  /** 502/504 answers tolerated before throwing GitHubTimeoutError, so the caller can shrink the page. */
  timeoutRetries?: number
  /** Requests that later requests wait on (the next page of a chain) go before the others. */
  priority?: number
}

export interface GitHubClient {
  query<T>(document: string, variables: object, label: string, options?: QueryOptions): Promise<T>
  stats(): GatherStats
  /** Where the gatherers say what the client cannot see, such as a page size given up on. */
  log: Logger
}

export interface GitHubClientOptions {
  url: string
  token: string
  /** Requests in flight at most: default 10, at most 20. */
  concurrency?: number
  /** Longest wait for a primary rate-limit reset before failing. */
  rateLimitWaitMinutes?: number
  log: Logger
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
}

/** Attempts per request for server errors, network errors and broken responses. */
const ATTEMPTS = 6
/** Secondary rate limits waited out per request before giving up. */
const SECONDARY_WAITS = 6
const REQUEST_TIMEOUT_MS = 120_000

interface GraphQLError {
  type?: string
  message?: string
  path?: (string | number)[]
}

interface GraphQLResponse {
  data?: Record<string, unknown> | null
  errors?: GraphQLError[]
  message?: string
}

const defaultSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { url, token, log } = options
  const sleep = options.sleep ?? defaultSleep
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const concurrency = Math.min(20, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY))
  const waitBoundMs = (options.rateLimitWaitMinutes ?? 60) * 60_000
  const semaphore = createSemaphore(concurrency)
  const stats: GatherStats = { requests: 0, points: 0, remaining: null, resetAt: null }
  // While a rate limit is being waited out, every request waits for this before it is sent.
  let pause: Promise<void> = Promise.resolve()

  let pacingToldAt = -Infinity
  const pace = createPointsPace({
    now,
    sleep,
    onWait: waitMs => {
      // At the limit every request waits a little: said once a minute, not for each.
      if (now() - pacingToldAt < 60_000) return
      pacingToldAt = now()
      log.info(
        `${PACED_QUERIES_PER_MINUTE} queries in the last minute, near GitHub's secondary limit of ` +
          `${SECONDARY_POINTS_PER_MINUTE}: pacing requests (this one waits ${Math.ceil(waitMs / 1000)} s)`
      )
    }
  })

  const scrub = (text: string) => (token ? text.split(token).join('***') : text)
  const fail = (message: string) => new GitHubError(scrub(message))

  const pauseAll = (ms: number): Promise<void> => {
    const waited = sleep(ms)
    pause = Promise.all([pause, waited]).then(() => undefined)
    return pause
  }

  // The bound is on all the waiting of a run, not on each wait: a limit that keeps coming back (or a
  // reset time that is already past) must end the run, not hold it forever. Requests in flight together
  // hit the limit together and wait for the same reset: only what a wait adds to the pause counts.
  let primaryWaitedMs = 0
  let primaryPausedUntil = 0

  async function waitForPrimaryReset(label: string, headers: Headers): Promise<void> {
    const header = Number(headers.get('x-ratelimit-reset'))
    const resetMs = header > 0 ? header * 1000 : stats.resetAt ? Date.parse(stats.resetAt) : now() + 60_000
    // A reset already past gets a minute: GitHub's clock and ours may differ, or the limit came back.
    const waitMs = resetMs > now() ? resetMs - now() + 1_000 : 60_000
    const resetAt = new Date(resetMs).toISOString()
    const used = headers.get('x-ratelimit-used') ?? '?'
    const limit = headers.get('x-ratelimit-limit') ?? '?'
    const start = now()
    const added = Math.max(0, start + waitMs - Math.max(primaryPausedUntil, start))
    if (primaryWaitedMs + added > waitBoundMs) {
      throw fail(
        `${label}: GitHub's rate limit is exhausted (${used} of ${limit} points used this hour); it resets at ` +
          `${resetAt}, and waiting for it would pass the ${waitBoundMs / 60_000}-minute bound on waiting ` +
          `(rate-limit-wait). Raise the bound, or use a ` +
          `GitHub App installation token or a personal access token, which get more points per hour.`
      )
    }
    log.warning(`${label}: rate limit exhausted (${used} of ${limit} points used); waiting until ${resetAt}`)
    primaryWaitedMs += added
    primaryPausedUntil = Math.max(primaryPausedUntil, start + waitMs)
    await pauseAll(waitMs)
  }

  async function send<T>(document: string, variables: object, label: string, queryOptions: QueryOptions) {
    const body = JSON.stringify({ query: withRateLimit(document), variables })
    const timeoutRetries = queryOptions.timeoutRetries ?? ATTEMPTS
    let failures = 0
    let timeouts = 0
    let secondaryWaits = 0

    const retryLater = async (cause: string) => {
      failures++
      if (failures >= ATTEMPTS) throw fail(`${label}: ${cause}, still after ${ATTEMPTS} attempts`)
      const delay = backoffDelay(failures, random)
      log.debug(`${label}: ${cause}; retrying in ${delay} ms`)
      await sleep(delay)
    }

    for (;;) {
      await pace.admit()
      // After the pacing, and until no pause is pending: one that began or grew meanwhile is waited out too.
      for (let waited = pause; ; waited = pause) {
        await waited
        if (waited === pause) break
      }
      stats.requests++
      let response: Response
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `bearer ${token}`,
            'content-type': 'application/json',
            'user-agent': 'electorate'
          },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
        })
      } catch (error) {
        await retryLater(`network error (${error instanceof Error ? error.message : String(error)})`)
        continue
      }
      const { status, headers } = response
      const text = await response.text().catch(() => '')
      let json: GraphQLResponse | undefined
      try {
        json = JSON.parse(text) as GraphQLResponse
      } catch {
        json = undefined
      }
      const remainingHeader = headers.get('x-ratelimit-remaining')
      if (remainingHeader !== null) stats.remaining = Number(remainingHeader)

      if (status === 401) throw fail('GitHub rejected the token (401 Bad credentials)')

      if (status === 502 || status === 503 || status === 504) {
        if (status !== 503 && ++timeouts > timeoutRetries) {
          throw new GitHubTimeoutError(`${label}: GitHub answered ${status} ${timeouts} times`)
        }
        await retryLater(`GitHub answered ${status}`)
        continue
      }

      const messages = [json?.message ?? '', ...(json?.errors ?? []).map(e => e.message ?? '')].join('; ')
      const primary =
        (json?.errors ?? []).some(e => e.type === 'RATE_LIMITED') ||
        ((status === 403 || status === 429) && remainingHeader === '0')
      if (primary) {
        await waitForPrimaryReset(label, headers)
        continue
      }
      const secondary =
        /secondary rate limit/i.test(messages) ||
        status === 429 ||
        (status === 403 && headers.has('retry-after'))
      if (secondary) {
        if (++secondaryWaits > SECONDARY_WAITS) throw fail(`${label}: secondary rate limit did not lift`)
        const retryAfter = Number(headers.get('retry-after'))
        const waitMs =
          retryAfter > 0
            ? retryAfter * 1000
            : Math.max(SECONDARY_LIMIT_WAIT_MS, backoffDelay(secondaryWaits + 5))
        log.warning(`${label}: secondary rate limit; pausing all requests for ${Math.round(waitMs / 1000)} s`)
        await pauseAll(waitMs)
        continue
      }

      if (status >= 400)
        throw fail(`${label}: GitHub answered HTTP ${status}: ${messages || text.slice(0, 200)}`)

      const errors = json?.errors ?? []
      const missing = errors.find(e => e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN')
      if (missing) {
        const where = missing.path?.length ? ` at ${missing.path.join('.')}` : ''
        const message = scrub(`${label}: ${missing.type}${where}: ${missing.message ?? 'no message'}`)
        throw new GitHubMissingError(message, errors, json?.data ?? null)
      }
      // A response that carries errors is never taken as complete, whatever data came with it.
      if (errors.length > 0) {
        await retryLater(`GitHub answered with errors (${messages})`)
        continue
      }
      if (!json?.data) {
        await retryLater(`GitHub answered ${status} without data`)
        continue
      }

      const data = json.data
      const rateLimit = data[RATE_LIMIT_ALIAS] as RateLimitInfo | undefined
      delete data[RATE_LIMIT_ALIAS]
      if (rateLimit) {
        stats.points += rateLimit.cost
        stats.remaining = rateLimit.remaining
        stats.resetAt = rateLimit.resetAt
      }
      return data as T
    }
  }

  return {
    query<T>(document: string, variables: object, label: string, queryOptions: QueryOptions = {}) {
      return semaphore.run(() => send<T>(document, variables, label, queryOptions), queryOptions.priority)
    },
    stats: () => ({ ...stats }),
    log
  }
}
