import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createGitHubClient } from '../../src/github/client.js'
import { GitHubTimeoutError } from '../../src/github/errors.js'
import { PROFILE_EMAIL, withoutProfileEmail } from '../../src/github/queries/actor.js'
import type { Logger } from '../../src/options.js'

type Handler = (request: {
  body: { query: string; variables: object }
  headers: IncomingMessage['headers']
}) => {
  status?: number
  headers?: Record<string, string>
  json?: unknown
  delayMs?: number
  /** Holds the answer back until it settles (after delayMs, if both are given). */
  wait?: Promise<void>
}

const TOKEN = 'ghs_secret_token_value'
const servers: { close(): void }[] = []

async function serve(handler: Handler) {
  const calls: { query: string; authorization?: string }[] = []
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = ''
    req.on('data', chunk => (raw += chunk))
    req.on('end', async () => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      const body = JSON.parse(raw) as { query: string; variables: object }
      calls.push({ query: body.query, authorization: req.headers.authorization })
      const answer = handler({ body, headers: req.headers })
      if (answer.delayMs) await new Promise(r => setTimeout(r, answer.delayMs))
      if (answer.wait) await answer.wait
      inFlight--
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
      res.end(JSON.stringify(answer.json ?? {}))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
  return { url, calls, maxInFlight: () => maxInFlight }
}

afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

function recorder() {
  const sleeps: number[] = []
  const messages: string[] = []
  const log: Logger = {
    info: m => messages.push(m),
    warning: m => messages.push(m),
    debug: m => messages.push(m),
    group: (_name, fn) => fn()
  }
  return { sleeps, messages, log, sleep: async (ms: number) => void sleeps.push(ms) }
}

const ok = (data: object, cost = 1) => ({
  json: { data: { ...data, electorateRateLimit: { cost, remaining: 4000, resetAt: '2030-01-01T00:00:00Z' } } }
})

describe('createGitHubClient', () => {
  it('sends the token, asks for the cost of every query and counts requests and points', async () => {
    const server = await serve(() => ok({ viewer: { login: 'me' } }, 3))
    const { log, sleep } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    const data = await client.query<{ viewer: { login: string } }>('query { viewer { login } }', {}, 'viewer')
    expect(data).toEqual({ viewer: { login: 'me' } })
    expect(server.calls[0].authorization).toBe(`bearer ${TOKEN}`)
    expect(server.calls[0].query).toMatch(/rateLimit \{ cost/)
    await client.query('query { viewer { login } }', {}, 'viewer')
    expect(client.stats()).toEqual({
      requests: 2,
      points: 6,
      remaining: 4000,
      resetAt: '2030-01-01T00:00:00Z'
    })
  })

  it('retries 502/503/504 and network-level failures with growing, jittered backoff', async () => {
    const statuses = [502, 503, 504, 502]
    const server = await serve(() => {
      const status = statuses.shift()
      return status ? { status, json: { message: 'Bad gateway' } } : ok({ x: 1 })
    })
    const { log, sleep, sleeps } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    await expect(client.query('query { x }', {}, 'flaky')).resolves.toEqual({ x: 1 })
    expect(server.calls).toHaveLength(5)
    expect(sleeps).toHaveLength(4)
    for (let i = 1; i < sleeps.length; i++) expect(sleeps[i]).toBeGreaterThanOrEqual(sleeps[i - 1])
    expect(sleeps[3]).toBeGreaterThan(sleeps[0] * 2)
  })

  it('gives up after its attempt budget and names the query', async () => {
    const server = await serve(() => ({ status: 503 }))
    const { log, sleep } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    await expect(client.query('query { x }', {}, 'history of kata/runtime')).rejects.toThrow(
      /history of kata\/runtime: GitHub answered 503, still after 6 attempts/
    )
    expect(server.calls).toHaveLength(6)
  })

  it('throws GitHubTimeoutError after the tolerated number of timeouts', async () => {
    const server = await serve(() => ({ status: 504 }))
    const { log, sleep } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    await expect(client.query('query { x }', {}, 'page', { timeoutRetries: 2 })).rejects.toBeInstanceOf(
      GitHubTimeoutError
    )
    expect(server.calls).toHaveLength(3)
  })

  it('retries a network error, then gives up naming it', async () => {
    const { log, sleep, sleeps } = recorder()
    const closed = await serve(() => ok({}))
    servers.pop()!.close()
    const client = createGitHubClient({ url: closed.url, token: TOKEN, log, sleep })
    await expect(client.query('query { x }', {}, 'down')).rejects.toThrow(/down: network error .*6 attempts/)
    expect(sleeps).toHaveLength(5)
    expect(client.stats().requests).toBe(6)
  })

  it('honours retry-after on a secondary rate limit and pauses every other request meanwhile', async () => {
    let limited = true
    const server = await serve(({ body }) => {
      if (body.query.includes('first') && limited) {
        limited = false
        return {
          status: 403,
          headers: { 'retry-after': '7' },
          json: { message: 'You have exceeded a secondary rate limit' }
        }
      }
      return ok({ y: 1 })
    })
    const { log, messages } = recorder()
    let releasePause!: () => void
    const sleeps: number[] = []
    const sleep = (ms: number) => {
      sleeps.push(ms)
      return new Promise<void>(resolve => (releasePause = resolve))
    }
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, concurrency: 2 })
    const first = client.query('query first { y }', {}, 'first')
    await vi.waitFor(() => expect(sleeps).toEqual([7000]))
    const second = client.query('query second { y }', {}, 'second')
    // A moment for second to be sent, were it not held back by the pause.
    await new Promise(r => setTimeout(r, 100))
    expect(sleeps).toEqual([7000])
    expect(server.calls).toHaveLength(1)
    releasePause()
    await Promise.all([first, second])
    expect(server.calls).toHaveLength(3)
    expect(messages.join('\n')).toMatch(/secondary rate limit; pausing all requests for 7 s/)
  })

  it('holds a request back until no pause is pending, one that grew while it waited included', async () => {
    const limitedOnce = new Set<string>()
    // b's answer (the 5 s limit) is held back until the test lets it go, once c is waiting.
    let answerB!: () => void
    const bMayAnswer = new Promise<void>(resolve => (answerB = resolve))
    const server = await serve(({ body }) => {
      const name = /query (\w+)/.exec(body.query)?.[1] ?? ''
      if ((name === 'a' || name === 'b') && !limitedOnce.has(name)) {
        limitedOnce.add(name)
        return {
          status: 403,
          headers: { 'retry-after': name === 'a' ? '1' : '5' },
          json: { message: 'You have exceeded a secondary rate limit' },
          wait: name === 'b' ? bMayAnswer : undefined
        }
      }
      return ok({ y: 1 })
    })
    const { log } = recorder()
    const releases: (() => void)[] = []
    const sleeps: number[] = []
    const sleep = (ms: number) => {
      sleeps.push(ms)
      return new Promise<void>(resolve => releases.push(resolve))
    }
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, concurrency: 3 })
    const a = client.query('query a { y }', {}, 'a')
    const b = client.query('query b { y }', {}, 'b')
    // Both are sent; a's answer starts a pause of 1 s while b's answer is held back.
    await vi.waitFor(() => {
      expect(server.calls).toHaveLength(2)
      expect(sleeps).toEqual([1000])
    })
    // c comes while a's pause of 1 s is on; b's answer then makes it 5 s.
    const c = client.query('query c { y }', {}, 'c')
    // Nothing outside shows c waiting on the pause: a moment for it to get there before b's answer,
    // without which b's answer can come first and the test no longer tells the grown pause apart.
    await new Promise(r => setTimeout(r, 50))
    expect(server.calls).toHaveLength(2)
    answerB()
    await vi.waitFor(() => expect(sleeps).toEqual([1000, 5000]))
    releases[0]!()
    // A moment for c (or a) to be sent, were the 1 s pause all it waited for.
    await new Promise(r => setTimeout(r, 100))
    expect(server.calls).toHaveLength(2)
    releases[1]!()
    await Promise.all([a, b, c])
    expect(server.calls).toHaveLength(5)
  })

  it('waits at least 60 s on a secondary limit without retry-after', async () => {
    let limited = true
    const server = await serve(() => {
      if (!limited) return ok({ z: 1 })
      limited = false
      return { json: { errors: [{ message: 'You have exceeded a secondary rate limit.' }] } }
    })
    const { log, sleep, sleeps } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    await client.query('query { z }', {}, 'z')
    expect(sleeps[0]).toBeGreaterThanOrEqual(60_000)
  })

  it('bounds all its waiting, not each wait: a limit that keeps coming back with a past reset ends the run', async () => {
    let nowMs = Date.parse('2030-01-01T00:00:00Z')
    const server = await serve(() => ({
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowMs / 1000 - 5) },
      json: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }
    }))
    const { log, sleeps } = recorder()
    const sleep = async (ms: number) => {
      sleeps.push(ms)
      nowMs += ms
    }
    const client = createGitHubClient({
      url: server.url,
      token: TOKEN,
      log,
      sleep,
      now: () => nowMs,
      rateLimitWaitMinutes: 5
    })
    const error = await client.query('query { z }', {}, 'z').catch((e: Error) => e)
    expect(String(error)).toMatch(/5-minute bound on waiting/)
    expect(sleeps).toEqual([60_000, 60_000, 60_000, 60_000, 60_000])
    expect(server.calls).toHaveLength(6)
  })

  it('counts a secondary limit against the bound too: retry-after 3600 with a 5-minute bound fails at once', async () => {
    const server = await serve(() => ({
      status: 403,
      headers: { 'retry-after': '3600' },
      json: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      }
    }))
    const { log, sleep, sleeps } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, rateLimitWaitMinutes: 5 })
    const error = await client.query('query { z }', {}, 'z').catch((e: Error) => e)
    expect(String(error)).toMatch(
      /z: secondary rate limit.*3600 s.*5-minute bound on waiting \(rate-limit-wait\)/
    )
    expect(sleeps).toEqual([])
  })

  it('counts backoff against the bound: retries whose waits would pass it end the run', async () => {
    let nowMs = Date.parse('2030-01-01T00:00:00Z')
    const server = await serve(() => ({ status: 502, json: { message: 'Bad gateway' } }))
    const { log, sleeps } = recorder()
    const sleep = async (ms: number) => {
      sleeps.push(ms)
      nowMs += ms
    }
    const client = createGitHubClient({
      url: server.url,
      token: TOKEN,
      log,
      sleep,
      now: () => nowMs,
      random: () => 1,
      rateLimitWaitMinutes: 0.05
    })
    const error = await client.query('query { z }', {}, 'z').catch((e: Error) => e)
    // Backoffs of 2, 4 and 8 s fit in 3 s only as far as the first; the second would pass the bound.
    expect(String(error)).toMatch(/z: GitHub answered 502.*bound on waiting \(rate-limit-wait\)/)
    expect(sleeps).toEqual([2_000])
  })

  it('counts one wait for requests in flight together that hit the same limit', async () => {
    const nowMs = Date.parse('2030-01-01T00:00:00Z')
    const limited = new Set<string>()
    const server = await serve(({ body }) => {
      const name = body.query.match(/query \{ (\w+)/)![1]!
      if (limited.has(name)) return ok({ [name]: 1 })
      limited.add(name)
      return {
        delayMs: 20,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowMs / 1000 + 30 * 60) },
        json: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }
      }
    })
    const { log, sleep, sleeps } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, now: () => nowMs })
    const answers = await Promise.all(
      ['a', 'b', 'c'].map(name => client.query(`query { ${name} }`, {}, name))
    )
    expect(answers).toEqual([{ a: 1 }, { b: 1 }, { c: 1 }])
    expect(sleeps).toHaveLength(3)
    for (const ms of sleeps) expect(ms).toBe(30 * 60_000 + 1_000)
  })

  it('fails with the points used and the reset time when the reset is beyond the bound', async () => {
    const nowMs = Date.parse('2030-01-01T00:00:00Z')
    const server = await serve(() => ({
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '1000',
        'x-ratelimit-limit': '1000',
        'x-ratelimit-reset': String(nowMs / 1000 + 3 * 3600)
      },
      json: { message: 'API rate limit exceeded' }
    }))
    const { log, sleep, sleeps } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, now: () => nowMs })
    const error = await client.query('query { z }', {}, 'z').catch((e: Error) => e)
    expect(String(error)).toMatch(/1000 of 1000 points used/)
    expect(String(error)).toMatch(/2030-01-01T03:00:00.000Z/)
    expect(String(error)).toMatch(/GitHub App/)
    expect(sleeps).toEqual([])
  })

  it('says clearly that the token was rejected, without showing it', async () => {
    const server = await serve(() => ({ status: 401, json: { message: `Bad credentials ${TOKEN}` } }))
    const { log, sleep, messages } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    const error = await client.query('query { z }', {}, 'z').catch((e: Error) => e)
    expect(String(error)).toMatch(/GitHub rejected the token \(401 Bad credentials\)/)
    expect(String(error)).not.toContain(TOKEN)
    expect(messages.join()).not.toContain(TOKEN)
    expect(server.calls).toHaveLength(1)
  })

  it.each([
    ['RATE_LIMITED, no points left', { type: 'RATE_LIMITED' }, '0'],
    [
      'RATE_LIMIT with its code, at 200, points left',
      { type: 'RATE_LIMIT', code: 'graphql_rate_limit' },
      '4000'
    ],
    ['RATE_LIMITED, points left', { type: 'RATE_LIMITED' }, '4000'],
    ['the code alone', { code: 'graphql_rate_limit' }, '4000']
  ])(
    'waits for the primary reset within the bound, on every spelling of the limit: %s',
    async (_, spelling, remaining) => {
      const nowMs = Date.parse('2030-01-01T00:00:00Z')
      let limited = true
      const server = await serve(() => {
        if (!limited) return ok({ z: 1 })
        limited = false
        return {
          headers: { 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': String(nowMs / 1000 + 300) },
          json: { errors: [{ ...spelling, message: 'API rate limit already exceeded for user ID 1.' }] }
        }
      })
      const { log, sleep, sleeps } = recorder()
      const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, now: () => nowMs })
      await expect(client.query('query { z }', {}, 'z')).resolves.toEqual({ z: 1 })
      expect(sleeps).toEqual([301_000])
      expect(server.calls).toHaveLength(2)
    }
  )

  it.each([
    [
      'RESOURCE_LIMITS_EXCEEDED with partial data',
      {
        json: {
          data: { r: null },
          errors: [
            {
              type: 'RESOURCE_LIMITS_EXCEEDED',
              path: ['r'],
              message: 'Resource limits for this query exceeded.'
            }
          ]
        }
      }
    ],
    [
      '200 "may be the result of a timeout"',
      {
        json: {
          data: null,
          errors: [
            {
              message:
                'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.'
            }
          ]
        }
      }
    ],
    ['HTTP 500', { status: 500, json: { data: null, errors: [{ message: 'Something went wrong' }] } }]
  ])('asks the caller to shrink at the first %s, and retries it like a 502 otherwise', async (_, answer) => {
    let bad = 2
    const server = await serve(() => (bad-- > 0 ? answer : ok({ r: 1 })))
    const { log, sleep, sleeps } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    await expect(client.query('query { r }', {}, 'r', { timeoutRetries: 0 })).rejects.toBeInstanceOf(
      GitHubTimeoutError
    )
    expect(server.calls).toHaveLength(1)
    await expect(client.query('query { r }', {}, 'r')).resolves.toEqual({ r: 1 })
    expect(server.calls).toHaveLength(3)
    expect(sleeps).toHaveLength(1)
  })

  it('halves its requests in flight on a secondary limit, says so, and grows them back once answers are clean', async () => {
    let limitedOnce = true
    const server = await serve(() => {
      if (limitedOnce) {
        limitedOnce = false
        return {
          status: 403,
          headers: { 'retry-after': '1' },
          json: { message: 'You have exceeded a secondary rate limit.' }
        }
      }
      return { ...ok({ a: 1 }), delayMs: 10 }
    })
    const { log, sleep, messages } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, concurrency: 8 })
    await client.query('query { a }', {}, 'first')
    expect(messages).toContain(
      'secondary rate limit: 4 requests in flight at most from now (were 8), more again once answers are clean'
    )
    await Promise.all(Array.from({ length: 16 }, (_, i) => client.query('query { a }', {}, `q${i}`)))
    expect(server.maxInFlight()).toBe(4)
    await Promise.all(Array.from({ length: 100 }, (_, i) => client.query('query { a }', {}, `more${i}`)))
    expect(messages).toContain('answers clean: 5 of 8 requests in flight at most')
    expect(messages).toContain('answers clean: 8 of 8 requests in flight at most')
    expect(server.maxInFlight()).toBe(8)
  })

  it('asks again without the profile email when the token lacks the scope for it, and says so once', async () => {
    const server = await serve(({ body }) =>
      withoutProfileEmail(body.query) !== body.query
        ? {
            json: {
              errors: [
                {
                  type: 'INSUFFICIENT_SCOPES',
                  locations: [{ line: 1, column: 30 }],
                  message:
                    "Your token has not been granted the required scopes to execute this query. The 'email' field requires one of the following scopes: ['user:email', 'read:user'], but your token has only been granted the: ['repo'] scopes."
                }
              ]
            }
          }
        : ok({ viewer: { login: 'me' } })
    )
    const { log, sleep, messages } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    const document = `query { viewer { login ${PROFILE_EMAIL} } }`
    await Promise.all([client.query(document, {}, 'a'), client.query(document, {}, 'b')])
    await expect(client.query(document, {}, 'c')).resolves.toEqual({ viewer: { login: 'me' } })
    // Two refused, then all three asked without: never the refused document again.
    expect(server.calls.map(c => withoutProfileEmail(c.query) === c.query)).toEqual([
      false,
      false,
      true,
      true,
      true
    ])
    const warning =
      'GitHub refuses profile emails to this token (it lacks the user:email or read:user scope): gathered ' +
      'without them, so people are known by the emails of their commits only. Give the token user:email for them'
    expect(messages.filter(m => m === warning)).toHaveLength(1)
    expect(client.warnings()).toEqual([warning])
  })

  it('never takes a partial response as complete: retries "Something went wrong"', async () => {
    let partial = 2
    const server = await serve(() =>
      partial-- > 0
        ? {
            json: {
              data: { r: { nodes: [] } },
              errors: [{ message: 'Something went wrong while executing your query.' }]
            }
          }
        : ok({ r: { nodes: [1] } })
    )
    const { log, sleep } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    await expect(client.query('query { r }', {}, 'r')).resolves.toEqual({ r: { nodes: [1] } })
    expect(server.calls).toHaveLength(3)
  })

  it('names what was not found, without retrying', async () => {
    const server = await serve(() => ({
      json: {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            message: "Could not resolve to a Repository with the name 'kata/nope'."
          }
        ]
      }
    }))
    const { log, sleep } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep })
    await expect(client.query('query { repository }', {}, 'kata/nope')).rejects.toThrow(
      /kata\/nope: NOT_FOUND at repository: Could not resolve to a Repository with the name 'kata\/nope'/
    )
    expect(server.calls).toHaveLength(1)
  })

  it('never has more than `concurrency` requests in flight', async () => {
    const server = await serve(() => ({ ...ok({ a: 1 }), delayMs: 20 }))
    const { log, sleep } = recorder()
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, concurrency: 3 })
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.query('query { a }', {}, `q${i}`)))
    expect(server.maxInFlight()).toBe(3)
    expect(client.stats().requests).toBe(12)
  })

  it('paces itself to 2,000 queries a minute instead of running into the secondary limit', async () => {
    const server = await serve(() => ok({ a: 1 }, 9))
    const { log, messages } = recorder()
    // Time passes only in the client's waits: every answer comes back at once.
    let clock = 0
    const sleeps: number[] = []
    const sleep = async (ms: number) => {
      sleeps.push(ms)
      clock += ms
    }
    const client = createGitHubClient({ url: server.url, token: TOKEN, log, sleep, now: () => clock })
    await Promise.all(Array.from({ length: 2_050 }, (_, i) => client.query('query { a }', {}, `q${i}`)))
    expect(server.calls).toHaveLength(2_050)
    // The 1,951st query waits for the first minute to pass; those behind it find the minute moved on.
    expect(sleeps.length).toBeGreaterThan(0)
    expect(clock).toBeGreaterThanOrEqual(60_000)
    expect(messages.filter(m => /secondary limit of 2000: pacing requests/.test(m))).toHaveLength(1)
  })
})
