import type { Config } from '../config/schema.js'
import { METRICS, type Gathered } from '../records.js'
import { resolveIdentities } from './identities.js'
import { activeIncludes } from './includes.js'
import { countContributions, NO_METRICS } from './metrics.js'
import { caseInsensitiveOrder } from './order.js'
import { listPeople } from './people.js'
import type { ContributionRecord, Electorate } from './types.js'
import { unlinkedIdentities } from './unlinked.js'

/** The electorate: who counts, what they did, who qualifies and why. A pure function of the records. */
export function buildElectorate(gathered: Gathered, config: Config): Electorate {
  const identities = resolveIdentities(gathered, config)
  const counted = countContributions(gathered, identities, config)
  const evidence = counted.evidence.sort(evidenceOrder)
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

function evidenceOrder(a: ContributionRecord, b: ContributionRecord): number {
  return (
    caseInsensitiveOrder(a.login, b.login) ||
    METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric) ||
    (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) ||
    (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)
  )
}
