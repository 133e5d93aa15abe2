import type { ActivityRecord, Gathered } from '../records.js'

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The records sorted by repository, then by their JSON text, profiles by login, warnings by text: the order no longer
 * depends on which answer came back first, so the same data gives the same file and the same roll
 * whether it was gathered in one run or in shards.
 */
export function inCanonicalOrder(gathered: Gathered): Gathered & { lines: string[] } {
  const keyed = gathered.records.map(record => ({ record, line: JSON.stringify(record) }))
  keyed.sort((a, b) => byCodeUnits(a.record.repository, b.record.repository) || byCodeUnits(a.line, b.line))
  const logins = Object.keys(gathered.profiles).sort(byCodeUnits)
  return {
    ...gathered,
    records: keyed.map(k => k.record) satisfies ActivityRecord[],
    lines: keyed.map(k => k.line),
    // The order the scope listing gives, so that merged shards list them as one run does.
    repositories: [...gathered.repositories].sort((a, b) => a.nameWithOwner.localeCompare(b.nameWithOwner)),
    warnings: [...gathered.warnings].sort(byCodeUnits),
    profiles: Object.fromEntries(logins.map(login => [login, gathered.profiles[login]!]))
  }
}
