import type { Gathered } from '../records.js'
import type { Identities } from './identities.js'
import { inWindow } from './instants.js'
import { caseInsensitiveOrder } from './order.js'
import type { UnlinkedIdentity } from './types.js'

/**
 * Commit identities that no account and no `emails:` entry claims, one per email
 * (case-insensitive), so that officials can map them instead of losing their commits silently.
 */
export function unlinkedIdentities(gathered: Gathered, identities: Identities): UnlinkedIdentity[] {
  const byEmail = new Map<string, { newest: { at: string; url: string; email: string; name: string }; oids: Set<string> }>()
  const isInTheWindow = inWindow(gathered)
  for (const record of gathered.records) {
    if (record.kind !== 'commit' || record.parents > 1 || !isInTheWindow(record.at)) continue
    for (const author of record.authors) {
      if (!identities.isUnlinked(author)) continue
      const seen = { at: record.at, url: record.url, email: author.email, name: author.name }
      const identity = byEmail.get(author.email.toLowerCase())
      if (identity === undefined) byEmail.set(author.email.toLowerCase(), { newest: seen, oids: new Set([record.oid.toLowerCase()]) })
      else {
        identity.oids.add(record.oid.toLowerCase())
        if (isNewer(seen, identity.newest)) identity.newest = seen
      }
    }
  }
  return [...byEmail.values()]
    .map(({ newest, oids }) => ({ email: newest.email, name: newest.name, commits: oids.size, exampleUrl: newest.url }))
    // By name: when emails are not written (or are hashes), an order by email would look random.
    .sort((a, b) => caseInsensitiveOrder(a.name, b.name) || caseInsensitiveOrder(a.email, b.email))
}

function isNewer(a: { at: string; url: string }, b: { at: string; url: string }): boolean {
  const difference = Date.parse(a.at) - Date.parse(b.at)
  return difference > 0 || (difference === 0 && a.url < b.url)
}
