// An attacker's commit email reaching a ballot file: git accepts `a@x.example\rextra@evil.example`, and a
// CR or comma in civs-voters.txt or helios-voters.csv becomes a second address, a second voter. A ballot
// address is one address; anything else stays off the ballot files with a warning, the person stays on
// the roll. Two people with one address are flagged: CIVS would send them one ballot.
import { describe, expect, it } from 'vitest'
import { ballotAddressProblem, ballotWarnings } from '../../src/electorate/ballot-addresses.js'
import { civsVoters, heliosVoters } from '../../src/output/voters.js'
import { person } from '../output/electorate-fixture.js'

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
