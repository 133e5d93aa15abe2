import type { Config } from '../config/schema.js'

export type Include = Config['include'][number]

/**
 * The include entries still in force at `until`: an entry whose `expires` date is before the
 * day of `until` is ignored, with a warning so that officials renew or remove it.
 */
export function activeIncludes(include: Include[], until: string): { active: Include[]; warnings: string[] } {
  const untilDay = dayOf(until)
  const active: Include[] = []
  const warnings: string[] = []
  for (const entry of include) {
    if (hasExpired(entry, until))
      warnings.push(`include of ${entry.login} expired on ${entry.expires} (before ${untilDay}); ignored`)
    else active.push(entry)
  }
  return { active, warnings }
}

/** Whether an include entry's `expires` day is before the day of `until`. */
export function hasExpired(entry: Include, until: string): boolean {
  return entry.expires !== undefined && entry.expires < dayOf(until)
}

const dayOf = (instant: string) => new Date(instant).toISOString().slice(0, 10)
