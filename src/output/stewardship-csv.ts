import type { AccessRow } from '../stewardship/access.js'
import { METRICS } from '../records.js'
import type { Candidate } from '../stewardship/candidates.js'
import type { CiJob } from '../stewardship/ci-jobs.js'
import { formatTime, toCsv } from './csv.js'

export const CI_JOBS_CSV = 'ci-jobs.csv'
export const CANDIDATES_CSV = 'candidates.csv'
export const ACCESS_CSV = 'access.csv'
export const ACCESS_COLUMNS = [
  'login',
  'role',
  'scope',
  'permission',
  'active',
  'on_roll',
  'last_activity',
  'score'
] as const

/** access.csv: one row per role a person holds, with their activity in the window. */
export function accessCsv(rows: readonly AccessRow[]): string {
  return toCsv(
    ACCESS_COLUMNS,
    rows.map(r => [
      r.login,
      r.role,
      r.scope,
      r.permission,
      String(r.active),
      String(r.onRoll),
      formatTime(r.lastActivity),
      r.score
    ])
  )
}
export const CI_JOBS_COLUMNS = [
  'repository',
  'workflow',
  'job',
  'job_name',
  'maintainers',
  'last_changed',
  'codeowners',
  'status'
] as const
export const CANDIDATES_COLUMNS = [
  'login',
  'eligible',
  'qualified_by',
  'score',
  ...METRICS,
  'shortfall'
] as const

/** ci-jobs.csv: one row per job of every workflow file on the default branches. */
export function ciJobsCsv(jobs: readonly CiJob[]): string {
  return toCsv(
    CI_JOBS_COLUMNS,
    jobs.map(job => [
      job.repository,
      job.workflow,
      job.job,
      job.jobName,
      job.maintainers.join(';'),
      formatTime(job.lastChanged),
      job.codeowners.join(';'),
      job.status
    ])
  )
}

/** candidates.csv: each candidate as named, eligible or what the nearest rule still needs. */
export function candidatesCsv(candidates: readonly Candidate[]): string {
  return toCsv(
    CANDIDATES_COLUMNS,
    candidates.map(c => [
      c.login,
      String(c.eligible),
      c.qualifiedBy,
      c.score,
      ...METRICS.map(metric => c.metrics[metric]),
      c.shortfall
    ])
  )
}
