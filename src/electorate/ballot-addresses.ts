// A ballot goes to one address. Commit emails are whatever a committer typed, and git takes control
// characters, commas and spaces: in civs-voters.txt (one address a line) or helios-voters.csv a CR, LF or
// comma would turn one voter into two. Only an address that cannot be read as more than one reaches a
// ballot file; the person stays on the roll either way.
import { qualifiedOf } from './people.js'
import type { Person } from './types.js'

// Control characters (C0, DEL, C1), every kind of space and line or paragraph separator, and the
// characters that separate or quote addresses in mail headers and address lists.
const NOT_IN_AN_ADDRESS = /[\p{Cc}\p{Cf}\p{Z}\s,;:<>()[\]"\\]/u

/** Why `email` is not one address a ballot can go to, or undefined when it is. */
export function ballotAddressProblem(email: string): string | undefined {
  if (NOT_IN_AN_ADDRESS.test(email)) return 'holds a character that separates or breaks addresses'
  const parts = email.split('@')
  if (parts.length !== 2) return `holds ${parts.length - 1} "@" where an address has one`
  const [local, domain] = parts as [string, string]
  if (local === '' || domain === '') return 'lacks a name before or a domain after the "@"'
  if (domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) return 'has a malformed domain'
  return undefined
}

/** Whether the person's address may go into the ballot files. */
export const hasBallotAddress = (person: Person): boolean =>
  person.email !== '' && ballotAddressProblem(person.email) === undefined

/**
 * Warnings about the qualified people's addresses: each one left off the ballot files, and each address
 * two or more of them share (case-insensitively: CIVS would send them one ballot).
 */
export function ballotWarnings(people: readonly Person[]): string[] {
  const qualified = qualifiedOf(people).filter(person => person.email !== '')
  const warnings: string[] = []
  const byAddress = new Map<string, string[]>()
  for (const person of qualified) {
    const problem = ballotAddressProblem(person.email)
    if (problem !== undefined) {
      warnings.push(
        `${person.login}: the email ${JSON.stringify(person.email)} is not one address (it ${problem}): ` +
          'left out of civs-voters.txt and helios-voters.csv, still on the roll'
      )
      continue
    }
    const key = person.email.toLowerCase()
    byAddress.set(key, [...(byAddress.get(key) ?? []), person.login])
  }
  for (const [address, logins] of byAddress)
    if (logins.length > 1)
      warnings.push(
        `${logins.slice(0, -1).join(', ')} and ${logins.at(-1)} share the address ${address}: CIVS would ` +
          'send them one ballot'
      )
  return warnings
}
