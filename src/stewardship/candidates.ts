import { caseInsensitiveOrder } from '../electorate/order.js'
import type { Config } from '../config/schema.js'
import { shortfall } from '../electorate/criteria.js'
import type { Identities } from '../electorate/identities.js'
import { NO_METRICS } from '../electorate/metrics.js'
import type { Electorate, MetricCounts } from '../electorate/types.js'
import { formatScore } from '../output/csv.js'

/** A row of candidates.csv: a person standing for election and whether they may. */
export interface Candidate {
  /** As GitHub spells it (the person's primary login when an alias was named). */
  login: string
  eligible: boolean
  qualifiedBy: string
  score: number
  metrics: MetricCounts
  /** `metric have < need` for each minimum the nearest rule misses, `;`-separated; '' when eligible. */
  shortfall: string
}

/**
 * Each candidate measured like a voter: eligible exactly when they are on the roll. Someone with no
 * counted activity stands with zeros; an excluded person is not eligible, and the note says why.
 */
export function candidatesOf(
  logins: readonly string[],
  electorate: Electorate,
  identities: Identities,
  config: Config
): Candidate[] {
  const people = new Map(electorate.people.map(person => [person.login.toLowerCase(), person]))
  const rows = logins.map(login => {
    const key = identities.personOfLogin(login) ?? login.toLowerCase()
    const person = people.get(key.toLowerCase())
    const metrics = person?.metrics ?? { ...NO_METRICS }
    const score = person?.score ?? 0
    const lacking = shortfall({ ...metrics, score }, config.criteria, formatScore, ';')
    return {
      login: person?.login ?? login,
      eligible: person?.status === 'qualified',
      qualifiedBy: person?.qualifiedBy ?? '',
      score,
      metrics,
      shortfall: person?.status === 'excluded' ? `excluded (${person.note})` : lacking
    }
  })
  // Two accounts an alias joins are one candidate, under the primary login.
  const once = new Map(rows.map(row => [row.login.toLowerCase(), row]))
  return [...once.values()].sort((a, b) => caseInsensitiveOrder(a.login, b.login))
}
