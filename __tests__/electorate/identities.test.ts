import { describe, expect, it } from 'vitest'
import { resolveIdentities } from '../../src/electorate/identities.js'
import { author, bot, config, gathered, pr, user } from './make.js'

describe('resolveIdentities', () => {
  const none = gathered([])

  it('credits a User to its own login and a Bot, a deleted account or an Organization to nobody', () => {
    const identities = resolveIdentities(none, config())
    expect(identities.personOf(user('alice'))).toBe('alice')
    expect(identities.personOf(bot('dependabot'))).toBeNull()
    expect(identities.personOf(null)).toBeNull()
    expect(identities.personOf({ login: 'org', type: 'Organization' })).toBeNull()
  })

  it('credits nobody for logins in exclude.bots, whatever their case', () => {
    const identities = resolveIdentities(none, config({ exclude: { bots: ['Kata-CI'] } }))
    expect(identities.personOf(user('kata-ci'))).toBeNull()
    expect(identities.personOfCommitAuthor(author('KATA-CI'))).toBeNull()
  })

  it('credits an alias to its primary, case-insensitively', () => {
    const identities = resolveIdentities(none, config({ aliases: { alice: ['alice-work'] } }))
    expect(identities.personOf(user('Alice-Work'))).toBe('alice')
    expect(identities.loginsOf('alice')).toEqual(['alice', 'alice-work'])
  })

  it("spells the primary as GitHub does, not as the config's author typed it", () => {
    const g = gathered([pr(1, user('AliceB'))])
    const identities = resolveIdentities(g, config({ aliases: { aliceb: ['alice-work'] } }))
    expect(identities.personOf(user('alice-work'))).toBe('AliceB')
    expect(identities.personOf(user('aliceb'))).toBe('AliceB')
  })

  it('prefers the profile spelling over the records', () => {
    const g = gathered([pr(1, user('bob'))], [{ login: 'Bob', name: '', email: '' }])
    expect(resolveIdentities(g, config()).personOf(user('bob'))).toBe('Bob')
  })

  it('maps a commit email that GitHub links to no account through emails:, case-insensitively', () => {
    const identities = resolveIdentities(none, config({ emails: { 'Carol@Example.com': 'carol' } }))
    expect(identities.personOfCommitAuthor(author(null, 'carol@example.COM'))).toBe('carol')
    expect(identities.isUnlinked(author(null, 'carol@example.com'))).toBe(false)
    expect(identities.isUnlinked(author(null, 'dave@example.com'))).toBe(true)
    expect(identities.personOfCommitAuthor(author(null, 'dave@example.com'))).toBeNull()
  })

  it('sends an emails: mapping through the aliases too', () => {
    const identities = resolveIdentities(none, config({ emails: { 'a@x.org': 'alice-work' }, aliases: { alice: ['alice-work'] } }))
    expect(identities.personOfCommitAuthor(author(null, 'a@x.org'))).toBe('alice')
  })
})
