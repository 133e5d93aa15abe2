// Names, include reasons and warnings come from people and config files: escaped, they cannot break a
// table row, open a link, raw HTML, math or a nested list in summary.md or the job summary.

// ASCII punctuation that CommonMark or GitHub gives a meaning anywhere in a line. `\` comes first in
// the class only for readability: every character is escaped independently.
const SPECIAL = /[\\`*_{}[\]()#!|~<>&$]/g

// Characters that only mean something at the start of a block (a list item, a quote, a heading).
const LEADING = /^(\d+)([.)])|^([-+])/

// GitHub turns `@name` into a mention (and notifies), `#12` into a reference, and URLs, `www.` and email
// addresses into links, on the rendered text, where a backslash no longer stands. An invisible word
// joiner (U+2060) after the `@` or `#`, inside `://` and after `www` breaks each, and the text reads the
// same.
const WORD_JOINER = '\u2060'
const AUTOLINKS = /[@#](?=\w)|:(?=\/\/)|\bwww(?=\.)/gi

/** Text for one line of markdown (a table cell or a list item), shown literally. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\r\n|[\r\n]+/g, ' ')
  const escaped = oneLine.replace(SPECIAL, character => `\\${character}`)
  const unlinked = escaped.replace(AUTOLINKS, found => found + WORD_JOINER)
  return unlinked.replace(LEADING, (_match, digits?: string, mark?: string, sign?: string) =>
    digits !== undefined ? `${digits}\\${mark}` : `\\${sign}`
  )
}

/** A link to a profile when the url is a plain web address; the escaped text alone otherwise. */
export function markdownLink(text: string, url: string): string {
  return /^https:\/\/[^\s()<>[\]]+$/.test(url) ? `[${escapeMarkdown(text)}](${url})` : escapeMarkdown(text)
}

/** Longer tables are folded so the job summary stays readable. */
export const FOLD_ABOVE_ROWS = 20

/** A heading-less table, folded when long; GitHub renders markdown inside <details> only after a blank line. */
export function fold(title: string, rendered: string): string {
  const rows = rendered.split('\n').length - 2
  if (rows <= FOLD_ABOVE_ROWS) return `${title}:\n\n${rendered}`
  return `<details><summary>${title}</summary>\n\n${rendered}\n\n</details>`
}

const NUMERIC_COLUMNS = new Set([
  'jobs',
  'holders',
  'active',
  'merged_prs',
  'triaged',
  'issue_comments',
  'ci',
  'count',
  'people',
  'score',
  'repositories',
  'commits',
  'merged PRs',
  'reviews',
  'issues'
])

/** A GFM table of cells already escaped; numeric columns align right. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map(column => (NUMERIC_COLUMNS.has(column) ? '---:' : '---'))
  return [header, align, ...rows].map(cells => `| ${cells.join(' | ')} |`).join('\n')
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many
}
