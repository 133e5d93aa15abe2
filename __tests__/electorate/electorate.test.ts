import { describe, expect, it } from 'vitest'
import { buildElectorate } from '../../src/electorate/electorate.js'
import { METRICS } from '../../src/records.js'
import { author, bot, comment, commit, config, gathered, pr, review, triage, user } from './make.js'
import type { ConfigInput } from '../../src/config/schema.js'
import type { ActivityRecord, Profile } from '../../src/records.js'

const [alice, bob] = [user('alice'), user('bob')]
const build = (records: ActivityRecord[], input: ConfigInput = {}, profiles: Profile[] = []) =>
  buildElectorate(gathered(records, profiles), config(input))
const row = (electorate: ReturnType<typeof build>, login: string) => electorate.people.find(p => p.login === login)

describe('buildElectorate', () => {
  it('qualifies by the first rule that holds and keeps the others as not-qualified', () => {
    const electorate = build([commit([author('alice')]), review(1, bob, alice)])
    expect(row(electorate, 'alice')).toMatchObject({ status: 'qualified', qualifiedBy: 'commits>=1', score: 1 })
    expect(row(electorate, 'bob')).toMatchObject({ status: 'not-qualified', qualifiedBy: '', score: 1 })
  })

  it('lists excluded people with their metrics and rule, and never qualifies them', () => {
    const electorate = build([commit([author('alice')])], { exclude: { logins: ['ALICE'] } })
    expect(row(electorate, 'alice')).toMatchObject({ status: 'excluded', qualifiedBy: '', note: 'exclude.logins: ALICE' })
    expect(row(electorate, 'alice')?.metrics.commits).toBe(1)
    expect(electorate.totals.commits).toBe(0)
  })

  it('never lists a Bot or exclude.bots', () => {
    const electorate = build([pr(1, bot('renovate')), pr(2, user('kata-ci'))], { exclude: { bots: ['kata-ci'] } })
    expect(electorate.people).toEqual([])
  })

  it('qualifies an include entry with no activity by its reason', () => {
    const electorate = build([], { include: [{ login: 'carol', reason: 'release manager' }] })
    expect(electorate.people).toMatchObject([
      { login: 'carol', status: 'qualified', qualifiedBy: 'include: release manager', firstActivity: '', score: 0 }
    ])
  })

  it('prefers a rule over an include and leaves an expired include out with a warning', () => {
    const include = [
      { login: 'alice', reason: 'maintainer' },
      { login: 'dave', reason: 'old', expires: '2024-06-30' }
    ]
    const electorate = build([commit([author('alice')])], { include })
    expect(electorate.people.map(p => [p.login, p.qualifiedBy])).toEqual([['alice', 'commits>=1']])
    expect(electorate.warnings).toEqual([expect.stringContaining('dave')])
  })

  it('ignores an include of a login listed in exclude.bots, with a warning', () => {
    const electorate = build([], { include: [{ login: 'kata-ci', reason: 'x' }], exclude: { bots: ['kata-ci'] } })
    expect(electorate.people).toEqual([])
    expect(electorate.warnings).toEqual([expect.stringContaining('kata-ci')])
  })

  it('lets an exclusion win over an include', () => {
    const electorate = build([], { include: [{ login: 'eve', reason: 'x' }], exclude: { patterns: ['e*'] } })
    expect(row(electorate, 'eve')).toMatchObject({ status: 'excluded', qualifiedBy: '', note: 'exclude.patterns: e*' })
  })

  it('counts people per rule in the order of the criteria, then per include reason', () => {
    const electorate = build([commit([author('alice')]), pr(1, bob, { files: ['ci/run.sh'] })], {
      include: [{ login: 'carol', reason: 'docs' }]
    })
    expect(electorate.ruleCounts).toEqual([
      { rule: 'commits>=1', count: 1 },
      { rule: 'reviews>=5', count: 0 },
      { rule: 'triaged>=10', count: 0 },
      { rule: 'ci>=1', count: 1 },
      { rule: 'include: docs', count: 1 }
    ])
  })

  it('sorts people by login case-insensitively and evidence by login, metric, at and url', () => {
    const records = [
      triage(1, user('Zoe'), alice, { at: '2024-03-01T00:00:00Z' }),
      comment(2, user('Zoe'), alice),
      triage(3, user('Zoe'), alice, { at: '2024-02-01T00:00:00Z' }),
      pr(4, user('bob'))
    ]
    const electorate = build(records, {}, [{ login: 'Zoe', name: '', email: '' }])
    expect(electorate.people.map(p => p.login)).toEqual(['bob', 'Zoe'])
    expect(electorate.evidence.map(e => [e.login, e.metric, e.at.slice(0, 10)])).toEqual([
      ['bob', 'merged_prs', '2024-06-01'],
      ['Zoe', 'triaged', '2024-02-01'],
      ['Zoe', 'triaged', '2024-03-01'],
      ['Zoe', 'issue_comments', '2024-06-01']
    ])
  })

  it('moves last activity on a later action on an item that was already counted', () => {
    const records = [
      triage(1, alice, bob, { at: '2024-02-01T00:00:00Z' }),
      triage(1, alice, bob, { at: '2024-05-01T00:00:00Z' })
    ]
    const electorate = build(records)
    expect(row(electorate, 'alice')).toMatchObject({
      firstActivity: '2024-02-01T00:00:00Z',
      lastActivity: '2024-05-01T00:00:00Z'
    })
    expect(electorate.evidence.map(e => e.at)).toEqual(['2024-02-01T00:00:00Z'])
  })

  it('gives first and last activity, profile url, name and email of a person', () => {
    const records = [pr(1, alice, { at: '2024-02-03T04:05:06Z' }), commit([author('alice', 'a@x.org', 'Alice A')], { at: '2024-09-01T00:00:00Z' })]
    expect(row(build(records), 'alice')).toMatchObject({
      name: 'Alice A',
      email: 'a@x.org',
      firstActivity: '2024-02-03T04:05:06Z',
      lastActivity: '2024-09-01T00:00:00Z',
      profileUrl: 'https://github.com/alice'
    })
  })

  it('merges aliases into one row named as GitHub spells the primary', () => {
    const records = [review(1, user('Alice'), bob), review(1, user('alice-work'), bob), review(2, user('alice-work'), bob)]
    const electorate = build(records, { aliases: { alice: ['alice-work'] } })
    expect(electorate.people.map(p => [p.login, p.metrics.reviews])).toEqual([['Alice', 2]])
  })

  it('gives numbers that the evidence reproduces exactly', () => {
    const records = [
      commit([author('alice'), author('bob'), author('alice')]),
      review(1, alice, bob),
      review(1, alice, bob, { state: 'COMMENTED' }),
      triage(2, bob, null),
      comment(2, bob, null),
      pr(3, alice, { files: ['.ci/x.sh'] })
    ]
    const electorate = build(records)
    for (const person of electorate.people)
      for (const metric of METRICS)
        expect(electorate.evidence.filter(e => e.login === person.login && e.metric === metric)).toHaveLength(person.metrics[metric])
    expect(electorate.totals).toEqual({ commits: 2, merged_prs: 1, reviews: 1, triaged: 1, issue_comments: 1, ci: 1 })
  })

  it('warns about unlinked identities, deleted accounts and huge pull requests', () => {
    const electorate = build([commit([author(null, 'x@y.org')]), pr(1, null), pr(2, alice, { files: null })])
    expect(electorate.unlinked).toHaveLength(1)
    expect(electorate.deletedAccountItems).toBe(1)
    expect(electorate.warnings).toEqual([expect.stringContaining('/pull/2')])
  })
})
