/** A test for the half-open window `[since, until)` that takes an instant in any ISO 8601 spelling. */
export function inWindow(window: { since: string; until: string }): (at: string) => boolean {
  const since = Date.parse(window.since)
  const until = Date.parse(window.until)
  return at => {
    const t = Date.parse(at)
    return t >= since && t < until
  }
}

// GitHub's own spelling, the one the output files write: nothing to convert.
const UTC_SECOND = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/

/** An instant as the output files write it: `YYYY-MM-DDTHH:MM:SSZ`. */
export function utcSecond(at: string): string {
  return UTC_SECOND.test(at) ? at : new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
