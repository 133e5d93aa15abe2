import { lookUpAccounts } from '../github/accounts.js'
import type { GitHubClient } from '../github/client.js'
import { UsageError } from '../options.js'
import { type Gathered, loginsIn } from '../records.js'

/**
 * The candidates, each once, as GitHub spells them. A login GitHub does not know is a usage error: a
 * typo must not list someone as ineligible who would be. Without a token (a re-score) they stay as given,
 * and uncheckedCandidates says which of them nothing vouches for.
 */
export async function candidateLogins(
  given: readonly string[],
  client: GitHubClient | undefined
): Promise<string[]> {
  const logins = given.filter(
    (login, i) => given.findIndex(l => l.toLowerCase() === login.toLowerCase()) === i
  )
  if (logins.length === 0) return []
  if (!client) return logins
  const found = await lookUpAccounts(logins, client)
  const unknown = logins.filter(login => found.get(login) === null)
  if (unknown.length > 0)
    throw new UsageError(`candidates: GitHub knows no user ${unknown.map(login => `'${login}'`).join(', ')}`)
  return logins.map(login => found.get(login)!.login)
}

/**
 * Without a token, the candidates the records know nothing of: a typo cannot be told from a person with
 * no activity, so the report names them rather than passing them as "not eligible" in silence.
 */
export function uncheckedCandidates(candidates: readonly string[], gathered: Gathered): string[] {
  if (candidates.length === 0) return []
  const known = new Set(
    [...loginsIn(gathered.records), ...Object.keys(gathered.profiles)].map(login => login.toLowerCase())
  )
  const unknown = candidates.filter(login => !known.has(login.toLowerCase()))
  if (unknown.length === 0) return []
  return [
    `candidates: ${unknown.map(login => `'${login}'`).join(', ')} ${unknown.length === 1 ? 'has' : 'have'} ` +
      'no activity in the records and could not be checked on GitHub (no token): a misspelled login ' +
      'would read as not eligible; check the spelling, or run with a token'
  ]
}
