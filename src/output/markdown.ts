// Names, include reasons and warnings come from people and config files: escaped, they cannot break a
// table row, open a link, raw HTML, math or a nested list in summary.md or the job summary.

// ASCII punctuation that CommonMark or GitHub gives a meaning anywhere in a line. `\` comes first in
// the class only for readability: every character is escaped independently.
const SPECIAL = /[\\`*_{}[\]()#!|~<>&$]/g

// Characters that only mean something at the start of a block (a list item, a quote, a heading).
const LEADING = /^(\d+)([.)])|^([-+])/

/** Text for one line of markdown (a table cell or a list item), shown literally. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\r\n|[\r\n]+/g, ' ')
  const escaped = oneLine.replace(SPECIAL, character => `\\${character}`)
  return escaped.replace(LEADING, (_match, digits?: string, mark?: string, sign?: string) =>
    digits !== undefined ? `${digits}\\${mark}` : `\\${sign}`
  )
}

/** A link to a profile when the url is a plain web address; the escaped text alone otherwise. */
export function markdownLink(text: string, url: string): string {
  return /^https:\/\/[^\s()<>[\]]+$/.test(url) ? `[${escapeMarkdown(text)}](${url})` : escapeMarkdown(text)
}
