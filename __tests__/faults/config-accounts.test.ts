// Accounts the config names (include, aliases, exclude.logins) are looked up on GitHub: a typo must
// not put a non-existent account on the roll, and an included person with no activity still gets a
// name and an address.
import { describe, expect, it } from 'vitest'
import { createCliLogger } from '../../src/cli-logger.js'
import { lookUpAccounts } from '../../src/github/accounts.js'
import { createGitHubClient } from '../../src/github/client.js'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { errorLines, NOW, runElectorate, TOKEN } from './harness.js'

function worldWithQuietUser(): World {
  const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  // An account that did nothing in the window: only the lookup can know its profile.
  world.users.push({
    login: 'Quiet-Voter',
    type: 'User',
    name: 'Quiet Voter',
    email: 'quiet@example.org',
    createdAt: '2020-01-01T00:00:00Z'
  })
  return world
}

const CONFIG = '--config'

describe('accounts named in the config', () => {
  it('are looked up in one batched query: GitHub spelling, name and email, or null', async () => {
    const world = worldWithQuietUser()
    const github = await startFakeGitHub({ world, token: TOKEN })
    try {
      const client = createGitHubClient({
        url: github.url,
        token: TOKEN,
        log: createCliLogger({ debug: false, redact: text => text })
      })
      const found = await lookUpAccounts(['quiet-voter', 'no-such-account-x', 'QUIET-VOTER'], client)
      expect([...found]).toEqual([
        ['quiet-voter', { login: 'Quiet-Voter', name: 'Quiet Voter', email: 'quiet@example.org' }],
        ['no-such-account-x', null],
        ['QUIET-VOTER', { login: 'Quiet-Voter', name: 'Quiet Voter', email: 'quiet@example.org' }]
      ])
      expect(github.log).toHaveLength(1)
    } finally {
      await github.close()
    }
  })

  it('fail the run with exit 2 naming an unknown login and its config line', async () => {
    const config =
      'include:\n  - login: quiet-voter\n    reason: x\nexclude:\n  logins: [no-such-account-x]\n'
    const run = await runElectorate(worldWithQuietUser(), {
      args: [CONFIG, 'electorate.yml'],
      files: { 'electorate.yml': config }
    })
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).toMatch(
      /electorate\.yml:5: exclude\.logins\[0\]: no GitHub account 'no-such-account-x'/
    )
    expect(errorLines(run.stderr)).toHaveLength(1)
    expect(run.files.has('electorate.csv')).toBe(false)
  })

  it('an included person with no activity gets the profile and the spelling GitHub has', async () => {
    const config = 'include:\n  - login: quiet-voter\n    reason: officials decided\n'
    const run = await runElectorate(worldWithQuietUser(), {
      args: [CONFIG, 'electorate.yml'],
      files: { 'electorate.yml': config }
    })
    expect(run.code, run.stderr).toBe(0)
    const roll = run.files.get('electorate.csv')!.toString('utf8')
    const row = roll.split('\r\n').find(line => /^quiet-voter,/i.test(line))
    expect(row).toMatch(/^Quiet-Voter,Quiet Voter,quiet@example\.org,/)
    expect(run.files.get('civs-voters.txt')!.toString('utf8')).toContain('quiet@example.org\n')
  })
})
