import { UsageError } from '../options.js'

export type KeyPath = ReadonlyArray<string | number>

/** One thing wrong with a config file, at a key path such as `criteria[2].reviews`. */
export interface ConfigProblem {
  path: KeyPath
  message: string
}

/** `criteria[2].reviews`, `reviews.late-approvals`, `emails["Ann@example.com"]`. */
export function formatPath(path: KeyPath): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`
    else text += `[${JSON.stringify(segment)}]`
  }
  return text
}

/** How a value found in the file reads in a message: strings quoted, lists and maps by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'an empty value'
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty map' : 'a map'
  // JSON would write YAML's .inf and .nan as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return JSON.stringify(value)
}

export interface LocatedProblem {
  line: number
  text: string
}

/** A config file's problems, kept apart as well so that the action can point at each one's line. */
export class ConfigError extends UsageError {
  override name = 'ConfigError'
  constructor(
    readonly file: string,
    readonly problems: readonly LocatedProblem[]
  ) {
    const lines = problems.map(p => `${file}:${p.line}: ${p.text}`)
    const heading =
      lines.length === 1 ? 'The config file has an error:' : `The config file has ${lines.length} errors:`
    super([heading, ...lines.map(l => `  ${l}`)].join('\n'))
  }
}

/** One error listing every problem, each as `file:line: path: message`, in the file's order. */
export function configError(fileName: string, located: LocatedProblem[]): ConfigError {
  return new ConfigError(
    fileName,
    [...located].sort((a, b) => a.line - b.line)
  )
}

/** The value written at a key path of the file's parsed YAML; undefined where nothing is. */
export function valueAt(input: unknown, path: KeyPath): unknown {
  let value = input
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[segment]
  }
  return value
}
