import { qualifiedOf } from '../electorate/people.js'
import { basename } from 'node:path'
import type { Electorate, Person } from '../electorate/types.js'
import { METRICS } from '../records.js'
import type { RollChange } from './changes.js'
import { formatScore, formatTime } from './csv.js'
import { escapeMarkdown, fold, FOLD_ABOVE_ROWS, markdownLink, plural, table } from './markdown.js'
import type { PreviousRoll } from './previous-roll.js'
import { organizationCounts, type ReportMeta } from './report.js'
import { stewardshipSections } from './stewardship-summary.js'
import type { Stewardship } from '../stewardship/stewardship.js'
import { qualifiedWithoutEmail } from './voters.js'
import { reportWarnings } from './warnings.js'

export { FOLD_ABOVE_ROWS } from './markdown.js'

export interface SummaryOptions {
  includeEmails: boolean
  /** The roll diff, when a previous electorate.csv was given. */
  changes?: { previous: PreviousRoll; changes: RollChange[] }
  stewardship?: Stewardship
}

/** summary.md, also the job summary: counts, rules, activity mix, warnings, API use and the electorate. */
export function summaryMarkdown(electorate: Electorate, meta: ReportMeta, options: SummaryOptions): string {
  const qualified = qualifiedOf(electorate.people)
  const sections = [
    `# Electorate of ${escapeMarkdown(meta.organization)}`,
    `Window: from ${formatTime(meta.since)} until ${formatTime(meta.until)} (exclusive), UTC.`,
    countsTable(electorate, meta, qualified.length),
    ...organizationsSection(meta),
    rulesSection(electorate),
    activitySection(electorate, meta),
    warningsSection(electorate, meta, options.includeEmails),
    `## GitHub API\n\n${meta.stats.requests} requests, ${meta.stats.points} points.`,
    ...(options.changes ? [changesSection(options.changes.previous, options.changes.changes)] : []),
    ...(options.stewardship ? stewardshipSections(options.stewardship) : []),
    electorateSection(qualified)
  ]
  return `${sections.join('\n\n')}\n`
}

function countsTable(electorate: Electorate, meta: ReportMeta, qualified: number): string {
  const count = (status: string) => electorate.people.filter(person => person.status === status).length
  return table(
    ['', 'count'],
    [
      ['repositories', String(meta.repositories.length)],
      ['contributors', String(electorate.people.length)],
      ['qualified', String(qualified)],
      ['not qualified', String(count('not-qualified'))],
      ['excluded', String(count('excluded'))],
      ['unlinked commit identities', String(electorate.unlinked.length)]
    ]
  )
}

// One organization is the heading already; several are each named with what they brought.
function organizationsSection(meta: ReportMeta): string[] {
  const organizations = organizationCounts(meta)
  if (organizations.length < 2) return []
  const rows = organizations.map(({ organization, repositories, counts }) => [
    escapeMarkdown(organization),
    String(repositories),
    String(counts.commits),
    String(counts.pullRequests),
    String(counts.reviews),
    String(counts.issues)
  ])
  const header = ['organization', 'repositories', 'commits', 'merged PRs', 'reviews', 'issues']
  return [`## Organizations\n\n${table(header, rows)}`]
}

function rulesSection(electorate: Electorate): string {
  if (electorate.ruleCounts.length === 0) return '## Qualified by rule\n\nNo rule qualified anyone.'
  const rows = electorate.ruleCounts.map(({ rule, count }) => [escapeMarkdown(rule), String(count)])
  return `## Qualified by rule\n\n${table(['rule', 'people'], rows)}`
}

function activitySection(electorate: Electorate, meta: ReportMeta): string {
  const lateApprovals = lateApprovalsLine(electorate, meta)
  const after = lateApprovals === '' ? '' : `\n\n${lateApprovals}`
  // Mermaid cannot draw a slice of zero, and an empty pie says nothing.
  const slices = METRICS.filter(metric => electorate.totals[metric] > 0)
  if (slices.length === 0) return `## Activity\n\nNo counted activity.${after}`
  const lines = slices.map(metric => `    "${metric}" : ${electorate.totals[metric]}`)
  const chart = ['```mermaid', 'pie showData title Counted items by metric', ...lines, '```'].join('\n')
  return `## Activity\n\n${chart}${after}`
}

// Said also when nothing was set aside: officials must see that the rule was applied.
function lateApprovalsLine(electorate: Electorate, meta: ReportMeta): string {
  const n = meta.config.reviews['late-approvals']
  if (n === false) return ''
  const count = electorate.lateApprovalsSetAside
  return (
    `\`reviews.late-approvals\` rule on (${n}): ${count} ${plural(count, 'review', 'reviews')} set aside ` +
    `(bare approvals submitted after ${n} or more other people had approved the pull request).`
  )
}

function warningsSection(electorate: Electorate, meta: ReportMeta, includeEmails: boolean): string {
  const items: string[] = []
  const unlinked = electorate.unlinked.length
  if (unlinked > 0) {
    const where = includeEmails
      ? 'unlinked.csv lists them; map them to logins with `emails:`'
      : 'unlinked.csv lists them by name only (emails not included)'
    items.push(
      `${unlinked} commit ${plural(unlinked, 'identity', 'identities')} linked to no account: ${where}.`
    )
  }
  if (electorate.deletedAccountItems > 0) {
    const n = electorate.deletedAccountItems
    items.push(`${n} ${plural(n, 'item', 'items')} by deleted accounts, counted for nobody.`)
  }
  const noEmail = qualifiedWithoutEmail(electorate.people)
  if (includeEmails && noEmail > 0)
    items.push(
      `${noEmail} qualified ${plural(noEmail, 'person has', 'people have')} no email: CIVS and Helios cannot ` +
        'invite them, and civs-voters.txt and helios-voters.csv leave them out.'
    )
  items.push(...reportWarnings(electorate, meta.warnings, includeEmails).map(escapeMarkdown))
  if (!includeEmails && unlinked === 0) items.push('Emails are not included in this output.')
  const list = items.length === 0 ? 'None.' : items.map(item => `- ${item}`).join('\n')
  return `## Warnings\n\n${list}`
}

function changesSection(previous: PreviousRoll, changes: readonly RollChange[]): string {
  const count = (change: RollChange['change']) => changes.filter(row => row.change === change).length
  const removed = changes.filter(row => row.change === 'removed')
  const respelled = changes.filter(row => row.change === 'respelled')
  const lines = [
    '## Changes since the previous roll',
    '',
    `Compared with ${escapeMarkdown(basename(previous.path))} (${previous.logins.length} ` +
      `${plural(previous.logins.length, 'person', 'people')}): ${count('added')} added, ` +
      `${removed.length} removed. changes.csv lists them with their numbers now.`
  ]
  if (respelled.length > 0)
    lines.push(
      '',
      `Spelled in another case now (Elekto matches logins case-sensitively): ` +
        respelled.map(row => `${escapeMarkdown(row.login)} (${escapeMarkdown(row.reason)})`).join(', ') +
        '.'
    )
  if (removed.length === 0) return lines.join('\n')
  const rows = removed.map(row => [
    escapeMarkdown(row.login),
    escapeMarkdown(row.reason),
    formatScore(row.score)
  ])
  const rendered = table(['login', 'why', 'score'], rows)
  const title = `Removed (${removed.length} ${plural(removed.length, 'person', 'people')})`
  lines.push('', fold(title, rendered))
  return lines.join('\n')
}

function electorateSection(qualified: readonly Person[]): string {
  const title = `Electorate (${qualified.length} ${plural(qualified.length, 'person', 'people')})`
  if (qualified.length === 0) return `## ${title}\n\nNobody qualified.`
  const rows = qualified.map(person => [
    markdownLink(person.login, person.profileUrl),
    escapeMarkdown(person.name),
    formatScore(person.score),
    escapeMarkdown(person.qualifiedBy)
  ])
  const rendered = table(['login', 'name', 'score', 'qualified by'], rows)
  if (qualified.length <= FOLD_ABOVE_ROWS) return `## ${title}\n\n${rendered}`
  // GitHub renders markdown inside <details> only after a blank line.
  return `## Electorate\n\n<details><summary>${title}</summary>\n\n${rendered}\n\n</details>`
}
