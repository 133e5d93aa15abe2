/** Whether an instant lies in the half-open window `[since, until)`, whatever its ISO 8601 spelling. */
export function isInWindow(at: string, window: { since: string; until: string }): boolean {
  const t = Date.parse(at)
  return t >= Date.parse(window.since) && t < Date.parse(window.until)
}

/** An instant as the output files write it: `YYYY-MM-DDTHH:MM:SSZ`. */
export function utcSecond(at: string): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
