import type { Rule, RuleKey } from '../config/schema.js'
import type { MetricCounts } from './types.js'

export type Standing = MetricCounts & { score: number }

/** How `qualified_by` names a rule: its minimums in the order written, like `commits>=1&ci>=1`. */
export function ruleName(rule: Rule): string {
  return minimumsOf(rule)
    .map(([key, minimum]) => `${key}>=${minimum}`)
    .join('&')
}

/** The first rule, in the order written, whose minimums all hold: its index, or -1 when none holds. */
export function firstRuleHeld(standing: Standing, criteria: Rule[]): number {
  return criteria.findIndex(rule => minimumsOf(rule).every(([key, minimum]) => standing[key] >= minimum))
}

/** The name of the first rule that holds, or null when none does. */
export function qualifiedBy(standing: Standing, criteria: Rule[]): string | null {
  const held = firstRuleHeld(standing, criteria)
  return held === -1 ? null : ruleName(criteria[held])
}

/**
 * What a person lacks under the rule closest to holding, like `reviews 3 < 5`: the rule missing the
 * smallest share of its minimums, the first written on a tie. '' when a rule holds.
 */
export function shortfall(
  standing: Standing,
  criteria: Rule[],
  format: (value: number) => string,
  separator = ', '
): string {
  let closest: { missing: number; unmet: [RuleKey, number][] } | null = null
  for (const rule of criteria) {
    const unmet = minimumsOf(rule).filter(([key, minimum]) => standing[key] < minimum)
    if (unmet.length === 0) return ''
    const missing = unmet.reduce((sum, [key, minimum]) => sum + (minimum - standing[key]) / minimum, 0)
    if (closest === null || missing < closest.missing) closest = { missing, unmet }
  }
  return (closest?.unmet ?? [])
    .map(([key, minimum]) => `${key} ${format(standing[key])} < ${format(minimum)}`)
    .join(separator)
}

function minimumsOf(rule: Rule): [RuleKey, number][] {
  return Object.entries(rule).filter((entry): entry is [RuleKey, number] => entry[1] !== undefined)
}
