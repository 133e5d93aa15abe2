import { describe, expect, it } from 'vitest'
import { contactOf, type OwnCommit } from '../../src/electorate/contact.js'
import { author } from './make.js'

const own = (at: string, name: string, email: string, signoffs: OwnCommit['signoffs'] = []): OwnCommit => ({
  at,
  time: Date.parse(at),
  url: `https://github.com/org/repo/commit/${at}`,
  author: author('alice', email, name),
  signoffs
})
const noreply = '1+alice@users.noreply.github.com'

describe('contactOf', () => {
  it('takes the profile name and email first, and lists the commit emails as other emails', () => {
    const contact = contactOf([{ login: 'alice', name: 'Alice A', email: 'alice@home.org' }], [own('2024-02-01T00:00:00Z', 'alice', 'a@work.com')])
    expect(contact).toEqual({ name: 'Alice A', email: 'alice@home.org', otherEmails: ['a@work.com'] })
  })

  it('otherwise takes the newest commit name and the newest commit email that is not noreply', () => {
    const commits = [
      own('2024-03-01T00:00:00Z', 'Alice New', noreply),
      own('2024-02-01T00:00:00Z', 'Alice Mid', 'mid@x.org'),
      own('2024-01-01T00:00:00Z', 'Alice Old', 'old@x.org')
    ]
    expect(contactOf([], commits)).toEqual({ name: 'Alice New', email: 'mid@x.org', otherEmails: ['old@x.org'] })
  })

  it('falls back on a Signed-off-by email whose name is the author name, case-insensitively', () => {
    const commit = own('2024-03-01T00:00:00Z', 'Alice A', noreply, [
      { name: 'Bob B', email: 'bob@x.org' },
      { name: 'alice a', email: 'alice@x.org' }
    ])
    expect(contactOf([], [commit])).toEqual({ name: 'Alice A', email: 'alice@x.org', otherEmails: [] })
  })

  it('is empty when nothing is known but noreply addresses', () => {
    expect(contactOf([], [own('2024-03-01T00:00:00Z', '', noreply)])).toEqual({ name: '', email: '', otherEmails: [] })
  })

  it('deduplicates other emails case-insensitively and sorts them', () => {
    const commits = [
      own('2024-04-01T00:00:00Z', 'a', 'main@x.org'),
      own('2024-03-01T00:00:00Z', 'a', 'Zed@x.org'),
      own('2024-02-01T00:00:00Z', 'a', 'zed@X.org'),
      own('2024-01-01T00:00:00Z', 'a', 'beta@x.org')
    ]
    expect(contactOf([], commits).otherEmails).toEqual(['beta@x.org', 'Zed@x.org'])
  })
})
