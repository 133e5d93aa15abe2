import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { configSchema, type ConfigInput } from '../../src/config/schema.js'
import { changesCsv, rollChanges } from '../../src/output/changes.js'
import { electorate, person } from './electorate-fixture.js'

const NO_METRICS = { commits: 0, merged_prs: 0, reviews: 0, triaged: 0, issue_comments: 0, ci: 0 }
const UNTIL = '2024-10-01T00:00:00Z'
const changesOf = (previous: string[], people = electorate().people, config: ConfigInput = {}) =>
  rollChanges(previous, electorate({ people }), { config: configSchema.parse(config), until: UNTIL })
const brief = (rows: ReturnType<typeof changesOf>) =>
  rows.map(({ login, change, reason }) => [login, change, reason])

describe('rollChanges', () => {
  it('adds the newly qualified with the rule that qualified them, and keeps quiet about the rest', () => {
    // The fixture's roll: alice (commits>=1) and Bob (reviews>=5); carol is not qualified,
    // dependabot-like excluded.
    expect(brief(changesOf(['alice']))).toEqual([['Bob', 'added', 'reviews>=5']])
    expect(changesOf(['alice', 'Bob'])).toEqual([])
  })

  it('says why each person left: excluded, not qualified by how much, no activity', () => {
    const rows = changesOf(['alice', 'Bob', 'carol', 'Dependabot-Like', 'erin'])
    expect(brief(rows)).toEqual([
      ['carol', 'removed', 'not qualified: commits 0 < 1'],
      ['Dependabot-Like', 'removed', 'excluded: exclude.patterns: *-like'],
      ['erin', 'removed', 'no activity in the window']
    ])
    expect(rows[0]).toMatchObject({ score: 0, metrics: { ...NO_METRICS, issue_comments: 2 } })
    expect(rows[2]).toMatchObject({ score: 0, metrics: NO_METRICS })
  })

  it('names the shortfall under the rule closest to holding, every unmet minimum of it', () => {
    const frank = person('frank', {
      status: 'not-qualified',
      qualifiedBy: '',
      score: 4,
      metrics: { ...NO_METRICS, reviews: 4, triaged: 1 }
    })
    expect(brief(changesOf(['frank'], [frank]))).toEqual([
      ['frank', 'removed', 'not qualified: reviews 4 < 5']
    ])
    const criteria = [{ commits: 3 }, { reviews: 5, triaged: 2 }]
    expect(changesOf(['frank'], [frank], { criteria })[0].reason).toBe(
      'not qualified: reviews 4 < 5, triaged 1 < 2'
    )
    expect(changesOf(['frank'], [frank], { criteria: [{ score: 4.5 }] })[0].reason).toBe(
      'not qualified: score 4 < 4.5'
    )
  })

  it('says when an include expired, with what the activity alone lacks', () => {
    const include = [{ login: 'Erin', reason: 'release manager', expires: '2024-06-30' }]
    expect(changesOf(['erin'], [], { include })[0].reason).toBe(
      'include expired on 2024-06-30; no activity in the window'
    )
  })

  it('says when a login was merged into another by aliases, or listed as a bot', () => {
    const rows = changesOf(['alice', 'Bob', 'alice-work', 'ci-helper'], undefined, {
      aliases: { alice: ['alice-work'] },
      exclude: { bots: ['ci-helper'] }
    })
    expect(brief(rows)).toEqual([
      ['alice-work', 'removed', 'merged into alice (aliases)'],
      ['ci-helper', 'removed', 'listed in exclude.bots']
    ])
  })

  it('compares logins case-insensitively and lists a login GitHub now spells differently', () => {
    expect(brief(changesOf(['ALICE', 'bob']))).toEqual([
      ['alice', 'respelled', 'was ALICE'],
      ['Bob', 'respelled', 'was bob']
    ])
  })

  it('sorts by login, case-insensitively', () => {
    const logins = changesOf(['Zed', 'carol', 'alice', 'Erin']).map(row => row.login)
    expect(logins).toEqual(['Bob', 'carol', 'Erin', 'Zed'])
  })
})

describe('changesCsv', () => {
  it('writes login, change, reason and the numbers of this run', () => {
    const rows = parse(changesCsv(changesOf(['carol'])), { columns: true }) as Record<string, string>[]
    expect(rows).toEqual([
      {
        login: 'alice',
        change: 'added',
        reason: 'commits>=1',
        score: '7.5',
        commits: '3',
        merged_prs: '2',
        reviews: '4',
        triaged: '0',
        issue_comments: '0',
        ci: '0'
      },
      expect.objectContaining({ login: 'Bob', change: 'added', reviews: '6' }),
      expect.objectContaining({ login: 'carol', change: 'removed', issue_comments: '2', score: '0' })
    ])
  })
})
