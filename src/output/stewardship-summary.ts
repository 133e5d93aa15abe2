import type { CiJob } from '../stewardship/ci-jobs.js'
import type { Stewardship } from '../stewardship/stewardship.js'
import { escapeMarkdown, fold, plural, table } from './markdown.js'

/** The summary's sections on the stewardship files. */
export function stewardshipSections(stewardship: Stewardship): string[] {
  return [ciJobsSection(stewardship.ciJobs)]
}

/** CI jobs with nobody on the roll to keep them come first: they are what officials act on. */
export function ciJobsSection(jobs: readonly CiJob[]): string {
  if (jobs.length === 0) return '## CI jobs\n\nNo workflow files on the default branches.'
  const count = (status: CiJob['status']) => jobs.filter(job => job.status === status).length
  const unmaintained = count('unmaintained')
  const unparsable = count('unparsable')
  const lines = [
    '## CI jobs',
    '',
    `${jobs.length} ${plural(jobs.length, 'job', 'jobs')}: ${count('maintained')} maintained, ` +
      `${unmaintained} unmaintained; ${unparsable} workflow ${plural(unparsable, 'file', 'files')} ` +
      'that do not parse. ci-jobs.csv lists every job with its maintainers and CODEOWNERS.'
  ]
  const rank = { unmaintained: 0, unparsable: 1, maintained: 2 }
  const rows = [...jobs]
    .sort((a, b) => rank[a.status] - rank[b.status])
    .map(job => [
      escapeMarkdown(job.repository),
      escapeMarkdown(job.workflow),
      escapeMarkdown(job.job),
      job.status,
      escapeMarkdown(job.maintainers.join(', ')),
      escapeMarkdown(job.codeowners.join(', '))
    ])
  const rendered = table(['repository', 'workflow', 'job', 'status', 'maintainers', 'codeowners'], rows)
  lines.push('', fold('Jobs, unmaintained first', rendered))
  return lines.join('\n')
}
