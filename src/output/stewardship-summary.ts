import type { Candidate } from '../stewardship/candidates.js'
import type { CiJob } from '../stewardship/ci-jobs.js'
import { formatScore } from './csv.js'
import type { Stewardship } from '../stewardship/stewardship.js'
import { escapeMarkdown, fold, plural, table } from './markdown.js'

/** The summary's sections on the stewardship files. */
export function stewardshipSections(stewardship: Stewardship): string[] {
  return [
    ...(stewardship.candidates ? [candidatesSection(stewardship.candidates)] : []),
    ciJobsSection(stewardship.ciJobs)
  ]
}

function candidatesSection(candidates: readonly Candidate[]): string {
  const eligible = candidates.filter(c => c.eligible).length
  const rows = candidates.map(c => [
    escapeMarkdown(c.login),
    c.eligible ? 'yes' : 'no',
    escapeMarkdown(c.qualifiedBy),
    formatScore(c.score),
    escapeMarkdown(c.shortfall)
  ])
  return (
    `## Candidates\n\n${eligible} of ${candidates.length} may stand (on the roll themselves).\n\n` +
    table(['candidate', 'eligible', 'qualified by', 'score', 'short of'], rows)
  )
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
