// UTC calendar arithmetic for the generator and the oracle; GitHub writes seconds, never milliseconds.

const DAY = 86_400_000

export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export const startOfUtcDay = (ms: number): number => Math.floor(ms / DAY) * DAY

/** `months` calendar months earlier, the day clamped to the target month's length (Mar 31 -> Feb 28). */
export function subtractUtcMonths(ms: number, months: number): number {
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(
    year,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds()
  )
}

/**
 * The default window of a run on `now`'s day: until = that day's midnight, since = 12 months before.
 * The generator puts items exactly on both edges (see `edge-since` and `edge-until` in people.ts).
 */
export function edgeWindow(now: string): { since: Date; until: Date } {
  const until = startOfUtcDay(Date.parse(now))
  return { since: new Date(subtractUtcMonths(until, 12)), until: new Date(until) }
}

export { DAY }
