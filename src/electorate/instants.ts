/** A test for the half-open window `[since, until)` that takes an instant in any ISO 8601 spelling. */
export function inWindow(window: { since: string; until: string }): (at: string) => boolean {
  const since = Date.parse(window.since)
  const until = Date.parse(window.until)
  return at => {
    const t = Date.parse(at)
    return t >= since && t < until
  }
}

// GitHub's own spelling, the one the output files write, of an instant that cannot need normalizing:
// nothing to convert. Days past the 28th, hour 24 and leap seconds take the long way through Date.
export const PLAIN_UTC_SECOND = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/

/** An instant as the output files write it: `YYYY-MM-DDTHH:MM:SSZ`. */
export function utcSecond(at: string): string {
  return PLAIN_UTC_SECOND.test(at) ? at : new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
