import { DEFAULT_CONCURRENCY, type Logger } from '../options.js'
import type { GatherStats } from '../records.js'
import { backoffDelay } from './backoff.js'
import { classify } from './classify.js'
import { createConcurrency } from './concurrency.js'
import { GitHubError, GitHubMissingError, GitHubTimeoutError } from './errors.js'
import { RATE_LIMIT_ALIAS, withRateLimit, type RateLimitInfo } from './rate-limit.js'
import { withoutProfileEmail } from './queries/actor.js'
import { createPointsPace, PACED_QUERIES_PER_MINUTE, SECONDARY_POINTS_PER_MINUTE } from './points-pace.js'
import { createSemaphore } from './semaphore.js'
import { createTransport } from './transport.js'
import { createWaits } from './waits.js'

export interface QueryOptions {
  /** 502/504 answers tolerated before throwing GitHubTimeoutError, so the caller can shrink the page. */
  timeoutRetries?: number
  /** Requests that later requests wait on (the next page of a chain) go before the others. */
  priority?: number
  /** NOT_FOUND errors on top-level fields leave those fields null instead of failing (account lookups). */
  notFoundIsNull?: boolean
}

/** A request made up when its slot comes. */
export interface BuiltRequest {
  document: string
  variables: object
  label: string
}

export interface GitHubClient {
  query<T>(document: string, variables: object, label: string, options?: QueryOptions): Promise<T>
  /**
   * A request put together only when a slot is free for it: a batch waiting for a slot takes in what is
   * asked for meanwhile, rather than each later item waiting for a slot of its own.
   */
  queryWhenSent<T>(build: () => BuiltRequest, options?: QueryOptions): Promise<T>
  stats(): GatherStats
  /** What the run's report must say about the answers, such as profile emails GitHub refused. */
  warnings(): string[]
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
  /** Told when every request is held until an instant (ms), for the progress report. */
  onPause?: (untilMs: number) => void
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
}

/** Attempts per request for server errors, network errors and broken responses. */
const ATTEMPTS = 6
const NO_PROFILE_EMAILS =
  'GitHub refuses profile emails to this token (it lacks the user:email or read:user scope): gathered ' +
  'without them, so people are known by the emails of their commits only. Give the token user:email for them'

/** Secondary rate limits waited out per request before giving up. */
const SECONDARY_WAITS = 6

const defaultSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * The scheduler (concurrency and priorities), pacing, retries and rate-limit pauses around
 * @octokit/graphql: `transport` sends, `classify` says what an answer calls for, `waits` holds
 * every wait.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { token, log } = options
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const concurrency = Math.min(20, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY))
  const semaphore = createSemaphore(concurrency)
  const pacing = createConcurrency({ semaphore, full: concurrency, log, now })
  const warnings: string[] = []
  // Until GitHub refuses them for the token's scopes; then every query goes without.
  let profileEmails = true
  const stats: GatherStats = { requests: 0, points: 0, remaining: null, resetAt: null }
  const transport = createTransport({ url: options.url, token })
  const waits = createWaits({
    sleep: options.sleep ?? defaultSleep,
    now,
    log,
    waitBoundMs: (options.rateLimitWaitMinutes ?? 60) * 60_000,
    stats,
    onPause: options.onPause
  })

  let pacingToldAt = -Infinity
  const pace = createPointsPace({
    now,
    sleep: waits.pacing,
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

  async function send<T>(document: string, variables: object, label: string, queryOptions: QueryOptions) {
    const timeoutRetries = queryOptions.timeoutRetries ?? ATTEMPTS
    let failures = 0
    let timeouts = 0
    let secondaryWaits = 0

    const retryLater = async (cause: string) => {
      failures++
      if (failures >= ATTEMPTS) throw fail(`${label}: ${cause}, still after ${ATTEMPTS} attempts`)
      const delay = backoffDelay(failures, random)
      log.debug(`${label}: ${cause}; retrying in ${delay} ms`)
      await waits.backoff(delay, `${label}: ${cause}`)
    }

    for (;;) {
      await pace.admit()
      await waits.pausesOver()
      stats.requests++
      const withEmails = profileEmails
      const answer = await transport(
        withRateLimit(withEmails ? document : withoutProfileEmail(document)),
        variables
      )
      const remainingHeader = answer.headers.get('x-ratelimit-remaining')
      if (remainingHeader !== null) stats.remaining = Number(remainingHeader)

      const verdict = classify(answer, queryOptions)
      switch (verdict.kind) {
        case 'bad-token':
          throw fail('GitHub rejected the token (401 Bad credentials)')
        case 'timeout':
          if (++timeouts > timeoutRetries) {
            log.debug(`${label}: ${verdict.cause}; asking for less`)
            throw new GitHubTimeoutError(`${label}: ${verdict.cause} (${timeouts} times)`)
          }
          await retryLater(verdict.cause)
          continue
        case 'retry':
          await retryLater(verdict.cause)
          continue
        case 'primary-limit':
          await waits.primaryLimit(label, answer.headers)
          continue
        case 'no-email-scope':
          if (!withEmails || withoutProfileEmail(document) === document)
            throw fail(`${label}: ${answer.errors.map(e => e.message).join('; ')}`)
          if (profileEmails) {
            profileEmails = false
            warnings.push(NO_PROFILE_EMAILS)
            log.warning(NO_PROFILE_EMAILS)
          }
          continue
        case 'secondary-limit':
          pacing.limited()
          if (++secondaryWaits > SECONDARY_WAITS) throw fail(`${label}: secondary rate limit did not lift`)
          await waits.secondaryLimit(label, answer.headers, secondaryWaits)
          continue
        case 'missing': {
          const { type, path, message } = verdict.error
          const where = path?.length ? ` at ${path.join('.')}` : ''
          const said = scrub(`${label}: ${type}${where}: ${message ?? 'no message'}`)
          throw new GitHubMissingError(said, answer.errors, answer.data ?? null)
        }
        case 'fail':
          throw fail(`${label}: ${verdict.message}`)
        case 'data': {
          pacing.clean()
          const data = verdict.data
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
    }
  }

  return {
    query<T>(document: string, variables: object, label: string, queryOptions: QueryOptions = {}) {
      return semaphore.run(() => send<T>(document, variables, label, queryOptions), queryOptions.priority)
    },
    queryWhenSent<T>(build: () => BuiltRequest, queryOptions: QueryOptions = {}) {
      return semaphore.run(() => {
        const { document, variables, label } = build()
        return send<T>(document, variables, label, queryOptions)
      }, queryOptions.priority)
    },
    stats: () => ({ ...stats }),
    warnings: () => [...warnings],
    log
  }
}
