import { lookUpAccounts } from '../github/accounts.js'
import type { GitHubClient } from '../github/client.js'
import { type Logger, UsageError } from '../options.js'

/**
 * The candidates, each once, as GitHub spells them. A login GitHub does not know is a usage error: a
 * typo must not list someone as ineligible who would be. Without a token (a re-score) they stay as given.
 */
export async function candidateLogins(
  given: readonly string[],
  client: GitHubClient | undefined,
  log: Logger
): Promise<string[]> {
  const logins = given.filter(
    (login, i) => given.findIndex(l => l.toLowerCase() === login.toLowerCase()) === i
  )
  if (logins.length === 0) return []
  if (!client) {
    log.warning(`candidates: no token to check ${logins.join(', ')} on GitHub; taken as written`)
    return logins
  }
  const found = await lookUpAccounts(logins, client)
  const unknown = logins.filter(login => found.get(login) === null)
  if (unknown.length > 0)
    throw new UsageError(`candidates: GitHub knows no user ${unknown.map(login => `'${login}'`).join(', ')}`)
  return logins.map(login => found.get(login)!.login)
}
