import type { Config } from '../config/schema.js'
import type { Electorate } from '../electorate/types.js'
import type { Gathered } from '../records.js'
import { resolveIdentities } from '../electorate/identities.js'
import { candidatesOf, type Candidate } from './candidates.js'
import { ciJobs, type CiJob } from './ci-jobs.js'

/** What the stewardship outputs hold: who keeps the CI jobs (always), and more as they are asked for. */
export interface Stewardship {
  ciJobs: CiJob[]
  /** Present when candidates were named. */
  candidates?: Candidate[]
}

export function stewardshipOf(
  gathered: Gathered,
  electorate: Electorate,
  config: Config,
  candidates: readonly string[]
): Stewardship {
  return {
    ciJobs: ciJobs(gathered, electorate, config),
    ...(candidates.length > 0 && {
      candidates: candidatesOf(candidates, electorate, resolveIdentities(gathered, config), config)
    })
  }
}
