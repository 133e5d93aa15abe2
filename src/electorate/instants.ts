import { formatInstant, PLAIN_UTC_SECOND } from '../window.js'

/** A test for the half-open window `[since, until)` that takes an instant in any ISO 8601 spelling. */
export function inWindow(window: { since: string; until: string }): (at: string) => boolean {
  const since = Date.parse(window.since)
  const until = Date.parse(window.until)
  const sinceText = wholeSecondAtOrAfter(since)
  const untilText = wholeSecondAtOrAfter(until)
  if (sinceText === undefined || untilText === undefined)
    return at => {
      const t = Date.parse(at)
      return t >= since && t < until
    }
  // Records hold GitHub's plain spelling to the second. For such an instant, comparing its text with the
  // edges rounded up to a whole second is the same test as comparing instants, and parsing each took an
  // eighth of the electorate's time on the huge world (three passes over 255,000 records).
  return at => {
    if (PLAIN_UTC_SECOND.test(at)) return at >= sinceText && at < untilText
    const t = Date.parse(at)
    return t >= since && t < until
  }
}

/** The first whole second at or after the instant, in the plain spelling; undefined where it has none. */
function wholeSecondAtOrAfter(ms: number): string | undefined {
  if (Number.isNaN(ms)) return undefined
  const edge = new Date(Math.ceil(ms / 1000) * 1000)
  if (Number.isNaN(edge.getTime())) return undefined
  const text = formatInstant(edge)
  return PLAIN_UTC_SECOND.test(text) ? text : undefined
}
