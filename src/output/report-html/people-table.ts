import type { Person } from '../../electorate/types.js'
import { METRICS } from '../../records.js'
import { formatScore } from '../csv.js'
import { escapeHtml, externalLink } from './html-escape.js'

interface Column {
  name: string
  numeric: boolean
  /** The cell's content, already HTML. */
  cell: (person: Person) => string
  /** What the column sorts by; the cell's text when absent. */
  sortValue?: (person: Person) => string
}

function metricButton(person: Person, metric: string, count: number): string {
  if (count === 0) return '0'
  const label = `${count} ${metric} of ${person.login}: show the evidence`
  return `<button type="button" class="evidence" data-metric="${metric}" aria-haspopup="dialog" aria-label="${escapeHtml(label)}">${count}</button>`
}

function columns(includeEmails: boolean): Column[] {
  const text = (name: string, value: (person: Person) => string): Column => ({
    name,
    numeric: false,
    cell: person => escapeHtml(value(person)),
    sortValue: value
  })
  return [
    {
      name: 'login',
      numeric: false,
      cell: person => externalLink(person.profileUrl, person.login),
      sortValue: person => person.login
    },
    text('name', person => person.name),
    ...(includeEmails
      ? [text('email', person => person.email), text('other_emails', person => person.otherEmails.join('; '))]
      : []),
    {
      name: 'score',
      numeric: true,
      cell: person => formatScore(person.score),
      sortValue: person => formatScore(person.score)
    },
    ...METRICS.map((metric): Column => ({
      name: metric,
      numeric: true,
      cell: person => metricButton(person, metric, person.metrics[metric]),
      sortValue: person => String(person.metrics[metric])
    })),
    text('qualified_by', person => person.qualifiedBy),
    {
      name: 'status',
      numeric: false,
      cell: person => `<span class="status ${escapeHtml(person.status)}">${escapeHtml(person.status)}</span>`,
      sortValue: person => person.status
    },
    text('note', person => person.note)
  ]
}

/**
 * The contributors table, rendered whole so it reads without script; the page script sorts and filters
 * the rows it finds. Rows come in the electorate's order (login, case-insensitive): sorted by login.
 */
export function peopleTable(people: readonly Person[], includeEmails: boolean): string {
  const shown = columns(includeEmails)
  const head = shown.map(column => {
    const sorted = column.name === 'login' ? ' aria-sort="ascending"' : ''
    const type = column.numeric ? 'number' : 'text'
    return `<th scope="col" data-type="${type}"${sorted}><button type="button">${column.name}</button></th>`
  })
  const rows = people.map((person, index) => {
    const search = `${person.login} ${person.name}`.toLowerCase()
    const cells = shown.map(column => {
      const value = column.sortValue ? ` data-value="${escapeHtml(column.sortValue(person))}"` : ''
      const kind = column.numeric ? ' class="number"' : ''
      return `<td${kind}${value}>${column.cell(person)}</td>`
    })
    return `<tr data-person="${index}" data-status="${escapeHtml(person.status)}" data-search="${escapeHtml(search)}">${cells.join('')}</tr>`
  })
  return [
    `<table id="people">`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`
  ].join('\n')
}
