/** A test for the half-open window `[since, until)` that takes an instant in any ISO 8601 spelling. */
export function inWindow(window: { since: string; until: string }): (at: string) => boolean {
  const since = Date.parse(window.since)
  const until = Date.parse(window.until)
  return at => {
    const t = Date.parse(at)
    return t >= since && t < until
  }
}
