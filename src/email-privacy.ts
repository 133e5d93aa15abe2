import { createHash } from 'node:crypto'
import type { ActivityRecord, BranchFile, Gathered } from './records.js'

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

// Names are free text: some committers type their address as their name, or beside it, and some profiles.
const ADDRESS = /[^\s@<>()[\]"',;]+@[^\s@<>()[\]"',;]+\.[A-Za-z]{2,}/g

/** The text with every address in it replaced: names and warnings, where the outputs carry no emails. */
export const withoutAddresses = (text: string): string =>
  text.includes('@') ? text.replace(ADDRESS, '<email hidden>') : text

/** A commit author or sign-off as recorded where the records carry no addresses. */
export type PersonHider = <P extends { name: string; email: string }>(person: P) => P

/**
 * Address hashed, name without an address. Each address is hashed once: a few thousand recur across tens
 * of thousands of commits.
 */
export function personHider(): PersonHider {
  const hidden = new Map<string, string>()
  const hide = (email: string) => {
    let hash = hidden.get(email)
    if (hash === undefined) hidden.set(email, (hash = hideEmail(email)))
    return hash
  }
  return person => ({ ...person, name: withoutAddresses(person.name), email: hide(person.email) })
}

/** Profiles with their emails dropped and no address left in their names. */
export function profilesWithoutEmails(profiles: Gathered['profiles']): Gathered['profiles'] {
  return Object.fromEntries(
    Object.entries(profiles).map(([login, profile]) => [
      login,
      { ...profile, name: withoutAddresses(profile.name), email: '' }
    ])
  )
}

/**
 * The same gathering with every address hidden: commit authors and sign-offs hashed, profile emails
 * dropped, and no address left in any of their names or in the repositories' files.
 */
export function withoutEmails(gathered: Gathered): Gathered {
  // Records read back hidden may still gain profiles with emails: those the config names, looked up anew.
  const profiles = profilesWithoutEmails(gathered.profiles)
  // The repositories' own files travel in the records too: an owner by address, a job named after one.
  const files = gathered.files?.map(repository => ({
    ...repository,
    workflows: repository.workflows.map(fileWithoutAddresses),
    codeowners: repository.codeowners && fileWithoutAddresses(repository.codeowners)
  }))
  if (gathered.emails === 'hidden') return { ...gathered, profiles, ...(files && { files }) }
  const hide = personHider()
  const recordWithoutEmails = (record: ActivityRecord): ActivityRecord =>
    record.kind !== 'commit'
      ? record
      : { ...record, authors: record.authors.map(hide), signoffs: record.signoffs.map(hide) }
  return {
    ...gathered,
    records: gathered.records.map(recordWithoutEmails),
    profiles,
    ...(files && { files }),
    emails: 'hidden'
  }
}

const fileWithoutAddresses = (file: BranchFile): BranchFile =>
  file.text === null ? file : { ...file, text: withoutAddresses(file.text) }
