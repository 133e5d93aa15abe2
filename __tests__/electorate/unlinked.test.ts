import { describe, expect, it } from 'vitest'
import { resolveIdentities } from '../../src/electorate/identities.js'
import { unlinkedIdentities } from '../../src/electorate/unlinked.js'
import { author, commit, config, gathered } from './make.js'

const unlinked = (records: ReturnType<typeof commit>[], emails = {}) =>
  unlinkedIdentities(gathered(records), resolveIdentities(gathered(records), config({ emails })))

describe('unlinkedIdentities', () => {
  it('lists an unmapped email once with its newest name, distinct non-merge commits and an example', () => {
    const newest = commit([author(null, 'Dev@x.org', 'Dev New')], { at: '2024-05-01T00:00:00Z' })
    const records = [
      commit([author(null, 'dev@x.org', 'Dev Old')], { at: '2024-02-01T00:00:00Z' }),
      newest,
      commit([author(null, 'dev@x.org', 'Dev Merge')], { parents: 2, at: '2024-06-01T00:00:00Z' })
    ]
    expect(unlinked(records)).toEqual([{ email: 'Dev@x.org', name: 'Dev New', commits: 2, exampleUrl: newest.url }])
  })

  it('leaves out linked authors and emails mapped by emails:', () => {
    const records = [commit([author('alice'), author(null, 'a@x.org'), author(null, 'b@x.org')])]
    expect(unlinked(records, { 'a@x.org': 'alice' }).map(u => u.email)).toEqual(['b@x.org'])
  })

  it('leaves out commits outside the window', () => {
    expect(unlinked([commit([author(null, 'b@x.org')], { at: '2023-06-01T00:00:00Z' })])).toEqual([])
  })
})
