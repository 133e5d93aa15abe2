import { afterEach, describe, expect, it } from 'vitest'
import { configSchema } from '../../src/config/schema.js'
import { createGitHubClient } from '../../src/github/client.js'
import { gather } from '../../src/github/gather.js'
import { createProgress } from '../../src/github/progress.js'
import type { Logger } from '../../src/options.js'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'

const NOW = '2026-04-07T00:00:00Z'
const quiet: Logger = { info() {}, warning() {}, debug() {}, group: (_, fn) => fn() }
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

describe('progress while gathering', () => {
  it('prints lines during a run with latency: repositories done, requests, points, time left', async () => {
    const world = generateWorld({ scale: 'small', seed: 8, now: NOW })
    const fake = await startFakeGitHub({ world, token: 't', latencyMs: 150 })
    closers.push(() => fake.close())
    const client = createGitHubClient({ url: fake.url, token: 't', log: quiet })
    const lines: string[] = []
    const progress = createProgress({ stats: client.stats, write: line => lines.push(line), intervalMs: 100 })
    const config = configSchema.parse({})
    try {
      await gather(
        {
          organizations: [world.organization.login],
          repositories: [],
          since: new Date('2025-04-07T00:00:00Z'),
          until: new Date(NOW),
          config
        },
        client,
        quiet,
        progress
      )
    } finally {
      progress.stop()
    }
    const ticks = lines.filter(line => line.startsWith('Progress: '))
    expect(ticks.length).toBeGreaterThan(2)
    expect(ticks[0]).toMatch(
      /^Progress: \d+ of \d+ repositories done; \d+ requests; \d+ points spent(, \d+ remaining)?; /
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/^Repositories listed: 0 of [1-9]\d* repositories done; /)
    )
    const last = lines.at(-1)!
    const total = /of (\d+) repositories/.exec(last)![1]
    expect(last).toMatch(
      new RegExp(`^Gathered: ${total} of ${total} repositories done; ${client.stats().requests} requests; `)
    )
    expect(last).toMatch(/about 0 s left$/)
  })

  it('says when a rate-limit pause ends, and counts it in the time left', () => {
    let now = Date.parse(NOW)
    const lines: string[] = []
    const stats = () => ({ requests: 3, points: 7, remaining: 0, resetAt: null })
    const progress = createProgress({ stats, write: line => lines.push(line), now: () => now })
    progress.found(4)
    now += 1_000
    progress.done(2)
    progress.paused(now + 90_000)
    progress.phase('Progress')
    progress.stop()
    expect(lines).toEqual([
      'Progress: 2 of 4 repositories done; 3 requests; 7 points spent, 0 remaining; waiting for the rate ' +
        'limit until 2026-04-07T00:01:31Z; about 90 s left'
    ])
  })
})
