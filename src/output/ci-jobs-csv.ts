import type { CiJob } from '../stewardship/ci-jobs.js'
import { formatTime, toCsv } from './csv.js'

export const CI_JOBS_CSV = 'ci-jobs.csv'

/** ci-jobs.csv: one row per job of every workflow file on the default branches. */
export function ciJobsCsv(jobs: readonly CiJob[]): string {
  return toCsv(
    ['repository', 'workflow', 'job', 'job_name', 'maintainers', 'last_changed', 'codeowners', 'status'],
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
