import type { Config } from '../config/schema.js'
import type { Electorate } from '../electorate/types.js'
import type { Gathered } from '../records.js'
import { resolveIdentities, type Identities } from '../electorate/identities.js'
import { accessOf, type AccessFindings } from './access.js'
import { candidatesOf, type Candidate } from './candidates.js'
import { ciJobs, type CiJob } from './ci-jobs.js'

/** What the stewardship outputs hold: who keeps the CI jobs (always), and more as they are asked for. */
export interface Stewardship {
  ciJobs: CiJob[]
  /** What could not be read as GitHub reads it (a CODEOWNERS line skipped), for the run's warnings. */
  warnings: string[]
  /** Present when candidates were named. */
  candidates?: Candidate[]
  /** Present when `access` is on (the roles are then in the records). */
  access?: AccessFindings
}

export function stewardshipOf(
  gathered: Gathered,
  electorate: Electorate,
  config: Config,
  asked: { candidates: readonly string[]; access: boolean },
  identities: Identities = resolveIdentities(gathered, config)
): Stewardship {
  const { candidates } = asked
  const ci = ciJobs(gathered, electorate, identities)
  return {
    ciJobs: ci.jobs,
    warnings: ci.warnings,
    ...(asked.access &&
      gathered.access && {
        access: accessOf(
          gathered.access,
          gathered.repositories.map(r => r.nameWithOwner),
          electorate,
          identities
        )
      }),
    ...(candidates.length > 0 && {
      candidates: candidatesOf(candidates, electorate, identities, config)
    })
  }
}
