// Two accounts an alias joins are one person: one active holder of a repository's keys, one candidate.
import { describe, expect, it } from 'vitest'
import { buildElectorate } from '../../src/electorate/electorate.js'
import { resolveIdentities } from '../../src/electorate/identities.js'
import type { AccessFacts } from '../../src/records.js'
import { accessOf } from '../../src/stewardship/access.js'
import { candidatesOf } from '../../src/stewardship/candidates.js'
import { author, commit, config, gathered, REPO } from '../electorate/make.js'

const cfg = config({ aliases: { alice: ['alice-work'] } })
const data = gathered([commit([author('alice')]), commit([author('alice-work')]), commit([author('bob')])])
const electorate = buildElectorate(data, cfg)
const identities = resolveIdentities(data, cfg)

describe('with an alias', () => {
  it('counts the two accounts of one person as one active admin: the repository is thinly held', () => {
    const facts: AccessFacts = {
      organizations: [],
      collaborators: [
        { repository: REPO, login: 'alice', permission: 'ADMIN' },
        { repository: REPO, login: 'alice-work', permission: 'ADMIN' }
      ]
    }
    const findings = accessOf(facts, [REPO], electorate, identities)
    expect(findings.rows.map(r => [r.login, r.active])).toEqual([
      ['alice', true],
      ['alice-work', true]
    ])
    expect(findings.thinlyHeld).toEqual([{ repository: REPO, activeHolders: ['alice'] }])
    // A second person makes two.
    const two = accessOf(
      {
        ...facts,
        collaborators: [...facts.collaborators, { repository: REPO, login: 'bob', permission: 'MAINTAIN' }]
      },
      [REPO],
      electorate,
      identities
    )
    expect(two.thinlyHeld).toEqual([])
  })

  it('lists a person named by both accounts once, as the primary login', () => {
    const rows = candidatesOf(['alice-work', 'Alice', 'bob'], electorate, identities, cfg)
    expect(rows.map(r => r.login)).toEqual(['alice', 'bob'])
  })
})
