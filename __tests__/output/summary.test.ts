import { describe, expect, it } from 'vitest'
import { configSchema } from '../../src/config/schema.js'
import { summaryMarkdown } from '../../src/output/summary.js'
import { electorate, meta, person } from './electorate-fixture.js'

const emails = { includeEmails: true }

describe('summaryMarkdown', () => {
  it('titles the organization and states the window and the counts', () => {
    const text = summaryMarkdown(electorate(), meta(), emails)
    expect(text).toMatch(/^# Electorate of kata-containers\n/)
    expect(text).toContain('from 2023-10-01T00:00:00Z until 2024-10-01T00:00:00Z (exclusive)')
    expect(text).toContain('| repositories | 1 |')
    expect(text).toContain('| contributors | 4 |')
    expect(text).toContain('| qualified | 2 |')
    expect(text).toContain('| excluded | 1 |')
    expect(text).toContain('| unlinked commit identities | 1 |')
  })

  it('has a row per rule with its count', () => {
    const text = summaryMarkdown(electorate(), meta(), emails)
    expect(text).toContain('| rule | people |\n| --- | ---: |\n| commits\\>=1 | 1 |\n| reviews\\>=5 | 1 |')
  })

  it('charts the non-zero metric totals', () => {
    const text = summaryMarkdown(electorate(), meta(), emails)
    const chart = text.match(/```mermaid\n([\s\S]*?)```/)?.[1] ?? ''
    expect(chart).toMatch(/^pie /)
    expect(chart).toContain('"commits" : 3')
    expect(chart).toContain('"reviews" : 10')
    expect(chart).not.toContain('"ci"')
  })

  it('says so instead of an empty chart', () => {
    const quiet = electorate({
      totals: { commits: 0, merged_prs: 0, reviews: 0, triaged: 0, issue_comments: 0, ci: 0 }
    })
    const text = summaryMarkdown(quiet, meta(), emails)
    expect(text).not.toContain('mermaid')
    expect(text).toContain('No counted activity.')
  })

  it('lists the warnings of gathering and of the electorate, and the counts set aside', () => {
    const text = summaryMarkdown(
      electorate({
        deletedAccountItems: 3,
        warnings: ['include of old-friend expired on 2024-01-01 and is ignored']
      }),
      meta({
        warnings: ['https://github.com/o/r/pull/9 changes more than 3000 files: not counted toward ci']
      }),
      emails
    )
    const warnings = text.split('## Warnings\n\n')[1].split('\n\n')[0]
    expect(warnings.split('\n')).toEqual([
      '- 1 commit identity linked to no account: unlinked.csv lists them; map them to logins with `emails:`.',
      '- 3 items by deleted accounts, counted for nobody.',
      '- 1 qualified person has no email: CIVS and Helios cannot invite them, and civs-voters.txt and helios-voters.csv leave them out.',
      '- https:\u2060//github.com/o/r/pull/9 changes more than 3000 files: not counted toward ci',
      '- include of old-friend expired on 2024-01-01 and is ignored'
    ])
  })

  it('says how many reviews the late-approvals rule set aside, also none, and nothing when it is off', () => {
    const on = (n: number) => meta({ config: configSchema.parse({ reviews: { 'late-approvals': n } }) })
    expect(summaryMarkdown(electorate({ lateApprovalsSetAside: 2 }), on(3), emails)).toContain(
      '`reviews.late-approvals` rule on (3): 2 reviews set aside (bare approvals submitted after 3 or more other people had approved the pull request).'
    )
    expect(summaryMarkdown(electorate(), on(2), emails)).toContain(
      '`reviews.late-approvals` rule on (2): 0 reviews set aside'
    )
    expect(summaryMarkdown(electorate(), meta(), emails)).not.toContain('late-approvals')
  })

  it('hides emails in warnings when emails are not included', () => {
    const text = summaryMarkdown(
      electorate({ warnings: ['ghost@example.net (Ghost) is linked to no account'] }),
      meta(),
      { includeEmails: false }
    )
    expect(text).not.toContain('ghost@example.net')
    expect(text).toContain('by name only (emails not included)')
  })

  it('states the API use', () => {
    expect(summaryMarkdown(electorate(), meta(), emails)).toContain('12 requests, 15 points.')
  })

  it('shows a short electorate openly, with links and escaped names', () => {
    const people = [
      person('alice', { name: 'Alice | <b>Boss</b>', score: 12 }),
      person('bob', {
        name: '[click](http://evil.example)',
        qualifiedBy: 'include: voted | in',
        score: 0.1 + 0.2
      })
    ]
    const text = summaryMarkdown(electorate({ people }), meta(), emails)
    expect(text).not.toContain('<details>')
    expect(text).toContain('## Electorate (2 people)')
    expect(text).toContain(
      '| [alice](https://github.com/alice) | Alice \\| \\<b\\>Boss\\</b\\> | 12 | commits\\>=1 |'
    )
    expect(text).toContain(
      '| [bob](https://github.com/bob) | \\[click\\]\\(http:\u2060//evil.example\\) | 0.3 | include: voted \\| in |'
    )
    const electorateRows = text
      .split('\n')
      .filter(line => line.startsWith('| ['))
      .map(line => line.split(' | ').length)
    expect(electorateRows).toEqual([4, 4])
  })

  it('folds an electorate longer than 20 rows', () => {
    const people = Array.from({ length: 21 }, (_, index) => person(`p${String(index).padStart(2, '0')}`))
    const text = summaryMarkdown(electorate({ people }), meta(), emails)
    expect(text).toContain('<details><summary>Electorate (21 people)</summary>\n\n| login |')
    expect(text.trimEnd().endsWith('</details>')).toBe(true)
    expect(text).toContain('[p20](https://github.com/p20)')
  })

  it('does not fold exactly 20 rows', () => {
    const people = Array.from({ length: 20 }, (_, index) => person(`p${index}`))
    expect(summaryMarkdown(electorate({ people }), meta(), emails)).not.toContain('<details>')
  })
})
