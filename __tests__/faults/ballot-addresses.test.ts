// An attacker's commit email reaching a ballot file: git accepts `a@x.example\rextra@evil.example`, and a
// CR or comma in civs-voters.txt or helios-voters.csv becomes a second address, a second voter. A ballot
// address is one address; anything else stays off the ballot files with a warning, the person stays on
// the roll. Two people with one address are flagged: CIVS would send them one ballot.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { ballotAddressProblem, ballotWarnings } from '../../src/electorate/ballot-addresses.js'
import { civsVoters, heliosVoters } from '../../src/output/voters.js'
import { expectedElectorate } from '../../tools/world/expected.js'
import { generateWorld } from '../../tools/world/generate.js'
import { person } from '../output/electorate-fixture.js'
import { NOW, runElectorate } from './harness.js'

const HOSTILE = [
  'a@x.example\rextra@evil.example',
  'a@x.example\nextra@evil.example',
  'a@x.example,extra@evil.example',
  'a@x.example;extra@evil.example',
  'a@x.example extra@evil.example',
  'Alice <a@x.example>',
  'a@b@x.example',
  'no-at-sign',
  '@x.example',
  'a@',
  'a@x.example\u0000',
  'a\u2028@x.example',
  '"a"@x.example',
  'a@.example',
  'a@x.example.'
]

describe('ballot addresses', () => {
  it.each(HOSTILE)('%j is not one address', email => {
    expect(ballotAddressProblem(email)).toBeDefined()
  })

  it.each([
    'alice@example.org',
    'a.b+tag@sub.example.co',
    'x_y-z@example',
    '李@例え.jp',
    "o'brien@example.ie"
  ])('%j is one address', email => expect(ballotAddressProblem(email)).toBeUndefined())

  it('keeps a hostile address out of civs-voters.txt and helios-voters.csv, and says so', () => {
    const people = [person('alice'), person('mallory', { email: 'm@x.example\rextra@evil.example' })]
    expect(civsVoters(people)).toBe('alice@example.org\n')
    expect(heliosVoters(people)).toBe('password,alice,alice@example.org,alice name\n')
    const warnings = ballotWarnings(people)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^mallory: the email .* is not one address .*civs-voters\.txt and helios-voters\.csv/
    )
    // The warning shows the address escaped, so the warning itself carries no line break.
    expect(warnings[0]).not.toMatch(/[\r\n]/)
  })

  it('flags two qualified people with one address, case-insensitively', () => {
    const people = [
      person('alice', { email: 'Shared@Example.org' }),
      person('bob', { email: 'shared@example.org' }),
      person('carol', { email: 'shared@example.org', status: 'not-qualified', qualifiedBy: '' })
    ]
    const warnings = ballotWarnings(people)
    expect(warnings).toEqual([
      expect.stringMatching(/^alice and bob share the address .*: CIVS would send them one ballot/)
    ])
  })
})

describe('ballot addresses, end to end', () => {
  const HOSTILE_EMAIL = 'a@x.example\rextra@evil.example'

  /** A world where one qualified committer's commits carry the hostile email and two others share one. */
  function worldWithHostileEmail() {
    const world = generateWorld({ scale: 'small', seed: 3, now: NOW })
    const window = { since: new Date('2025-04-07T00:00:00Z'), until: new Date('2026-04-07T00:00:00Z') }
    const committers = expectedElectorate(world, window)
      .people.filter(p => p.status === 'qualified' && p.metrics.commits > 0)
      .map(p => p.login)
    expect(committers.length).toBeGreaterThanOrEqual(3)
    const [mallory, alice, bob] = committers as [string, string, string]
    // The profile comes first among a person's addresses: without one, the newest commit's counts.
    const profileEmails = new Map([
      [mallory, ''],
      [alice, 'Shared@Example.org'],
      [bob, 'shared@example.org']
    ])
    for (const user of world.users) user.email = profileEmails.get(user.login) ?? user.email
    for (const commit of world.repositories.flatMap(r => r.commits))
      for (const author of commit.authors) if (author.login === mallory) author.email = HOSTILE_EMAIL
    return { world, mallory, alice, bob }
  }

  it('leaves a commit email holding a CR out of the ballot files, keeps the person on the roll, says so', async () => {
    const { world, mallory, alice, bob } = worldWithHostileEmail()
    const run = await runElectorate(world)
    expect(run.code, run.stderr).toBe(0)
    const text = (name: string) => run.files.get(name)!.toString('utf8')

    for (const name of ['civs-voters.txt', 'helios-voters.csv']) {
      expect(text(name), name).not.toContain('evil.example')
      expect(text(name), name).not.toContain('\r')
    }
    const roll = parse(run.files.get('electorate.csv')!, { columns: true }) as Record<string, string>[]
    expect(roll.find(row => row.login === mallory)?.email).toBe(HOSTILE_EMAIL)
    expect(text('helios-github-voters.csv').split('\n')).toContain(`github,${mallory}`)

    const warnings = (JSON.parse(text('report.json')) as { warnings: string[] }).warnings
    expect(warnings).toContainEqual(
      expect.stringMatching(new RegExp(`^${mallory}: the email .* is not one address`))
    )
    expect(warnings).toContainEqual(
      expect.stringMatching(new RegExp(`^${alice} and ${bob} share the address`))
    )
    expect(text('summary.md')).toMatch(new RegExp(`${mallory}: the email .* is not one address`))
    expect(text('summary.md')).toMatch(/CIVS would send them one ballot/)
  })
})
