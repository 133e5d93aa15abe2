import type { LoadedConfig } from './config/load.js'
import { accountsNamed } from './config/named-accounts.js'
import { configError, formatPath } from './config/problems.js'
import { lookUpAccounts } from './github/accounts.js'
import type { GitHubClient } from './github/client.js'
import type { Gathered, Profile } from './records.js'

/**
 * The profiles of the people the config names, as GitHub has them today. A login GitHub does not
 * know is a config error naming its line: a typo would otherwise put a non-existent account on the roll.
 */
export async function profilesOfNamedAccounts(
  loaded: LoadedConfig,
  client: GitHubClient
): Promise<Profile[]> {
  const named = accountsNamed(loaded)
  if (named.length === 0) return []
  const found = await lookUpAccounts(
    named.map(account => account.login),
    client
  )
  const unknown = named.filter(account => found.get(account.login) === null)
  if (unknown.length > 0) {
    throw configError(
      loaded.path ?? 'config',
      unknown.map(account => ({
        line: account.line,
        text: `${formatPath(account.path)}: no GitHub account '${account.login}'`
      }))
    )
  }
  const people = new Set(named.filter(account => account.person).map(account => account.login))
  return [...people].map(login => found.get(login)!)
}

/** Profiles looked up for the config's people, in place of what the records carried for them. */
export function withProfiles(gathered: Gathered, profiles: Profile[]): Gathered {
  if (profiles.length === 0) return gathered
  const byKey = new Map(profiles.map(profile => [profile.login.toLowerCase(), profile]))
  const kept = Object.entries(gathered.profiles).filter(([login]) => !byKey.has(login.toLowerCase()))
  return {
    ...gathered,
    profiles: Object.fromEntries([...kept, ...profiles.map(profile => [profile.login, profile] as const)])
  }
}

/** A re-score without a token: the config's people whose profiles the records lack, in a warning each. */
export function missingProfileWarnings(loaded: LoadedConfig, gathered: Gathered): string[] {
  const have = new Set(Object.keys(gathered.profiles).map(login => login.toLowerCase()))
  const missing = new Set(
    accountsNamed(loaded)
      .filter(account => account.person && !have.has(account.login.toLowerCase()))
      .map(account => account.login)
  )
  return [...missing].map(
    login =>
      `no profile of ${login} (named in the config) in the records, and no token to look it up: ` +
      'their name and public email are left out'
  )
}
