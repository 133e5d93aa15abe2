import { qualifiedOf } from '../electorate/people.js'
import type { Config } from '../config/schema.js'
import { shortfall } from '../electorate/criteria.js'
import { hasExpired } from '../electorate/includes.js'
import { NO_METRICS } from '../electorate/metrics.js'
import { caseInsensitiveOrder } from '../electorate/order.js'
import type { Electorate, MetricCounts, Person } from '../electorate/types.js'
import { METRICS } from '../records.js'
import { formatScore, toCsv } from './csv.js'

/**
 * `respelled`: in both rolls, but GitHub now spells the login in another case (the account was
 * renamed). Neither added nor removed, yet listed: Elekto matches logins case-sensitively.
 */
export type Change = 'added' | 'removed' | 'respelled'

/** A row of changes.csv: the login as the new roll spells it (as the old one did for removed people). */
export interface RollChange {
  login: string
  change: Change
  reason: string
  score: number
  metrics: MetricCounts
}

const key = (login: string) => login.toLowerCase()

/** Who joined and who left the roll since `previous`, compared case-insensitively by login, and why. */
export function rollChanges(
  previous: readonly string[],
  electorate: Electorate,
  context: { config: Config; until: string }
): RollChange[] {
  const byLogin = new Map(electorate.people.map(person => [key(person.login), person]))
  const qualified = qualifiedOf(electorate.people)
  const before = new Map(previous.map(login => [key(login), login]))
  const changes: RollChange[] = []
  const row = (login: string, change: Change, reason: string, person?: Person): RollChange => ({
    login,
    change,
    reason,
    score: person?.score ?? 0,
    metrics: person?.metrics ?? { ...NO_METRICS }
  })

  for (const person of qualified) {
    const old = before.get(key(person.login))
    if (old === undefined) changes.push(row(person.login, 'added', person.qualifiedBy, person))
    else if (old !== person.login) changes.push(row(person.login, 'respelled', `was ${old}`, person))
  }
  const stillIn = new Set(qualified.map(person => key(person.login)))
  for (const login of previous) {
    if (stillIn.has(key(login))) continue
    const person = byLogin.get(key(login))
    changes.push(row(login, 'removed', whyRemoved(login, person, context), person))
  }
  return changes.sort((a, b) => caseInsensitiveOrder(a.login, b.login))
}

function whyRemoved(login: string, person: Person | undefined, context: { config: Config; until: string }) {
  const { config } = context
  const primary = Object.entries(config.aliases).find(([, others]) => others.some(o => key(o) === key(login)))
  if (primary !== undefined) return `merged into ${primary[0]} (aliases)`
  if (config.exclude.bots.some(bot => key(bot) === key(login))) return 'listed in exclude.bots'
  if (person?.status === 'excluded') return `excluded: ${person.note}`

  const expiredInclude = config.include.find(
    entry => key(entry.login) === key(login) && hasExpired(entry, context.until)
  )
  const reasons: string[] = []
  if (expiredInclude !== undefined) reasons.push(`include expired on ${expiredInclude.expires}`)
  if (person === undefined || person.firstActivity === '') reasons.push('no activity in the window')
  else {
    const lacking = shortfall({ ...person.metrics, score: person.score }, config.criteria, formatScore)
    reasons.push(`not qualified: ${lacking}`)
  }
  return reasons.join('; ')
}

export const CHANGES_COLUMNS = ['login', 'change', 'reason', 'score', ...METRICS] as const

/** changes.csv: every row carries the person's metrics in this run (zeros for someone with none). */
export function changesCsv(changes: readonly RollChange[]): string {
  return toCsv(
    CHANGES_COLUMNS,
    changes.map(change => [
      change.login,
      change.change,
      change.reason,
      change.score,
      ...METRICS.map(metric => change.metrics[metric])
    ])
  )
}
