import { effectiveWeights, type Config } from '../config/schema.js'
import type { Gathered, Profile } from '../records.js'
import { contactOf, ownCommitsByPerson } from './contact.js'
import { firstRuleHeld, ruleName } from './criteria.js'
import { exclusionRule } from './exclusions.js'
import type { Identities } from './identities.js'
import type { Include } from './includes.js'
import { type ActivitySpan, metricsByPerson, NO_METRICS } from './metrics.js'
import { caseInsensitiveOrder } from './order.js'
import { scoreOf } from './score.js'
import type { ContributionRecord, Electorate, Person } from './types.js'

/**
 * The rows of contributors.csv: every person with a counted item, every include entry in force,
 * each with status, `qualified_by` and the rule that excluded them, sorted by login.
 * `ruleCounts` lists the criteria in the order written, then one entry per include reason.
 */
export function listPeople(
  gathered: Gathered,
  config: Config,
  identities: Identities,
  evidence: ContributionRecord[],
  activity: Map<string, ActivitySpan>,
  includes: Include[]
): { people: Person[]; ruleCounts: Electorate['ruleCounts'] } {
  const metrics = metricsByPerson(evidence)
  const reasons = new Map<string, string>()
  for (const entry of includes) {
    const person = identities.personOfLogin(entry.login)
    if (person !== null && !reasons.has(person)) reasons.set(person, entry.reason)
  }
  const profiles = new Map(Object.values(gathered.profiles).map(p => [p.login.toLowerCase(), p]))
  const ownCommits = ownCommitsByPerson(gathered, identities)
  const weights = effectiveWeights(config)
  const ruleCounts = config.criteria.map(rule => ({ rule: ruleName(rule), count: 0 }))
  const includeCounts = new Map(includes.map(entry => [`include: ${entry.reason}`, 0]))
  const exclusionOf = exclusionRule(config.exclude)

  const people = [...new Set([...metrics.keys(), ...reasons.keys()])].sort(caseInsensitiveOrder).map(login => {
    const counts = metrics.get(login) ?? { ...NO_METRICS }
    const score = scoreOf(counts, weights)
    const logins = identities.loginsOf(login)
    const exclusion = exclusionOf(logins)
    const contact = contactOf(
      logins.map(l => profiles.get(l.toLowerCase())).filter((p): p is Profile => p !== undefined),
      ownCommits.get(login) ?? []
    )
    const held = exclusion === null ? firstRuleHeld({ ...counts, score }, config.criteria) : -1
    const reason = reasons.get(login)
    let qualifiedBy = ''
    if (held !== -1) {
      qualifiedBy = ruleName(config.criteria[held])
      ruleCounts[held].count++
    } else if (exclusion === null && reason !== undefined) {
      qualifiedBy = `include: ${reason}`
      includeCounts.set(qualifiedBy, (includeCounts.get(qualifiedBy) ?? 0) + 1)
    }
    const person: Person = {
      login,
      ...contact,
      score,
      metrics: counts,
      qualifiedBy,
      firstActivity: activity.get(login)?.first ?? '',
      lastActivity: activity.get(login)?.last ?? '',
      profileUrl: `https://github.com/${login}`,
      status: exclusion !== null ? 'excluded' : qualifiedBy !== '' ? 'qualified' : 'not-qualified',
      note: exclusion ?? ''
    }
    return person
  })
  for (const [rule, count] of includeCounts) ruleCounts.push({ rule, count })
  return { people, ruleCounts }
}

/** The roll: the people who qualified, in the order given. */
export function qualifiedOf(people: readonly Person[]): Person[] {
  return people.filter(person => person.status === 'qualified')
}
