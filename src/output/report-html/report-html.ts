import { createHash } from 'node:crypto'
import type { Electorate, Person } from '../../electorate/types.js'
import { METRICS } from '../../records.js'
import { formatTime } from '../csv.js'
import type { ReportMeta } from '../report.js'
import { reportWarnings } from '../warnings.js'
import type { AccessFindings } from '../../stewardship/access.js'
import { accessSection } from './access-section.js'
import { barChart } from './charts.js'
import { escapeHtml, scriptJson } from './html-escape.js'
import { PAGE_SCRIPT } from './page-script.js'
import { PAGE_STYLE } from './page-style.js'
import { peopleTable } from './people-table.js'

export const REPORT_HTML = 'report.html'

export interface ReportHtmlOptions {
  includeEmails: boolean
  /** sha256 (hex) of the files written beside it, by file name: shown so officials can check the roll. */
  files: Record<string, string>
  /** With `access` on: idle key holders and thinly held repositories get a section. */
  access?: AccessFindings
}

// The Content-Security-Policy admits the page's own style and script by hash and nothing else: no
// request can leave the page, and should a value ever slip past escaping it could not run.
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${hash(PAGE_STYLE)}`,
  `script-src ${hash(PAGE_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

/** What the page script reads: each person's evidence, by metric, as `[url, at]`, in the table's order. */
function pageData(electorate: Electorate) {
  const byLogin = new Map<string, Record<string, [string, string][]>>()
  for (const item of electorate.evidence) {
    const evidence = byLogin.get(item.login) ?? {}
    byLogin.set(item.login, evidence)
    ;(evidence[item.metric] ??= []).push([item.url, formatTime(item.at)])
  }
  return {
    people: electorate.people.map(person => ({
      login: person.login,
      evidence: byLogin.get(person.login) ?? {}
    }))
  }
}

function facts(electorate: Electorate, meta: ReportMeta, includeEmails: boolean): string {
  const count = (status: Person['status']) =>
    electorate.people.filter(person => person.status === status).length
  const entries: [string, string | number][] = [
    ['qualified', count('qualified')],
    ['not qualified', count('not-qualified')],
    ['excluded', count('excluded')],
    ['people', electorate.people.length],
    ['repositories', meta.repositories.length],
    ['unlinked commit identities', electorate.unlinked.length],
    ['items by deleted accounts', electorate.deletedAccountItems],
    ['late approvals set aside', electorate.lateApprovalsSetAside],
    ['emails included', includeEmails ? 'yes' : 'no'],
    ['tool', `electorate ${meta.toolVersion}`],
    ['API requests (points)', `${meta.stats.requests} (${meta.stats.points})`]
  ]
  const items = entries.map(
    ([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(String(value))}</dd></div>`
  )
  return `<dl class="facts">\n${items.join('\n')}\n</dl>`
}

function warningsSection(warnings: readonly string[]): string {
  if (warnings.length === 0) return ''
  const items = warnings.map(warning => `<li>${escapeHtml(warning)}</li>`)
  return `<section class="warnings" aria-labelledby="warnings-title">\n<h2 id="warnings-title">Warnings</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`
}

function filesSection(meta: ReportMeta, files: Record<string, string>): string {
  const rows = Object.keys(files)
    .sort()
    .map(name => `<tr><td>${escapeHtml(name)}</td><td><code>${escapeHtml(files[name])}</code></td></tr>`)
  const config = `<tr><td>config ${escapeHtml(meta.configPath ?? '(defaults)')}</td><td><code>${escapeHtml(meta.configSha256)}</code></td></tr>`
  return [
    `<section class="files" aria-labelledby="files-title">`,
    `<h2 id="files-title">Files (sha256)</h2>`,
    `<table><thead><tr><th scope="col">file</th><th scope="col">sha256</th></tr></thead><tbody>`,
    ...rows,
    config,
    `</tbody></table>`,
    `</section>`
  ].join('\n')
}

const STATUS_FILTER = [
  ['all', 'everyone'],
  ['qualified', 'qualified'],
  ['not-qualified', 'not qualified'],
  ['excluded', 'excluded']
] as const

function contributorsSection(electorate: Electorate, includeEmails: boolean): string {
  const options = STATUS_FILTER.map(([value, label]) => `<option value="${value}">${label}</option>`)
  return [
    `<section aria-labelledby="contributors-title">`,
    `<h2 id="contributors-title">Contributors</h2>`,
    `<noscript><p>Sorting, filtering and the evidence lists need JavaScript; evidence.csv holds the same evidence.</p></noscript>`,
    `<div class="controls">`,
    `<label>Login or name <input id="filter-text" type="search" autocomplete="off"></label>`,
    `<label>Status <select id="filter-status">${options.join('')}</select></label>`,
    `<span id="shown-count" aria-live="polite"></span>`,
    `</div>`,
    `<p>Click a column to sort, again to reverse. Click a number to list the items behind it, each linked to GitHub.</p>`,
    `<div class="table-wrap">`,
    peopleTable(electorate.people, includeEmails),
    `</div>`,
    `</section>`
  ].join('\n')
}

const EVIDENCE_DIALOG = [
  `<dialog id="evidence" aria-labelledby="evidence-title">`,
  `<h2 id="evidence-title"></h2>`,
  `<ol id="evidence-list"></ol>`,
  `<button type="button" id="evidence-close">Close</button>`,
  `</dialog>`
].join('\n')

/**
 * report.html: one self-contained page (inline style, script and SVG charts, no request to anywhere)
 * that officials open from the artifact. The same inputs give the same bytes.
 */
export function reportHtml(electorate: Electorate, meta: ReportMeta, options: ReportHtmlOptions): string {
  const since = formatTime(meta.since)
  const until = formatTime(meta.until)
  const organization = escapeHtml(meta.organization)
  const activity = METRICS.map(metric => ({ label: metric, value: electorate.totals[metric] }))
  const rules = electorate.ruleCounts.map(({ rule, count }) => ({ label: rule, value: count }))
  const warnings = reportWarnings(electorate, meta.warnings, options.includeEmails)
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<meta name="referrer" content="no-referrer">`,
    `<title>Electorate of ${organization}, ${escapeHtml(since)} to ${escapeHtml(until)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    `</head>`,
    `<body>`,
    `<header>`,
    `<h1>Electorate of ${organization}</h1>`,
    `<p class="window">Activity from <time datetime="${since}">${since}</time> up to, not including, <time datetime="${until}">${until}</time></p>`,
    `</header>`,
    facts(electorate, meta, options.includeEmails),
    warningsSection(warnings),
    `<section class="charts" aria-label="Charts">`,
    barChart('chart-activity', 'Activity mix: counted items per metric', activity),
    barChart('chart-rules', 'Qualification by rule: people each rule qualified first', rules),
    `</section>`,
    contributorsSection(electorate, options.includeEmails),
    options.access ? accessSection(options.access) : '',
    filesSection(meta, options.files),
    EVIDENCE_DIALOG,
    `<footer>Written by electorate ${escapeHtml(meta.toolVersion)}. report.json holds the effective config and every count.</footer>`,
    `<script type="application/json" id="report-data">${scriptJson(pageData(electorate))}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    `</body>`,
    `</html>`,
    ''
  ].join('\n')
}
