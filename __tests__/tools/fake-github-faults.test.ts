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
  return { status: response.status, headers: response.headers, text, body }
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

// Answers real GitHub gives that the fake sends only when asked: each shaped as GitHub shapes it.
describe('answers real GitHub gives', () => {
  it('RATE_LIMIT at HTTP 200 with points still left in the headers', async () => {
    await serve({ faults: { rateLimitTypeAt: [2] } })
    expect((await post()).body.data).toBeDefined()
    const limited = await post()
    expect(limited.status).toBe(200)
    expect(limited.text).toBe(
      '{"errors":[{"type":"RATE_LIMIT","code":"graphql_rate_limit","message":"API rate limit already exceeded for user ID 1."}]}'
    )
    expect(Number(limited.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0)
    expect(github!.log.at(-1)!.fault).toBe('rate-limit-type')
  })

  it('HTTP 500 with the internal-error body on every Nth request', async () => {
    await serve({ faults: { http500Every: 2 } })
    expect((await post()).status).toBe(200)
    const failed = await post()
    expect(failed.status).toBe(500)
    expect(failed.body.data).toBeNull()
    expect(failed.body.errors[0].message).toMatch(/^Something went wrong while executing your query/)
  })

  it('RESOURCE_LIMITS_EXCEEDED with partial data above a node count, the points charged', async () => {
    await serve({ faults: { resourceLimitsAboveNodes: 50 } })
    expect((await post()).body.errors).toBeUndefined()
    const cut = await post(`{ viewer { login } repository(owner: "kata-containers", name: "runtime") {
      pullRequests(first: 100) { nodes { number } } } }`)
    expect(cut.status).toBe(200)
    expect(cut.body.data).toEqual({ viewer: { login: 'fake-viewer' }, repository: { pullRequests: null } })
    expect(cut.body.errors).toEqual([
      {
        type: 'RESOURCE_LIMITS_EXCEEDED',
        path: ['repository', 'pullRequests'],
        message: 'Resource limits for this query exceeded.'
      }
    ])
    expect(github!.log.at(-1)).toMatchObject({ fault: 'resource-limits', cost: 1 })
  })

  it('a query over the time limit as 200 "may be the result of a timeout" with no data, the points charged', async () => {
    await serve({ faults: { timeoutMessageAboveNodes: 50 } })
    expect((await post()).status).toBe(200)
    const late = await post(`{ repository(owner: "kata-containers", name: "runtime") {
      pullRequests(first: 100) { nodes { number } } } }`)
    expect(late.status).toBe(200)
    expect(late.body.data).toBeNull()
    expect(late.body.errors).toHaveLength(1)
    expect(late.body.errors[0].message).toMatch(/This may be the result of a timeout/)
    expect(github!.log.at(-1)).toMatchObject({ fault: 'timeout-message', cost: 1 })
  })

  it('INSUFFICIENT_SCOPES and no data for any query asking for User.email, one error per field', async () => {
    await serve({ faults: { withoutEmailScope: true } })
    const query = `{
  repository(owner: "kata-containers", name: "runtime") {
    pullRequests(first: 5) { nodes { author { login ... on User { email } } } }
  }
  viewer { email }
}`
    const refused = await post(query)
    expect(refused.status).toBe(200)
    expect(refused.body.data).toBeUndefined()
    expect(refused.body.errors.map((e: any) => [e.type, e.locations])).toEqual([
      ['INSUFFICIENT_SCOPES', [{ line: 3, column: 67 }]],
      ['INSUFFICIENT_SCOPES', [{ line: 5, column: 12 }]]
    ])
    expect(refused.body.errors[0].message).toBe(
      "Your token has not been granted the required scopes to execute this query. The 'email' field requires " +
        "one of the following scopes: ['user:email', 'read:user'], but your token has only been granted the: " +
        "['repo'] scopes. Please modify your token's scopes at: https://github.com/settings/tokens."
    )
    expect(github!.log.at(-1)).toMatchObject({ fault: 'insufficient-scopes', cost: 0 })
    // A commit author's git email is not the profile's: no scope needed.
    expect((await post(runtimeQuery)).body.errors).toBeUndefined()
  })

  it('deletes a pull request after the answer that lists it: NOT_FOUND in both of GitHub’s spellings', async () => {
    await serve({
      faults: {
        deletedAfterListing: { repository: 'kata-containers/runtime', kind: 'pullRequest', number: 3 }
      }
    })
    const before = await post(`{ node(id: "PR_runtime_1") { id } }`)
    expect(before.body.data.node.id).toBe('PR_runtime_1')
    const listed = await post(runtimeQuery)
    expect(listed.body.data.repository.pullRequests.nodes.map((n: any) => n.number)).toEqual([1, 2, 3, 4, 5])
    const asked = await post(runtimeQuery.replace('{ number }', '{ id number }'))
    expect(asked.body.data.repository.pullRequests.nodes.map((n: any) => n.number)).toEqual([1, 2, 3, 4, 5])
    const after = await post(`{ nodes(ids: ["PR_runtime_1", "PR_runtime_3"]) { id }
      repository(owner: "kata-containers", name: "runtime") { pullRequests(first: 5) { nodes { number } } } }`)
    expect(after.body.data.nodes).toEqual([{ id: 'PR_runtime_1' }, null])
    expect(after.body.data.repository.pullRequests.nodes.map((n: any) => n.number)).toEqual([1, 2, 4, 5, 6])
    expect(after.body.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['nodes', 1],
        locations: [{ line: 1, column: 3 }],
        message: "Could not resolve to a node with the global id of 'PR_runtime_3'"
      }
    ])
    const byNumber = await post(
      `{ repository(owner: "kata-containers", name: "runtime") { pullRequest(number: 3) { id } } }`
    )
    expect(byNumber.body.errors[0]).toMatchObject({
      type: 'NOT_FOUND',
      path: ['repository', 'pullRequest'],
      message: 'Could not resolve to a PullRequest with the number of 3.'
    })
  })

  it('lists the first 3,000 files of a bigger pull request instead of null, with changedFiles the whole', async () => {
    const query = (after: string | null) =>
      `{ repository(owner: "kata-containers", name: "runtime") { pullRequest(number: 2) {
        changedFiles files(first: 100${after ? `, after: "${after}"` : ''}) { nodes { path } pageInfo { hasNextPage endCursor } } } } }`
    await serve()
    expect((await post(query(null))).body.data.repository.pullRequest).toEqual({
      changedFiles: 3001,
      files: null
    })
    await github!.close()
    await serve({ faults: { filesCutAt3000: true } })
    let listed = 0
    for (let after: string | null = null; ;) {
      const { files, changedFiles }: { files: any; changedFiles: number } = (await post(query(after))).body
        .data.repository.pullRequest
      expect(changedFiles).toBe(3001)
      listed += files.nodes.length
      if (!files.pageInfo.hasNextPage) break
      after = files.pageInfo.endCursor
    }
    expect(listed).toBe(3000)
  })

  it('FORBIDDEN "Resource not accessible by integration" for one repository’s pull requests and issues', async () => {
    await serve({ faults: { forbiddenRepository: 'kata-containers/runtime' } })
    const refused = await post(`{ repository(owner: "kata-containers", name: "runtime") { name
      issues(first: 1) { nodes { number } } } agent: repository(owner: "kata-containers", name: "agent") { name } }`)
    expect(refused.status).toBe(200)
    expect(refused.body.data).toEqual({ repository: null, agent: { name: 'agent' } })
    expect(refused.body.errors).toEqual([
      {
        type: 'FORBIDDEN',
        path: ['repository', 'issues'],
        extensions: { saml_failure: false },
        locations: [{ line: 2, column: 7 }],
        message: 'Resource not accessible by integration'
      }
    ])
    expect((await post(runtimeQuery.replace('runtime', 'agent'))).body.errors).toBeUndefined()
  })
})
