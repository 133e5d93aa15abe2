import { hideEmail } from '../email-privacy.js'
import type { Config } from '../config/schema.js'
import { loginsIn, type Actor, type CommitAuthor, type Gathered } from '../records.js'

/** Who each account's items are credited to, after `exclude.bots`, `aliases` and `emails`. */
export interface Identities {
  /** The person an actor's item is credited to; null for deleted accounts, bots and non-User accounts. */
  personOf(actor: Actor | null): string | null
  /** The person a login is credited to (a User login, as in `approvalsBefore` or `include`). */
  personOfLogin(login: string): string | null
  /** The person a commit author is credited to; through `emails:` when GitHub links no account. */
  personOfCommitAuthor(author: CommitAuthor): string | null
  /** A commit identity that GitHub links to no account and `emails:` does not map either. */
  isUnlinked(author: CommitAuthor): boolean
  /** Every login merged into the person (the person's own login first). */
  loginsOf(person: string): string[]
}

const key = (login: string) => login.toLowerCase()

export function resolveIdentities(gathered: Gathered, config: Config): Identities {
  const bots = new Set(config.exclude.bots.map(key))
  const primaryOf = new Map<string, string>()
  const aliasesOf = new Map<string, string[]>()
  for (const [primary, others] of Object.entries(config.aliases)) {
    aliasesOf.set(key(primary), others)
    for (const other of others) primaryOf.set(key(other), key(primary))
  }
  // Records gathered for a public artifact carry hashed addresses: an entry matches either form.
  const emails = new Map(
    Object.entries(config.emails).flatMap(([email, login]) => [
      [key(email), login],
      [hideEmail(email), login]
    ])
  )
  const spellings = spellingsOf(gathered, config)

  // Asked for every actor of every record: tens of thousands of times for a few thousand logins.
  const people = new Map<string, string | null>()
  const personOfLogin = (login: string): string | null => {
    if (people.has(login)) return people.get(login)!
    const primary = primaryOf.get(key(login)) ?? key(login)
    const person = bots.has(key(login)) || bots.has(primary) ? null : (spellings.get(primary) ?? login)
    people.set(login, person)
    return person
  }
  const mappedLogin = (author: CommitAuthor) => author.login ?? emails.get(key(author.email)) ?? null

  return {
    personOf: actor => (actor?.type === 'User' ? personOfLogin(actor.login) : null),
    personOfLogin,
    personOfCommitAuthor: author => {
      const login = mappedLogin(author)
      return login === null ? null : personOfLogin(login)
    },
    isUnlinked: author => mappedLogin(author) === null,
    loginsOf: person => [person, ...(aliasesOf.get(key(person)) ?? [])]
  }
}

/**
 * The spelling of each login, keyed by its lower case: GitHub's own (profiles, then records) wins
 * over the config's, which officials may have typed in another case.
 */
function spellingsOf(gathered: Gathered, config: Config): Map<string, string> {
  const seen: string[] = Object.values(gathered.profiles).map(profile => profile.login)
  seen.push(...loginsIn(gathered.records))
  seen.push(...Object.keys(config.aliases), ...Object.values(config.emails), ...config.include.map(i => i.login))
  const spellings = new Map<string, string>()
  for (const login of seen) if (!spellings.has(key(login))) spellings.set(key(login), login)
  return spellings
}
