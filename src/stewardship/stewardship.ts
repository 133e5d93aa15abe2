import type { Config } from '../config/schema.js'
import type { Electorate } from '../electorate/types.js'
import type { Gathered } from '../records.js'
import { ciJobs, type CiJob } from './ci-jobs.js'

/** What the stewardship outputs hold: who keeps the CI jobs (always), and more as they are asked for. */
export interface Stewardship {
  ciJobs: CiJob[]
}

export function stewardshipOf(gathered: Gathered, electorate: Electorate, config: Config): Stewardship {
  return { ciJobs: ciJobs(gathered, electorate, config) }
}
