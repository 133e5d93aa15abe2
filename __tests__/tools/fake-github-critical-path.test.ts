import { afterAll, beforeAll, expect, it } from 'vitest'
import { sampleWorld } from '../../tools/fake-github/sample-world.js'
import { startFakeGitHub, type FakeGitHub } from '../../tools/fake-github/server.js'

let github: FakeGitHub
beforeAll(async () => {
  github = await startFakeGitHub({ world: sampleWorld() })
})
afterAll(async () => {
  await github.close()
})

const pages = `query Page($after: String) {
  repository(owner: "kata-containers", name: "runtime") {
    pullRequests(first: 1, after: $after) { pageInfo { endCursor } nodes { id } }
  }
}`

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(github.url, { method: 'POST', body: JSON.stringify({ query, variables }) })
  return (await response.json()) as { data: { repository: { pullRequests: any } } } // eslint-disable-line @typescript-eslint/no-explicit-any
}

it('measures the longest chain of requests that each needed a cursor or id from an earlier answer', async () => {
  let after: string | null = null
  let id = ''
  for (let page = 0; page < 3; page++) {
    const answer = await post(pages, { after })
    after = answer.data.repository.pullRequests.pageInfo.endCursor
    id = answer.data.repository.pullRequests.nodes[0].id
  }
  // Independent of the chain above: a fresh first page, and a node looked up by an id seen on page 3.
  await post(pages)
  await post(`{ node(id: "${id}") { id } }`)
  expect(github.log.map(entry => entry.depth)).toEqual([1, 2, 3, 1, 4])
  // Each link names the request it built on: the node lookup follows page 3, not the fresh first page.
  expect(github.log.map(entry => entry.after)).toEqual([undefined, 1, 2, undefined, 3])
  expect(github.criticalPathRequests()).toBe(4)
})

it("ties a page to the answer that gave its cursor, not to another list's page at the same position", async () => {
  const page = (name: string) => `query Page($after: String) {
    repository(owner: "kata-containers", name: "${name}") {
      pullRequests(first: 1, after: $after) { pageInfo { endCursor } nodes { id } } } }`
  const before = github.log.length
  const runtime = await post(page('runtime'))
  const agent = await post(page('agent'))
  await post(page('agent'), { after: agent.data.repository.pullRequests.pageInfo.endCursor })
  expect(runtime.data.repository.pullRequests.pageInfo.endCursor).not.toBe(
    agent.data.repository.pullRequests.pageInfo.endCursor
  )
  const [, agentFirst, agentSecond] = github.log.slice(before)
  expect(agentSecond!.after).toBe(agentFirst!.index)
})
