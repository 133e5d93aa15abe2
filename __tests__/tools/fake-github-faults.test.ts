/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked by the shape each query asks for */
import { afterEach, describe, expect, it } from 'vitest'
import { sampleWorld } from '../../tools/fake-github/sample-world.js'
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../../tools/fake-github/server.js'

let github: FakeGitHub | undefined
afterEach(async () => {
  await github?.close()
  github = undefined
})

async function serve(options: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  github = await startFakeGitHub({ world: sampleWorld(), ...options })
  return github
}

const runtimeQuery = `{ repository(owner: "kata-containers", name: "runtime") { pullRequests(first: 5) { nodes { number } } } }`

async function post(query = runtimeQuery, headers: Record<string, string> = {}) {
  const response = await fetch(github!.url, { method: 'POST', headers, body: JSON.stringify({ query }) })
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // an HTML error page
  }
  return { status: response.status, headers: response.headers, body }
}

describe('authentication', () => {
  it('answers 401 Bad credentials unless the bearer token matches', async () => {
    await serve({ token: 'right' })
    const none = await post()
    expect(none.status).toBe(401)
    expect(none.body.message).toBe('Bad credentials')
    expect((await post(runtimeQuery, { authorization: 'bearer wrong' })).status).toBe(401)
    const good = await post(runtimeQuery, { authorization: 'bearer right' })
    expect(good.status).toBe(200)
    expect(good.body.data.repository.pullRequests.nodes).toHaveLength(5)
  })
})

describe('faults', () => {
  it('answers every Nth request 502 with an HTML page, counted in arrival order under concurrency', async () => {
    await serve({ faults: { http502Every: 4 }, latencyMs: 100 })
    const answers = await Promise.all(Array.from({ length: 20 }, () => post()))
    expect(answers.filter(a => a.status === 502)).toHaveLength(5)
    expect(answers.find(a => a.status === 502)!.body).toMatch(/^<html>/)
    const failed = github!.log.filter(e => e.status === 502).map(e => e.index)
    expect(failed.sort((a, b) => a - b)).toEqual([4, 8, 12, 16, 20])
    expect(github!.log.every(e => e.durationMs >= 95)).toBe(true)
    expect(github!.maxInFlight).toBeGreaterThan(1)
  })

  it('answers a secondary rate limit as 403 with retry-after', async () => {
    await serve({ faults: { secondaryEvery: 2, retryAfterSeconds: 7 } })
    expect((await post()).status).toBe(200)
    const limited = await post()
    expect(limited.status).toBe(403)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.body.message).toContain('You have exceeded a secondary rate limit')
  })

  it('exhausts the primary limit at a request until the reset', async () => {
    await serve({ faults: { primaryExhaustAt: 2 }, rateLimit: { resetInSeconds: 1 } })
    expect((await post()).body.data).toBeDefined()
    for (const _ of [1, 2]) {
      const limited = await post()
      expect(limited.status).toBe(200)
      expect(limited.body.data).toBeUndefined()
      expect(limited.body.errors[0].type).toBe('RATE_LIMITED')
      expect(limited.body.errors[0].message).toMatch(/^API rate limit exceeded for /)
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
      expect(Number(limited.headers.get('x-ratelimit-reset')) * 1000 - Date.now()).toBeLessThanOrEqual(2000)
    }
    await new Promise(resolve => setTimeout(resolve, 1100))
    const after = await post()
    expect(after.body.data.repository.pullRequests.nodes).toHaveLength(5)
    expect(after.headers.get('x-ratelimit-remaining')).toBe('4999')
  })

  it('answers partial data with an error at the named requests', async () => {
    await serve({ faults: { partialErrorAt: [2] } })
    expect((await post()).body.errors).toBeUndefined()
    const partial = await post()
    expect(partial.status).toBe(200)
    expect(partial.body.data).toEqual({ repository: { pullRequests: null } })
    expect(partial.body.errors[0].message).toMatch(/^Something went wrong while executing your query/)
    expect(partial.body.errors[0].path).toEqual(['repository', 'pullRequests'])
  })

  it('times out a query asking for too many nodes with a late 502', async () => {
    await serve({ faults: { timeoutAboveNodes: 50, timeoutDelayMs: 150 } })
    expect((await post()).status).toBe(200)
    const started = Date.now()
    const heavy = await post(`{ repository(owner: "kata-containers", name: "runtime") {
      pullRequests(first: 100) { nodes { number } } } }`)
    expect(heavy.status).toBe(502)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(github!.log.at(-1)).toMatchObject({ status: 502, fault: 'timeout', nodeCount: 100 })
  })

  it('fails every request that names the failing repository', async () => {
    await serve({ faults: { failRepository: 'kata-containers/agent' } })
    expect((await post()).status).toBe(200)
    expect((await post(runtimeQuery.replace('runtime', 'agent'))).status).toBe(502)
    const viaVariables = await fetch(github!.url, {
      method: 'POST',
      body: JSON.stringify({
        query: 'query($o: String!, $n: String!) { repository(owner: $o, name: $n) { id } }',
        variables: { o: 'kata-containers', n: 'agent' }
      })
    })
    expect(viaVariables.status).toBe(502)
  })

  it('lets a test answer any request itself', async () => {
    await serve({
      faults: {
        custom: (index, body) =>
          index === 1 && body.query.includes('runtime') ? { status: 504, body: { message: 'gateway' } } : null
      }
    })
    const first = await post()
    expect(first.status).toBe(504)
    expect(first.body).toEqual({ message: 'gateway' })
    expect((await post()).status).toBe(200)
    expect(github!.log.map(e => e.fault)).toEqual(['custom', undefined])
  })
})
