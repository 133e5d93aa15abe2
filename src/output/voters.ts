import { hasBallotAddress } from '../electorate/ballot-addresses.js'
import { qualifiedOf } from '../electorate/people.js'
import type { Person } from '../electorate/types.js'
import { csvRecord, formatTime } from './csv.js'

/** Where the roll came from, for the comment atop voters.yaml. */
export interface RollOrigin {
  organization: string
  since: string
  until: string
  toolVersion: string
}

/**
 * voters.yaml for Elekto: `eligible_voters:` with every qualified login exactly as GitHub spells it,
 * in the order of electorate.csv. Every login is double-quoted: YAML 1.1 readers such as PyYAML take
 * bare `no`, `on`, `y` or `1e5` for booleans and numbers, and GitHub allows such logins.
 */
export function votersYaml(people: readonly Person[], origin: RollOrigin): string {
  const logins = qualifiedOf(people).map(person => person.login)
  const header = [
    `# Eligible voters of ${origin.organization}: ${logins.length} qualified people, activity from`,
    `# ${formatTime(origin.since)} until ${formatTime(origin.until)} (exclusive). Written by electorate ${origin.toolVersion}.`
  ]
  const list = logins.length === 0 ? ['eligible_voters: []'] : ['eligible_voters:', ...logins.map(quoted)]
  return `${[...header, ...list].join('\n')}\n`
}

// JSON strings are YAML double-quoted scalars; logins need no escape, but nothing else can slip in either.
const quoted = (login: string) => `  - ${JSON.stringify(login)}`

/** The qualified people's addresses (the `email` column), one a line: what CIVS takes for a private poll. */
export function civsVoters(people: readonly Person[]): string {
  return qualifiedOf(people)
    .filter(hasBallotAddress)
    .map(person => `${person.email}\n`)
    .join('')
}

/**
 * A name as Helios shows it on the ballot and in its emails: no control or format characters (NUL,
 * ESC sequences, bidi overrides that would turn the text around), whitespace runs as one space.
 */
function plainName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}]/gu, match => (/\s/.test(match) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim()
}

/** The fields of a line of helios-voters.csv, which has no header row. */
export const HELIOS_FIELDS = ['password', 'login', 'email', 'name'] as const

/**
 * Helios's bulk voter upload: `password,<voter id>,<email>,<name>` a line, no header row (Helios
 * would take it for a voter). The login is the voter id; the name falls back to it.
 */
export function heliosVoters(people: readonly Person[]): string {
  return qualifiedOf(people)
    .filter(hasBallotAddress)
    .map(person =>
      csvRecord(['password', person.login, person.email, plainName(person.name) || person.login], '\n')
    )
    .join('')
}

export const HELIOS_GITHUB_VOTERS = 'helios-github-voters.csv'

/**
 * Helios's bulk upload with GitHub sign-in: `github,<login>` a line, no header row and no email, so a
 * public run can feed Helios too. Helios reads a voter of type `github` by the login alone (the email
 * and name default to it) and matches it case-insensitively when the voter signs in.
 */
export function heliosGithubVoters(people: readonly Person[]): string {
  return qualifiedOf(people)
    .map(person => csvRecord(['github', person.login], '\n'))
    .join('')
}

/** How many qualified people have no email, so cannot be invited through CIVS or Helios. */
export function qualifiedWithoutEmail(people: readonly Person[]): number {
  return qualifiedOf(people).filter(person => person.email === '').length
}
