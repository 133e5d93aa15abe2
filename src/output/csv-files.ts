import { qualifiedOf } from '../electorate/people.js'
import type { ContributionRecord, Person, UnlinkedIdentity } from '../electorate/types.js'
import { METRICS } from '../records.js'
import { type Cell, formatTime, toCsv } from './csv.js'

// The columns are part of the contract (SPEC "Output folder"): officials' scripts read them by position.
const PERSON_COLUMNS = [
  'login',
  'name',
  'email',
  'other_emails',
  'score',
  ...METRICS,
  'qualified_by',
  'first_activity',
  'last_activity',
  'profile_url'
] as const
const EMAIL_COLUMNS = new Set<string>(['email', 'other_emails'])

export function personColumns(includeEmails: boolean): string[] {
  return PERSON_COLUMNS.filter(column => includeEmails || !EMAIL_COLUMNS.has(column))
}

/** contributors.csv: the person columns, then these. */
export function contributorColumns(includeEmails: boolean): string[] {
  return [...personColumns(includeEmails), 'status', 'note']
}

export const UNLINKED_COLUMNS = ['email', 'name', 'commits', 'example_url'] as const
export const EVIDENCE_COLUMNS = ['login', 'metric', 'repository', 'url', 'at'] as const

function personCells(person: Person, includeEmails: boolean): Cell[] {
  return [
    person.login,
    person.name,
    ...(includeEmails ? [person.email, person.otherEmails.join(';')] : []),
    person.score,
    ...METRICS.map(metric => person.metrics[metric]),
    person.qualifiedBy,
    formatTime(person.firstActivity),
    formatTime(person.lastActivity),
    person.profileUrl
  ]
}

/** electorate.csv: qualified people only, in the order the electorate gives (login, case-insensitive). */
export function electorateCsv(people: readonly Person[], includeEmails: boolean): string {
  const qualified = qualifiedOf(people)
  return toCsv(
    personColumns(includeEmails),
    qualified.map(person => personCells(person, includeEmails))
  )
}

/** contributors.csv: everyone, with status and note. */
export function contributorsCsv(people: readonly Person[], includeEmails: boolean): string {
  return toCsv(
    contributorColumns(includeEmails),
    people.map(person => [...personCells(person, includeEmails), person.status, person.note])
  )
}

/**
 * unlinked.csv, with the contract's columns always; without emails the email cells stay empty, and the
 * name and an example commit are what officials map the identity by.
 */
export function unlinkedCsv(unlinked: readonly UnlinkedIdentity[], includeEmails: boolean): string {
  return toCsv(
    UNLINKED_COLUMNS,
    unlinked.map(identity => [
      includeEmails ? identity.email : '',
      identity.name,
      identity.commits,
      identity.exampleUrl
    ])
  )
}

/** evidence.csv: one row per counted item. */
export function evidenceCsv(evidence: readonly ContributionRecord[]): string {
  return toCsv(
    EVIDENCE_COLUMNS,
    evidence.map(item => [item.login, item.metric, item.repository, item.url, formatTime(item.at)])
  )
}
