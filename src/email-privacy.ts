import { createHash } from 'node:crypto'
import type { ActivityRecord, Gathered } from './records.js'

// Anyone can download a public repository's artifacts, and the records file travels in them. Where the
// outputs carry no emails, the records carry each address as its sha256 instead: the same address still
// matches itself (unlinked identities group the same way) and an `emails:` entry of the config, which is
// hashed the same way to compare, so the electorate is the same. That is a pseudonym, not a secret:
// whoever already knows an address can confirm it (the hash is Gravatar's), but no list of addresses
// can be read off the file. A salt would hide more and break offline matching of `emails:` entries.

// A committer may type anything as an address, `sha256:` before a real one too: only a hash passes as hidden.
const HIDDEN = /^sha256:[0-9a-f]{64}$/

/** `sha256:<hex>` of the lower-cased address (as identities compare them); '' and hashes stay as they are. */
export function hideEmail(email: string): string {
  if (email === '' || HIDDEN.test(email)) return email
  return `sha256:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`
}

/** hideEmail with a memory: a few thousand addresses recur across tens of thousands of commits. */
export function emailHider(): (email: string) => string {
  const hidden = new Map<string, string>()
  return email => {
    let hash = hidden.get(email)
    if (hash === undefined) hidden.set(email, (hash = hideEmail(email)))
    return hash
  }
}

/** The same gathering with every address hidden: commit authors and sign-offs hashed, profile emails dropped. */
export function withoutEmails(gathered: Gathered): Gathered {
  // Records read back hidden may still gain profiles with emails: those the config names, looked up anew.
  const profiles = Object.fromEntries(
    Object.entries(gathered.profiles).map(([login, profile]) => [login, { ...profile, email: '' }])
  )
  if (gathered.emails === 'hidden') return { ...gathered, profiles }
  const hide = emailHider()
  const recordWithoutEmails = (record: ActivityRecord): ActivityRecord =>
    record.kind !== 'commit'
      ? record
      : {
          ...record,
          authors: record.authors.map(author => ({ ...author, email: hide(author.email) })),
          signoffs: record.signoffs.map(signoff => ({ ...signoff, email: hide(signoff.email) }))
        }
  return {
    ...gathered,
    records: gathered.records.map(recordWithoutEmails),
    profiles,
    emails: 'hidden'
  }
}
