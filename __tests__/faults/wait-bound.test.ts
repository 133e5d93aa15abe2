// Every wait counts against `rate-limit-wait`: a secondary limit whose `retry-after` is an hour, a reset
// far off, or retries that keep backing off must not hold a run past the bound it was given. Past the
// bound the run fails (exit 1) naming what it waited for and the bound, and leaves no roll.
import { describe, expect, it } from 'vitest'
import type { Logger } from '../../src/options.js'
import { createWaits } from '../../src/github/waits.js'
import { generateWorld } from '../../tools/world/generate.js'
import { errorLines, NOW, runElectorate } from './harness.js'

const MINUTE = 60_000
const START = Date.parse('2030-01-01T00:00:00Z')

/** createWaits on a fake clock: sleeping moves it, and every sleep is recorded. */
function fakeWaits(boundMinutes: number) {
  let nowMs = START
  const sleeps: number[] = []
  const quiet = () => undefined
  const waits = createWaits({
    sleep: async ms => {
      sleeps.push(ms)
      nowMs += ms
    },
    now: () => nowMs,
    log: { info: quiet, warning: quiet, debug: quiet, group: (_name, fn) => fn() } satisfies Logger,
    waitBoundMs: boundMinutes * MINUTE,
    stats: { requests: 0, points: 0, remaining: null, resetAt: null }
  })
  return { waits, sleeps }
}

const headers = (entries: Record<string, string>) => new Headers(entries)

describe('the bound on waiting', () => {
  it('refuses a retry-after of 3600 s under a 5-minute bound without sleeping', async () => {
    const { waits, sleeps } = fakeWaits(5)
    await expect(
      waits.secondaryLimit('commits of a/b', headers({ 'retry-after': '3600' }), 1)
    ).rejects.toThrow(
      /commits of a\/b: secondary rate limit; GitHub asks to wait 3600 s.*5-minute bound on waiting \(rate-limit-wait\)/
    )
    expect(sleeps).toEqual([])
  })

  it('refuses a primary reset an hour off under a 5-minute bound', async () => {
    const { waits, sleeps } = fakeWaits(5)
    const reset = String((START + 60 * MINUTE) / 1000)
    await expect(
      waits.primaryLimit('issues of a/b', headers({ 'x-ratelimit-reset': reset }))
    ).rejects.toThrow(/issues of a\/b: GitHub's rate limit is exhausted.*5-minute bound on waiting/)
    expect(sleeps).toEqual([])
  })

  it('adds up secondary limits, resets and backoffs: the wait that would pass the bound fails', async () => {
    const { waits, sleeps } = fakeWaits(5)
    await waits.secondaryLimit('q', headers({ 'retry-after': '120' }), 1)
    await waits.backoff(60_000, 'q: GitHub answered 502')
    await waits.primaryLimit('q', headers({ 'x-ratelimit-reset': String((START + 3.5 * MINUTE) / 1000) }))
    expect(sleeps).toEqual([120_000, 60_000, 31_000])
    // 211 s waited: 89 s more fit in the 5 minutes, 90 do not.
    await expect(waits.backoff(90_000, 'q: GitHub answered 502')).rejects.toThrow(
      /q: GitHub answered 502; retrying in 90 s would pass the 5-minute bound/
    )
    expect(sleeps).toHaveLength(3)
    await waits.backoff(89_000, 'q: GitHub answered 502')
    expect(sleeps).toHaveLength(4)
  })

  it('does not count pacing, which keeps a long run clear of the limits', async () => {
    const { waits, sleeps } = fakeWaits(1)
    for (let i = 0; i < 10; i++) await waits.pacing(30_000)
    await waits.backoff(50_000, 'q')
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(350_000)
  })

  it('ends a run against the fake GitHub at the first hour-long secondary limit: exit 1, no roll', async () => {
    const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
    const run = await runElectorate(world, {
      faults: { secondaryEvery: 3, retryAfterSeconds: 3600 },
      args: ['--rate-limit-wait', '5']
    })
    expect(run.code, run.stderr).toBe(1)
    const [error, ...more] = errorLines(run.stderr)
    expect(more).toEqual([])
    expect(error).toMatch(
      /secondary rate limit; GitHub asks to wait 3600 s, which would pass the 5-minute bound on waiting \(rate-limit-wait\)/
    )
    expect(run.files.has('electorate.csv')).toBe(false)
  })
})
