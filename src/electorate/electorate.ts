import type { Config } from '../config/schema.js'
import { METRICS, type Gathered } from '../records.js'
import { ballotWarnings } from './ballot-addresses.js'
import { resolveIdentities } from './identities.js'
import { activeIncludes } from './includes.js'
import { countContributions, NO_METRICS } from './metrics.js'
import { byCodeUnits, caseInsensitiveOrder } from './order.js'
import { listPeople } from './people.js'
import type { ContributionRecord, Electorate } from './types.js'
import { unlinkedIdentities } from './unlinked.js'

/** The electorate: who counts, what they did, who qualifies and why. A pure function of the records. */
export function buildElectorate(gathered: Gathered, config: Config): Electorate {
  const identities = resolveIdentities(gathered, config)
  const counted = countContributions(gathered, identities, config)
  const evidence = inEvidenceOrder(counted.evidence)
  const includes = activeIncludes(config.include, gathered.until)
  const { people, ruleCounts } = listPeople(
    gathered,
    config,
    identities,
    evidence,
    counted.activity,
    includes.active
  )
  const unlinked = unlinkedIdentities(gathered, identities)

  const totals = { ...NO_METRICS }
  for (const person of people)
    if (person.status !== 'excluded') for (const metric of METRICS) totals[metric] += person.metrics[metric]

  const warnings = [...includes.warnings]
  for (const entry of includes.active)
    if (identities.personOfLogin(entry.login) === null)
      warnings.push(`include of ${entry.login} ignored: the login is listed in exclude.bots`)
  // Unlinked identities and deleted-account items are counted in the Electorate itself; the summary
  // and report.json word them, so they are not repeated as free-text warnings here.
  warnings.push(...counted.warnings)
  warnings.push(...ballotWarnings(people))

  return {
    people,
    unlinked,
    evidence,
    ruleCounts,
    totals,
    deletedAccountItems: counted.deletedAccountItems,
    lateApprovalsSetAside: counted.lateApprovalsSetAside,
    warnings
  }
}

/** By login (as every output orders them), metric in the contract's order, time, then url. */
function inEvidenceOrder(evidence: ContributionRecord[]): ContributionRecord[] {
  // Ranks computed once: tens of thousands of rows would otherwise lower-case logins a million times.
  const logins = [...new Set(evidence.map(item => item.login))].sort(caseInsensitiveOrder)
  const loginRank = new Map(logins.map((login, rank) => [login, rank]))
  const metricRank = new Map(METRICS.map((metric, rank) => [metric, rank]))
  return evidence.sort(
    (a, b) =>
      loginRank.get(a.login)! - loginRank.get(b.login)! ||
      metricRank.get(a.metric)! - metricRank.get(b.metric)! ||
      (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) ||
      byCodeUnits(a.url, b.url)
  )
}
