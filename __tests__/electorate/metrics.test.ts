import { describe, expect, it } from 'vitest'
import { author, bot, comment, commit, countsOf, issueUrl, pr, prUrl, review, triage, user } from './make.js'

const alice = user('alice')
const bob = user('bob')

describe('commits', () => {
  it('credits every distinct person among the authors, co-authors included', () => {
    const { metrics } = countsOf([commit([author('alice'), author('bob')])])
    expect([metrics.alice.commits, metrics.bob.commits]).toEqual([1, 1])
  })

  it('counts a person who appears twice among the authors of one commit once', () => {
    expect(countsOf([commit([author('alice'), author('alice', 'other@example.com')])]).metrics.alice.commits).toBe(1)
  })

  it('counts the same commit once when two aliases authored it', () => {
    const records = [commit([author('alice'), author('alice-work')])]
    expect(countsOf(records, { aliases: { alice: ['alice-work'] } }).metrics.alice.commits).toBe(1)
  })

  it('counts a commit held by two repositories (a fork and its source) once', () => {
    const c = commit([author('alice')])
    const copy = { ...c, repository: 'org/fork', url: 'https://github.com/org/fork/commit/' + c.oid }
    expect(countsOf([copy, c]).metrics.alice.commits).toBe(1)
  })

  it('ignores merge commits', () => {
    expect(countsOf([commit([author('alice')], { parents: 2 })]).metrics.alice).toBeUndefined()
  })

  it('credits an unlinked email through emails: and nobody when unmapped', () => {
    const records = [commit([author(null, 'a@x.org')]), commit([author(null, 'b@x.org')])]
    expect(countsOf(records, { emails: { 'a@x.org': 'alice' } }).metrics).toEqual({
      alice: expect.objectContaining({ commits: 1 })
    })
  })

  it('writes the commit url as evidence', () => {
    const c = commit([author('alice')])
    expect(countsOf([c]).evidence).toEqual([{ login: 'alice', metric: 'commits', repository: 'org/repo', url: c.url, at: '2024-06-01T12:00:00Z' }])
  })
})

describe('the window', () => {
  it('counts items from since (inclusive) to until (exclusive) only', () => {
    const records = [
      pr(1, alice, { at: '2024-01-01T00:00:00Z' }),
      pr(2, alice, { at: '2025-01-01T00:00:00Z' }),
      pr(3, alice, { at: '2023-12-31T23:59:59Z' })
    ]
    expect(countsOf(records).evidence.map(e => e.url)).toEqual([prUrl(1)])
  })

  it('reads offsets and writes evidence times as YYYY-MM-DDTHH:MM:SSZ', () => {
    const { evidence } = countsOf([pr(1, alice, { at: '2024-03-01T01:30:00.250+02:00' })])
    expect(evidence[0].at).toBe('2024-02-29T23:30:00Z')
  })

  it('dates a distinct item by its earliest moment', () => {
    const records = [triage(1, alice, bob, { at: '2024-05-01T00:00:00Z' }), triage(1, alice, bob, { at: '2024-02-01T00:00:00Z' })]
    expect(countsOf(records).evidence.map(e => e.at)).toEqual(['2024-02-01T00:00:00Z'])
  })
})

describe('accounts that count for nobody', () => {
  it('never counts a Bot', () => {
    const records = [pr(1, bot('renovate')), review(2, bot('renovate'), alice), commit([author(null, '49699333+dependabot[bot]@users.noreply.github.com')])]
    expect(countsOf(records).evidence).toEqual([])
  })

  it('never counts exclude.bots', () => {
    expect(countsOf([pr(1, user('kata-ci'))], { exclude: { bots: ['kata-ci'] } }).evidence).toEqual([])
  })

  it('counts items of deleted accounts for nobody, and how many there were', () => {
    const records = [pr(1, null), review(2, null, alice), triage(3, null, alice), comment(4, null, alice)]
    const counted = countsOf(records)
    expect(counted.evidence).toEqual([])
    expect(counted.deletedAccountItems).toBe(4)
  })
})

describe('merged_prs and ci', () => {
  it('counts merged pull requests by their author', () => {
    expect(countsOf([pr(1, alice), pr(2, alice)]).metrics.alice.merged_prs).toBe(2)
  })

  it('counts ci for a pull request that changes a file under ci.paths, dot folders included', () => {
    const records = [pr(1, alice, { files: ['README.md', '.github/workflows/test.yml'] }), pr(2, alice, { files: ['src/ci.go'] })]
    expect(countsOf(records).metrics.alice.ci).toBe(1)
  })

  it('matches ci paths case-sensitively and with custom globs', () => {
    const records = [pr(1, alice, { files: ['Tools/CI/run.sh'] }), pr(2, alice, { files: ['tools/ci/run.sh'] })]
    const { evidence } = countsOf(records, { ci: { paths: ['tools/ci/**'] } })
    expect(evidence.filter(e => e.metric === 'ci').map(e => e.url)).toEqual([prUrl(2)])
  })

  it('does not count ci when GitHub returns no files, and names the pull request in a warning', () => {
    const counted = countsOf([pr(1, alice, { files: null })])
    expect(counted.metrics.alice).toEqual(expect.objectContaining({ merged_prs: 1, ci: 0 }))
    expect(counted.warnings).toEqual([expect.stringContaining(prUrl(1))])
  })
})

describe('reviews', () => {
  it('counts distinct pull requests of someone else, in every submitted state', () => {
    const records = [
      review(1, alice, bob, { state: 'COMMENTED' }),
      review(1, alice, bob, { state: 'APPROVED' }),
      review(2, alice, bob, { state: 'CHANGES_REQUESTED' }),
      review(3, alice, bob, { state: 'DISMISSED' })
    ]
    expect(countsOf(records).metrics.alice.reviews).toBe(3)
  })

  it('does not count a review of your own pull request', () => {
    expect(countsOf([review(1, alice, alice)]).evidence).toEqual([])
  })

  it('does not count an alias reviewing its primary account pull request', () => {
    expect(countsOf([review(1, user('alice-work'), alice)], { aliases: { alice: ['alice-work'] } }).evidence).toEqual([])
  })

  it('counts the same pull request reviewed from both accounts once', () => {
    const records = [review(1, alice, bob), review(1, user('alice-work'), bob)]
    expect(countsOf(records, { aliases: { alice: ['alice-work'] } }).metrics.alice.reviews).toBe(1)
  })

  it('counts a pull request of a deleted account or of a bot as someone else', () => {
    expect(countsOf([review(1, alice, null), review(2, alice, bot('dependabot'))]).metrics.alice.reviews).toBe(2)
  })
})

describe('triaged and issue_comments', () => {
  it('counts distinct issues of someone else (or of a deleted account)', () => {
    const records = [triage(1, alice, bob), triage(1, alice, bob, { event: 'CLOSED_EVENT' }), triage(2, alice, null), triage(3, alice, alice)]
    expect(countsOf(records).evidence.map(e => e.url)).toEqual([issueUrl(1), issueUrl(2)])
  })

  it('never counts an event that is not triage', () => {
    const mention = triage(1, alice, bob, { event: 'MENTIONED_EVENT' as never })
    expect(countsOf([mention]).evidence).toEqual([])
  })

  it('counts comments on distinct issues of someone else', () => {
    const records = [comment(1, alice, bob), comment(1, alice, bob), comment(2, alice, null), comment(3, alice, alice)]
    expect(countsOf(records).metrics.alice.issue_comments).toBe(2)
  })
})
