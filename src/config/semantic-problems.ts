import { parseUtcDay } from '../window.js'
import { checkGlob, globMatcher } from './globs.js'
import { formatPath, valueAt, type ConfigProblem, type KeyPath } from './problems.js'

// Checks that span keys or need more than a type: they read the YAML as written, so that they can
// report alongside the schema's problems instead of after them are fixed.

const GLOB_LISTS: KeyPath[] = [
  ['repositories', 'exclude'],
  ['ci', 'paths'],
  ['exclude', 'patterns']
]
const REPOSITORY = /^(?:[A-Za-z0-9_.-]+\/)?[A-Za-z0-9_.-]+$/

export function semanticProblems(input: unknown): ConfigProblem[] {
  return [
    ...GLOB_LISTS.flatMap(list => globProblems(input, list)),
    ...stringsAt(input, ['repositories', 'include'])
      .filter(item => !REPOSITORY.test(item.value))
      .map(item => ({
        path: item.path,
        message: `expected a repository (owner/name or name), got ${JSON.stringify(item.value)}`
      })),
    ...expiryProblems(input),
    ...includeProblems(input),
    ...aliasProblems(input),
    ...emailProblems(input)
  ]
}

function globProblems(input: unknown, list: KeyPath): ConfigProblem[] {
  return stringsAt(input, list).flatMap(item => {
    try {
      checkGlob(item.value)
      return []
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return [{ path: item.path, message: `bad glob ${JSON.stringify(item.value)}: ${reason}` }]
    }
  })
}

function expiryProblems(input: unknown): ConfigProblem[] {
  return listAt(input, ['include']).flatMap((_, index) => {
    const path = ['include', index, 'expires']
    const expires = valueAt(input, path)
    if (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires)) return []
    if (parseUtcDay(expires) !== undefined) return []
    return [{ path, message: `expected a real date (YYYY-MM-DD), got ${JSON.stringify(expires)}` }]
  })
}

/** An included person listed twice, or also excluded: the officials must say which they meant. */
/** Every account of the person a login belongs to under `aliases` (the login alone when it has none). */
function accountsOf(input: unknown, login: string): string[] {
  const key = login.toLowerCase()
  for (const [primary, others] of Object.entries(mapAt(input, ['aliases']))) {
    const group = [primary, ...(Array.isArray(others) ? others.filter(o => typeof o === 'string') : [])]
    if (group.some(account => account.toLowerCase() === key)) return group
  }
  return [login]
}

function includeProblems(input: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  const seen = new Map<string, KeyPath>()
  const excluded = new Map<string, KeyPath>()
  for (const key of ['logins', 'bots']) {
    for (const item of stringsAt(input, ['exclude', key])) excluded.set(item.value.toLowerCase(), item.path)
  }
  const patterns = stringsAt(input, ['exclude', 'patterns']).filter(item => compiles(item.value))
  listAt(input, ['include']).forEach((_, index) => {
    const path = ['include', index, 'login']
    const login = valueAt(input, path)
    if (typeof login !== 'string') return
    const key = login.toLowerCase()
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ path, message: `'${login}' is already included at ${formatPath(earlier)}` })
    }
    seen.set(key, earlier ?? path)
    // An exclusion of any account merged into the person excludes the person, the included login too.
    for (const account of accountsOf(input, login)) {
      const whose = account.toLowerCase() === key ? '' : ` through the alias '${account}'`
      const exclusion = excluded.get(account.toLowerCase())
      if (exclusion !== undefined) {
        problems.push({
          path,
          message: `'${login}' is both included and excluded${whose} (${formatPath(exclusion)})`
        })
      }
      const pattern = patterns.find(item => globMatcher([item.value])(account))
      if (pattern !== undefined) {
        problems.push({
          path,
          message: `'${login}' is both included and excluded${whose} (${formatPath(pattern.path)}: '${pattern.value}')`
        })
      }
    }
  })
  return problems
}

/** Aliases must form stars: each other account under one primary, once, and no primary is an alias. */
function aliasProblems(input: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  const aliases = mapAt(input, ['aliases'])
  const primaries = new Map<string, KeyPath>()
  for (const primary of Object.keys(aliases)) {
    const path = ['aliases', primary]
    const earlier = primaries.get(primary.toLowerCase())
    if (earlier !== undefined) {
      problems.push({ path, message: `'${primary}' is already a primary account at ${formatPath(earlier)}` })
    } else {
      primaries.set(primary.toLowerCase(), path)
    }
  }
  const aliasOf = new Map<string, { primary: string; path: KeyPath }>()
  for (const primary of Object.keys(aliases)) {
    for (const item of stringsAt(input, ['aliases', primary])) {
      const key = item.value.toLowerCase()
      const earlier = aliasOf.get(key)
      const primaryPath = primaries.get(key)
      if (key === primary.toLowerCase()) {
        problems.push({ path: item.path, message: `'${item.value}' is listed as an alias of itself` })
      } else if (primaryPath !== undefined) {
        problems.push({
          path: item.path,
          message: `'${item.value}' is a primary account (${formatPath(primaryPath)}) and cannot also be an alias`
        })
      } else if (earlier !== undefined && earlier.primary === primary) {
        problems.push({
          path: item.path,
          message: `'${item.value}' is listed twice (${formatPath(earlier.path)})`
        })
      } else if (earlier !== undefined) {
        problems.push({
          path: item.path,
          message: `'${item.value}' is already an alias of '${earlier.primary}' (${formatPath(earlier.path)})`
        })
      }
      if (earlier === undefined) aliasOf.set(key, { primary, path: item.path })
    }
  }
  return problems
}

/** Email addresses are matched case-insensitively, so two keys differing only in case clash. */
function emailProblems(input: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  const seen = new Map<string, KeyPath>()
  for (const email of Object.keys(mapAt(input, ['emails']))) {
    const path = ['emails', email]
    const earlier = seen.get(email.toLowerCase())
    if (earlier === undefined) seen.set(email.toLowerCase(), path)
    else
      problems.push({
        path,
        message: `'${email}' is already mapped at ${formatPath(earlier)} (emails are compared case-insensitively)`
      })
  }
  return problems
}

function compiles(glob: string): boolean {
  try {
    checkGlob(glob)
    return true
  } catch {
    return false
  }
}

function listAt(input: unknown, path: KeyPath): unknown[] {
  const value = valueAt(input, path)
  return Array.isArray(value) ? value : []
}

function mapAt(input: unknown, path: KeyPath): Record<string, unknown> {
  const value = valueAt(input, path)
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function stringsAt(input: unknown, path: KeyPath): Array<{ value: string; path: KeyPath }> {
  return listAt(input, path).flatMap((value, index) =>
    typeof value === 'string' && value !== '' ? [{ value, path: [...path, index] }] : []
  )
}
