import type { Candidate } from '../stewardship/candidates.js'
import type { CiJob } from '../stewardship/ci-jobs.js'
import { formatScore } from './csv.js'
import type { AccessFindings } from '../stewardship/access.js'
import type { Stewardship } from '../stewardship/stewardship.js'
import { escapeMarkdown, fold, plural, table } from './markdown.js'

/** The summary's sections on the stewardship files. */
export function stewardshipSections(stewardship: Stewardship): string[] {
  return [
    ...(stewardship.candidates ? [candidatesSection(stewardship.candidates)] : []),
    ...(stewardship.access ? [accessSection(stewardship.access)] : []),
    ciJobsSection(stewardship.ciJobs)
  ]
}

/** Keys held by people no longer active, and repositories that too few active people can administer. */
export function accessSection(access: AccessFindings): string {
  const idle = access.idleKeyHolders
  const lines = [
    '## Access',
    '',
    `${access.rows.length} ${plural(access.rows.length, 'role', 'roles')} held; ${idle.length} ` +
      `${plural(idle.length, 'holds', 'hold')} owner, admin or maintain with no activity in the window; ` +
      `${access.thinlyHeld.length} ${plural(access.thinlyHeld.length, 'repository has', 'repositories have')} ` +
      'fewer than two active people with admin or maintain. access.csv lists every role.'
  ]
  if (idle.length > 0)
    lines.push(
      '',
      fold(
        'Owner, admin or maintain, and no activity in the window',
        table(
          ['login', 'role', 'scope', 'permission'],
          idle.map(r => [
            escapeMarkdown(r.login),
            r.role,
            escapeMarkdown(r.scope),
            escapeMarkdown(r.permission)
          ])
        )
      )
    )
  if (access.thinlyHeld.length > 0)
    lines.push(
      '',
      fold(
        'Repositories with fewer than two active people holding admin or maintain',
        table(
          ['repository', 'active holders'],
          access.thinlyHeld.map(r => [
            escapeMarkdown(r.repository),
            escapeMarkdown(r.activeHolders.join(', '))
          ])
        )
      )
    )
  return lines.join('\n')
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
      `${unmaintained} unmaintained; ${unparsable} workflow ` +
      `${plural(unparsable, 'file that does not parse', 'files that do not parse')}. ` +
      'ci-jobs.csv lists every job with its maintainers and CODEOWNERS.'
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
