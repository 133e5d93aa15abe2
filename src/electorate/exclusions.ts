import { globMatcher } from '../config/globs.js'
import type { Config } from '../config/schema.js'

/**
 * The rule that excludes a person, as it will read in contributors.csv's `note`
 * (`exclude.logins: alice`, `exclude.patterns: *-bot`), or null. Every login merged into the person
 * is checked: an account excluded by name stays excluded when it is an alias. The names and patterns
 * are prepared once, for every person.
 */
export function exclusionRule(exclude: Config['exclude']): (logins: string[]) => string | null {
  const byName = new Map<string, string>()
  for (const listed of exclude.logins) if (!byName.has(listed.toLowerCase())) byName.set(listed.toLowerCase(), listed)
  const patterns = exclude.patterns.map(pattern => ({ pattern, matches: globMatcher([pattern]) }))
  return logins => {
    for (const login of logins) {
      const listed = byName.get(login.toLowerCase())
      if (listed !== undefined) return `exclude.logins: ${listed}`
    }
    for (const { pattern, matches } of patterns)
      if (logins.some(login => matches(login))) return `exclude.patterns: ${pattern}`
    return null
  }
}
