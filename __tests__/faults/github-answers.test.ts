import { beforeAll, describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/output/markdown.js'
import { generateWorld } from '../../tools/world/generate.js'
import {
  cleanRuns,
  errorLines,
  type ElectorateRun,
  expectSameFindings,
  NOW,
  runElectorate,
  STACK_FRAME
} from './harness.js'

// Answers real GitHub gives that our own expectations of it did not: each must leave the roll a clean
// run writes (for a deletion, the one of the world without that item), or fail naming what is wrong.

const world = () => generateWorld({ scale: 'kata', seed: 7, now: NOW })
const small = generateWorld({ scale: 'small', seed: 7, now: NOW })
const kata = world()

/** The files that say who votes and why, byte for byte; the report and summary also say how it went. */
const ROLL = /\.(csv|yaml|txt)$/

function expectSameRoll(got: ElectorateRun, clean: ElectorateRun) {
  const roll = [...clean.files.keys()].filter(name => ROLL.test(name))
  expect(roll).toContain('electorate.csv')
  expect([...got.files.keys()]).toEqual([...clean.files.keys()])
  expect(roll.filter(name => !got.files.get(name)!.equals(clean.files.get(name)!))).toEqual([])
}

const reportOf = (run: ElectorateRun) =>
  JSON.parse(run.files.get('report.json')!.toString('utf8')) as {
    totals: Record<string, unknown>
    warnings: string[]
  }

/** The warning is in report.json as it is, and in the summary (the job summary) as Markdown. */
function expectWarned(run: ElectorateRun, warning: string) {
  expect(reportOf(run).warnings).toContain(warning)
  expect(run.files.get('summary.md')!.toString('utf8')).toContain(`- ${escapeMarkdown(warning)}\n`)
}

describe('answers real GitHub gives', () => {
  let clean: ElectorateRun
  let cleanSmall: ElectorateRun

  beforeAll(async () => {
    ;[clean, cleanSmall] = await cleanRuns(kata, small)
  })

  it('RATE_LIMIT at HTTP 200 with points still left: waits for the reset like the primary limit', async () => {
    const run = await runElectorate(kata, {
      faults: { rateLimitTypeAt: [3] },
      rateLimit: { resetInSeconds: 2 }
    })
    expect(run.code, run.stderr).toBe(0)
    expect(run.requests.filter(r => r.fault === 'rate-limit-type')).toHaveLength(1)
    expect(run.stderr).toMatch(/: rate limit exhausted \(\d+ of 5000 points used\); waiting until /)
    expectSameFindings(run, clean)
  })

  it('HTTP 500 on one request in 7: retried like a 502', async () => {
    const run = await runElectorate(kata, { faults: { http500Every: 7 }, quickClock: true })
    expect(run.code, run.stderr).toBe(0)
    expect(run.requests.filter(r => r.fault === 'http-500').length).toBeGreaterThanOrEqual(4)
    expectSameFindings(run, clean)
  })

  // Queries of more than a quarter of the listing's first page are cut: the listing must halve twice.
  const cutBound = () => {
    const listing = cleanSmall.requests.find(r => r.operationName === 'OrganizationRepositories')!
    const bound = Math.ceil(listing.nodeCount / 4)
    expect(cleanSmall.requests.filter(r => r !== listing).every(r => r.nodeCount <= bound)).toBe(true)
    return bound
  }

  it.each([
    ['RESOURCE_LIMITS_EXCEEDED with partial data', 'resourceLimitsAboveNodes', 'resource-limits'],
    ['200 "may be the result of a timeout"', 'timeoutMessageAboveNodes', 'timeout-message']
  ] as const)('%s: the request shrinks from the first one on', async (_, flag, fault) => {
    const run = await runElectorate(small, { faults: { [flag]: cutBound() } })
    expect(run.code, run.stderr).toBe(0)
    const listings = run.requests.filter(r => r.operationName === 'OrganizationRepositories')
    expect(listings.map(r => r.fault)).toEqual([fault, fault, undefined])
    expect(new Set(listings.map(r => r.nodeCount)).size).toBe(3)
    expect(run.stderr).toMatch(/repositories of demo-org: GitHub timed out on pages of \d+; asking for \d+\n/)
    expectSameFindings(run, cleanSmall)
  })

  it('a secondary limit: fewer requests in flight, said in the log', async () => {
    const run = await runElectorate(kata, { faults: { secondaryEvery: 15, retryAfterSeconds: 1 } })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain(
      'warning: secondary rate limit: 5 requests in flight at most from now (were 10), more again once answers are clean'
    )
    expectSameFindings(run, clean)
  })

  it('INSUFFICIENT_SCOPES for User.email: asked again without, warned once, the roll of a world without profile emails', async () => {
    const withoutProfileEmails = world()
    for (const user of withoutProfileEmails.users) user.email = ''
    const [run, baseline] = await Promise.all([
      runElectorate(kata, { faults: { withoutEmailScope: true } }),
      runElectorate(withoutProfileEmails)
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(kata.users.some(user => user.email !== '')).toBe(true)
    expect(run.requests.filter(r => r.fault === 'insufficient-scopes').length).toBeGreaterThanOrEqual(1)
    const warning =
      'GitHub refuses profile emails to this token (it lacks the user:email or read:user scope): gathered ' +
      'without them, so people are known by the emails of their commits only. Give the token user:email for them'
    expect(run.stderr.split(warning)).toHaveLength(2)
    expectWarned(run, warning)
    expectSameRoll(run, baseline)
  })

  it('a pull request deleted after the listing: the roll of the world without it, the deletion named and counted', async () => {
    const repository = kata.repositories.find(r => r.name === 'kata-containers')!
    const deleted = repository.pullRequests.find(pr => pr.mergedAt !== null && pr.mergedAt > '2025-06-01')!
    const without = world()
    const twin = without.repositories.find(r => r.name === repository.name)!
    twin.pullRequests = twin.pullRequests.filter(pr => pr.number !== deleted.number)
    const faults = {
      deletedAfterListing: {
        repository: `${repository.owner}/${repository.name}`,
        kind: 'pullRequest' as const,
        number: deleted.number
      }
    }
    const [run, baseline] = await Promise.all([runElectorate(kata, { faults }), runElectorate(without)])
    expect(run.code, run.stderr).toBe(0)
    expect(run.requests.some(r => r.fault === 'deletes-item')).toBe(true)
    const warning = `pull request ${repository.owner}/${repository.name}#${deleted.number} was deleted on GitHub during the run: left out`
    expectWarned(run, warning)
    expect(reportOf(run).totals.deleted_during_run).toBe(1)
    expect(reportOf(baseline).totals.deleted_during_run).toBe(0)
    expectSameRoll(run, baseline)
  })

  it('a file list cut at 3,000 instead of null: the pull request counts as one whose files GitHub does not list', async () => {
    const run = await runElectorate(kata, { faults: { filesCutAt3000: true } })
    expect(run.code, run.stderr).toBe(0)
    const huge = kata.repositories.flatMap(r => r.pullRequests).find(pr => pr.files.length > 3000)!
    expectWarned(
      clean,
      `https://github.com/kata-containers/kata-containers/pull/${huge.number}: GitHub does not list its ` +
        'changed files (over 3,000); not counted as ci'
    )
    expect(run.stderr).toMatch(/GitHub does not list any of its 30\d\d changed files/)
    expectSameFindings(run, clean)
  })

  it('"Resource not accessible by integration" for one repository: fails naming it and the permission', async () => {
    const repository = kata.repositories.find(r => r.name === 'community')!
    const run = await runElectorate(kata, {
      faults: { forbiddenRepository: `${repository.owner}/${repository.name}` }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run.stderr)).toEqual([
      `electorate: failed: ${repository.owner}/${repository.name}: the token may not read its pull requests ` +
        '(GitHub answered FORBIDDEN: Resource not accessible by integration). Give the token the "Pull requests: ' +
        'read" permission (in a workflow, `permissions: pull-requests: read`), or leave the repository out with ' +
        'repositories.exclude'
    ])
    expect(run.stderr).not.toMatch(STACK_FRAME)
    expect(run.files.has('electorate.csv')).toBe(false)
  })
})
