import { globMatcher } from '../config/globs.js'
import type { Config } from '../config/schema.js'

/**
 * The rule that excludes a person, as it will read in contributors.csv's `note`
 * (`exclude.logins: alice`, `exclude.patterns: *-bot`), or null. Every login merged into the person
 * is checked: an account excluded by name stays excluded when it is an alias.
 */
export function exclusionOf(logins: string[], exclude: Config['exclude']): string | null {
  for (const login of logins) {
    const listed = exclude.logins.find(excluded => excluded.toLowerCase() === login.toLowerCase())
    if (listed !== undefined) return `exclude.logins: ${listed}`
  }
  for (const pattern of exclude.patterns) {
    const matches = globMatcher([pattern])
    if (logins.some(login => matches(login))) return `exclude.patterns: ${pattern}`
  }
  return null
}
