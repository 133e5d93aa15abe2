import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { contributorsCsv, electorateCsv, evidenceCsv, unlinkedCsv } from '../../src/output/csv-files.js'
import { electorate, person } from './electorate-fixture.js'

const header = (text: string) => text.split('\r\n')[0]
const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[]

describe('electorate.csv and contributors.csv', () => {
  it('has the contract columns, in order, with emails', () => {
    expect(header(electorateCsv([], true))).toBe(
      'login,name,email,other_emails,score,commits,merged_prs,reviews,triaged,issue_comments,ci,qualified_by,first_activity,last_activity,profile_url'
    )
    expect(header(contributorsCsv([], true))).toBe(
      'login,name,email,other_emails,score,commits,merged_prs,reviews,triaged,issue_comments,ci,qualified_by,first_activity,last_activity,profile_url,status,note'
    )
  })

  it('leaves both email columns out without emails, and no email anywhere', () => {
    const people = electorate().people
    const text = electorateCsv(people, false)
    expect(header(text)).toBe(
      'login,name,score,commits,merged_prs,reviews,triaged,issue_comments,ci,qualified_by,first_activity,last_activity,profile_url'
    )
    expect(header(contributorsCsv(people, false))).toBe(
      'login,name,score,commits,merged_prs,reviews,triaged,issue_comments,ci,qualified_by,first_activity,last_activity,profile_url,status,note'
    )
    expect(text + contributorsCsv(people, false)).not.toMatch(/@/)
  })

  it('lists qualified people only, in the order given', () => {
    const written = rows(electorateCsv(electorate().people, true))
    expect(written.map(row => row.login)).toEqual(['alice', 'Bob'])
    expect(written[0]).toMatchObject({
      email: 'alice@example.org',
      other_emails: 'alice@work.example;a@home.example',
      score: '7.5',
      commits: '3',
      merged_prs: '2',
      reviews: '4',
      qualified_by: 'commits>=1',
      last_activity: '2024-09-30T23:59:59Z',
      profile_url: 'https://github.com/alice'
    })
  })

  it('lists everyone in contributors.csv with status and note', () => {
    const written = rows(contributorsCsv(electorate().people, true))
    expect(written.map(row => [row.login, row.status, row.note])).toEqual([
      ['alice', 'qualified', ''],
      ['Bob', 'qualified', ''],
      ['carol', 'not-qualified', ''],
      ['dependabot-like', 'excluded', 'exclude.patterns: *-like']
    ])
  })

  it('reads back hostile names guarded and awkward names unchanged', () => {
    const names = ['=HYPERLINK("http://evil.example")', '+1', '-2', '@x', '\tx', '\rx', 'Ö, "Q"\nZ']
    const people = names.map((name, index) => person(`p${index}`, { name }))
    const written = rows(electorateCsv(people, true)).map(row => row.name)
    expect(written).toEqual([...names.slice(0, 6).map(name => `'${name}`), 'Ö, "Q"\nZ'])
  })

  it('writes an include with no activity with empty times', () => {
    const included = person('dora', {
      firstActivity: '',
      lastActivity: '',
      qualifiedBy: 'include: maintainer'
    })
    expect(rows(electorateCsv([included], true))[0]).toMatchObject({
      first_activity: '',
      last_activity: '',
      qualified_by: 'include: maintainer'
    })
  })
})

describe('unlinked.csv', () => {
  it('lists emails when they are included', () => {
    const text = unlinkedCsv(electorate().unlinked, true)
    expect(text).toBe(
      'email,name,commits,example_url\r\nghost@example.net,Ghost Writer,2,https://github.com/o/r/commit/1\r\n'
    )
  })

  it('keeps the email column, empty, when emails are not included', () => {
    expect(unlinkedCsv(electorate().unlinked, false)).toBe(
      'email,name,commits,example_url\r\n,Ghost Writer,2,https://github.com/o/r/commit/1\r\n'
    )
  })

  it('is a header alone when every identity is linked', () => {
    expect(unlinkedCsv([], true)).toBe('email,name,commits,example_url\r\n')
  })
})

describe('evidence.csv', () => {
  it('has one row per item with times to the second', () => {
    expect(evidenceCsv(electorate().evidence)).toBe(
      'login,metric,repository,url,at\r\n' +
        'alice,commits,o/r,https://github.com/o/r/commit/2,2024-03-01T10:00:00Z\r\n' +
        'Bob,reviews,o/r,https://github.com/o/r/pull/3,2024-04-01T00:00:00Z\r\n'
    )
  })
})
