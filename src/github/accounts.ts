import type { Profile } from '../records.js'
import type { GitHubClient } from './client.js'
import { accountsDocument, LOGINS_PER_QUERY } from './queries/accounts.js'

interface UserNode {
  login: string
  name: string | null
  email: string | null
}

/**
 * The User account behind each login, as GitHub spells it today with its public name and email, or null
 * where GitHub knows no such user. Keyed by each login as given; logins that differ only in case are
 * asked once.
 */
export async function lookUpAccounts(
  logins: readonly string[],
  client: GitHubClient
): Promise<Map<string, Profile | null>> {
  const unique = [...new Set(logins.map(login => login.toLowerCase()))]
  const found = new Map<string, Profile | null>()
  for (let start = 0; start < unique.length; start += LOGINS_PER_QUERY) {
    const batch = unique.slice(start, start + LOGINS_PER_QUERY)
    const variables = Object.fromEntries(batch.map((login, i) => [`login${i}`, login]))
    const data = await client.query<Record<string, UserNode | null>>(
      accountsDocument(batch.length),
      variables,
      `accounts ${batch[0]}${batch.length > 1 ? ` and ${batch.length - 1} more` : ''}`,
      { notFoundIsNull: true }
    )
    batch.forEach((login, i) => {
      const user = data[`u${i}`]
      found.set(login, user ? { login: user.login, name: user.name ?? '', email: user.email ?? '' } : null)
    })
  }
  return new Map(logins.map(login => [login, found.get(login.toLowerCase()) ?? null]))
}
