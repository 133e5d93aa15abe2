import { z } from 'zod'
import { didYouMean } from './did-you-mean.js'
import { describeValue, valueAt, type ConfigProblem, type KeyPath } from './problems.js'
import { configSchema } from './schema.js'

// zod's own messages speak of zod's types ("expected int, received number"); the people who write
// this file speak YAML and the election's words, so every issue is said again in those.

const EXPECTED: Record<string, string> = {
  '': 'a map of settings',
  months: 'a whole number from 1 to 120',
  repositories: 'a map of repository settings',
  'repositories.include': 'a list of repositories (owner/name or name)',
  'repositories.include[]': 'a repository (owner/name or name)',
  'repositories.exclude': 'a list of globs',
  'repositories.exclude[]': 'a glob',
  'repositories.archived': 'true or false',
  'repositories.forks': 'true or false',
  'repositories.private': 'true or false',
  ci: 'a map with paths',
  'ci.paths': 'a non-empty list of globs',
  'ci.paths[]': 'a glob',
  reviews: 'a map with late-approvals',
  'reviews.late-approvals': 'false or a whole number of at least 1',
  scoring: 'a map with weights',
  'scoring.weights': 'a map from metric to weight',
  'scoring.weights.*': 'a number of at least 0',
  criteria: 'a non-empty list of rules',
  'criteria[]': 'a rule: a map from metric to minimum',
  'criteria[].*': 'a number of at least 0',
  include: 'a list of entries with login, reason and optionally expires',
  'include[]': 'a map with login, reason and optionally expires',
  'include[].login': 'a GitHub login',
  'include[].reason': 'a reason (text)',
  'include[].expires': 'a date (YYYY-MM-DD)',
  exclude: 'a map with bots, logins and patterns',
  'exclude.bots': 'a list of GitHub logins',
  'exclude.bots[]': 'a GitHub login',
  'exclude.logins': 'a list of GitHub logins',
  'exclude.logins[]': 'a GitHub login',
  'exclude.patterns': 'a list of globs',
  'exclude.patterns[]': 'a glob',
  aliases: 'a map from a primary login to the list of its other logins',
  'aliases.*': 'a non-empty list of GitHub logins',
  'aliases.*[]': 'a GitHub login',
  emails: 'a map from email address to GitHub login',
  'emails.*': 'a GitHub login',
  output: 'a map with emails',
  'output.emails': 'auto, true or false'
}

const EXPECTED_KEY: Record<string, string> = {
  aliases: 'a GitHub login as the primary account',
  emails: 'an email address'
}

const RECORDS = new Set(['aliases', 'emails', 'scoring.weights', 'criteria[]'])

/** Every zod issue of a failed parse, in the file's words. */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], input: unknown): ConfigProblem[] {
  // A rule of unknown metrics only is reported for those; "needs at least one minimum" would be noise.
  const unknownKeysAt = new Set(issues.filter(i => i.code === 'unrecognized_keys').map(i => i.path.join('.')))
  return issues
    .filter(issue => issue.code !== 'custom' || !unknownKeysAt.has(issue.path.join('.')))
    .flatMap(issue => issueProblems(issue, input))
}

function issueProblems(issue: z.core.$ZodIssue, input: unknown): ConfigProblem[] {
  const path = issue.path.filter(s => typeof s !== 'symbol') as Array<string | number>
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(key => ({ path: [...path, key], message: unknownKey(key, path) }))
  }
  if (issue.code === 'invalid_key') {
    const key = String(path.at(-1))
    const expected = EXPECTED_KEY[pattern(path.slice(0, -1))] ?? 'a valid key'
    return [{ path, message: `expected ${expected}, got ${JSON.stringify(key)}` }]
  }
  if (issue.code === 'custom') return [{ path, message: issue.message }]
  const expected = EXPECTED[pattern(path)]
  if (expected === undefined) return [{ path, message: issue.message }]
  const value = valueAt(input, path)
  if (value === undefined) return [{ path, message: `missing; expected ${expected}` }]
  return [{ path, message: `expected ${expected}, got ${describeValue(value)}` }]
}

function unknownKey(key: string, objectPath: KeyPath): string {
  const known = knownKeys(objectPath)
  const where = pattern(objectPath)
  const noun = where === 'criteria[]' || where === 'scoring.weights' ? 'metric' : 'key'
  const suggestion = didYouMean(key, known)
  const hint =
    suggestion !== undefined ? `did you mean '${suggestion}'?` : `expected one of ${known.join(', ')}`
  return `unknown ${noun} '${key}' (${hint})`
}

/** The keys the schema allows in the map at this path, in the schema's order. */
function knownKeys(objectPath: KeyPath): string[] {
  let schema: z.core.$ZodType | undefined = configSchema
  for (const segment of objectPath) {
    schema = unwrap(schema)
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.core.$ZodType>)[segment]
    else if (schema instanceof z.ZodArray) schema = schema.element
    else if (schema instanceof z.ZodRecord) schema = schema.valueType
    else return []
  }
  const object = unwrap(schema)
  return object instanceof z.ZodObject ? Object.keys(object.shape) : []
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema
  while (
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodOptional
  ) {
    current = current.unwrap()
  }
  return current
}

/** `criteria[].reviews` for `criteria[2].reviews`, `aliases.*[]` for `aliases.alice[0]`: the table's keys. */
function pattern(path: KeyPath): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += '[]'
    else text += (text === '' ? '' : '.') + (RECORDS.has(text) ? '*' : segment)
  }
  return text
}
