import { beforeAll, describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { cleanRuns, type ElectorateRun, expectSameFindings, runElectorate } from './harness.js'

// Trouble that retrying cures must change nothing in what the run finds: the electorate under
// faults is the clean run's, byte for byte, or a voter may have been dropped.
describe('faults that retrying cures', () => {
  const kata = generateWorld({ scale: 'kata', seed: 7, now: '2026-04-07T00:00:00Z' })
  const small = generateWorld({ scale: 'small', seed: 7, now: '2026-04-07T00:00:00Z' })
  let cleanKata: ElectorateRun
  let cleanSmall: ElectorateRun

  beforeAll(async () => {
    ;[cleanKata, cleanSmall] = await cleanRuns(kata, small)
    expect(cleanKata.requests.every(r => r.status === 200)).toBe(true)
  })

  it('gives the clean run’s files when 1 request in 7 is a 502, 1 in 11 a secondary limit and the primary limit runs out once', async () => {
    const run = await runElectorate(kata, {
      faults: { http502Every: 7, secondaryEvery: 11, retryAfterSeconds: 1, primaryExhaustAt: 20 },
      rateLimit: { resetInSeconds: 3 }
    })
    expect(run.code, run.stderr).toBe(0)
    const faults = run.requests.map(r => r.fault)
    expect(faults.filter(f => f === 'http-502').length).toBeGreaterThanOrEqual(4)
    expect(faults.filter(f => f === 'secondary-rate-limit').length).toBeGreaterThanOrEqual(2)
    expect(faults).toContain('primary-rate-limit')
    expect(run.stderr).toMatch(/rate limit exhausted \(5000 of 5000 points used\); waiting until/)
    expect(run.stderr).toMatch(/secondary rate limit; pausing all requests for 1 s/)
    expectSameFindings(run, cleanKata)
  })

  it('never takes a response that carries errors beside partial data: it asks again', async () => {
    const run = await runElectorate(small, { faults: { partialErrorAt: [2, 3, 4] }, quickClock: true })
    expect(run.code, run.stderr).toBe(0)
    expect(run.requests.filter(r => r.fault === 'partial-error')).toHaveLength(3)
    // GitHub's words say the query may have timed out: asked again smaller, so in more requests.
    expect(run.requests.length).toBeGreaterThanOrEqual(cleanSmall.requests.length + 3)
    expectSameFindings(run, cleanSmall)
  })

  it('halves the page size of a listing that keeps timing out, and completes', async () => {
    // Pages of more than a quarter of the listing's first one time out: two halvings, and no other
    // query of this world is that big.
    const listing = cleanSmall.requests.find(r => r.operationName === 'OrganizationRepositories')!
    const bound = Math.ceil(listing.nodeCount / 4)
    expect(cleanSmall.requests.filter(r => r !== listing).every(r => r.nodeCount <= bound)).toBe(true)

    const run = await runElectorate(small, { faults: { timeoutAboveNodes: bound }, quickClock: true })
    expect(run.code, run.stderr).toBe(0)
    const listings = run.requests.filter(r => r.operationName === 'OrganizationRepositories')
    const sizes = listings.map(r => r.nodeCount)
    expect(sizes[0]).toBe(listing.nodeCount)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    expect(new Set(sizes).size).toBe(3)
    expect(listings.slice(0, -1).every(r => r.fault === 'timeout')).toBe(true)
    expect(listings.at(-1)!.status).toBe(200)
    expect(listings.at(-1)!.nodeCount).toBeLessThanOrEqual(bound)
    expect(run.stderr).toMatch(/repositories of demo-org: GitHub timed out on pages of \d+; asking for \d+\n/)
    expectSameFindings(run, cleanSmall)
  })
})
