import type { Config } from '../config/schema.js'

export type Include = Config['include'][number]

/**
 * The include entries still in force at `until`: an entry whose `expires` date is before the
 * day of `until` is ignored, with a warning so that officials renew or remove it.
 */
export function activeIncludes(include: Include[], until: string): { active: Include[]; warnings: string[] } {
  const untilDay = new Date(until).toISOString().slice(0, 10)
  const active: Include[] = []
  const warnings: string[] = []
  for (const entry of include) {
    if (entry.expires !== undefined && entry.expires < untilDay)
      warnings.push(`include of ${entry.login} expired on ${entry.expires} (before ${untilDay}); ignored`)
    else active.push(entry)
  }
  return { active, warnings }
}
