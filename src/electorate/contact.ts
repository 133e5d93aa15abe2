import type { CommitAuthor, Gathered, Profile, SignOff } from '../records.js'
import type { Identities } from './identities.js'
import { inWindow } from './instants.js'
import { byCodeUnits, caseInsensitiveOrder } from './order.js'

/** A counted commit seen from one of its authors: the person's own name and email in it. */
export interface OwnCommit {
  at: string
  /** `at` parsed once: a busy person's thousands of commits are compared many times when sorted. */
  time: number
  url: string
  author: CommitAuthor
  signoffs: SignOff[]
}

export interface Contact {
  name: string
  email: string
  otherEmails: string[]
}

const NOREPLY = /@users\.noreply\.github\.com$/i

/** Each person's own commits (counted ones: in the window, not merges), newest first. */
export function ownCommitsByPerson(gathered: Gathered, identities: Identities): Map<string, OwnCommit[]> {
  const own = new Map<string, OwnCommit[]>()
  const isInTheWindow = inWindow(gathered)
  for (const record of gathered.records) {
    if (record.kind !== 'commit' || record.parents > 1 || !isInTheWindow(record.at)) continue
    for (const author of record.authors) {
      const person = identities.personOfCommitAuthor(author)
      if (person === null) continue
      const commits = own.get(person) ?? []
      commits.push({
        at: record.at,
        time: Date.parse(record.at),
        url: record.url,
        author,
        signoffs: record.signoffs
      })
      own.set(person, commits)
    }
  }
  for (const commits of own.values()) commits.sort((a, b) => b.time - a.time || byUrl(a, b))
  return own
}

/**
 * Name and emails, in the contract's order of preference: the profile first; then the newest
 * commit author email that is not a GitHub noreply address; then a `Signed-off-by:` email whose
 * name is the author's own. Every other such email goes to `otherEmails`.
 * @param profiles the person's profiles, the person's own login first, then its aliases
 * @param commits the person's own commits newest first, as ownCommitsByPerson gives them
 */
export function contactOf(profiles: Profile[], commits: OwnCommit[]): Contact {
  const name = profiles.find(profile => profile.name !== '')?.name ?? commits.find(c => c.author.name !== '')?.author.name ?? ''
  const candidates = [
    ...profiles.map(profile => profile.email),
    ...commits.map(commit => commit.author.email),
    ...commits.flatMap(commit => commit.signoffs.filter(s => sameName(s.name, commit.author.name)).map(s => s.email))
  ]
  const emails = new Map<string, string>()
  // A person's commits repeat a few addresses thousands of times: each is looked at once.
  for (const email of new Set(candidates.map(e => e.trim()))) {
    if (email.includes('@') && !NOREPLY.test(email) && !emails.has(email.toLowerCase()))
      emails.set(email.toLowerCase(), email)
  }
  const [email = '', ...others] = emails.values()
  return { name, email, otherEmails: others.sort(caseInsensitiveOrder) }
}

const sameName = (a: string, b: string) => a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase()

const byUrl = (a: OwnCommit, b: OwnCommit) => byCodeUnits(a.url, b.url)
