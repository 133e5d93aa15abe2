import type { Config } from '../config/schema.js'
import { METRICS, type Gathered } from '../records.js'
import { ballotWarnings } from './ballot-addresses.js'
import { resolveIdentities, type Identities } from './identities.js'
import { activeIncludes } from './includes.js'
import { countContributions, NO_METRICS } from './metrics.js'
import { byCodeUnits, caseInsensitiveOrder } from './order.js'
import { listPeople } from './people.js'
import type { ContributionRecord, Electorate } from './types.js'
import { unlinkedIdentities } from './unlinked.js'

/** The electorate: who counts, what they did, who qualifies and why. A pure function of the records. */
export function buildElectorate(
  gathered: Gathered,
  config: Config,
  // A run resolves them once for the electorate and the stewardship files alike.
  identities: Identities = resolveIdentities(gathered, config)
): Electorate {
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
  const logins = [...new Set(evidence.map(item => item.login))].sort(caseInsensitiveOrder)
  const loginRank = new Map(logins.map((login, rank) => [login, rank]))
  const metricRank = new Map(METRICS.map((metric, rank) => [metric, rank]))
  // One bucket per person and metric, each sorted on its own: a fraction of the comparisons of one sort
  // of a quarter of a million rows, and none of them looks up a rank.
  const buckets = Array.from({ length: logins.length * METRICS.length }, (): ContributionRecord[] => [])
  for (const item of evidence)
    buckets[loginRank.get(item.login)! * METRICS.length + metricRank.get(item.metric)!]!.push(item)
  return buckets.flatMap(bucket =>
    bucket.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || byCodeUnits(a.url, b.url))
  )
}
