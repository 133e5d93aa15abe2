// The one options object that both entries (the action in main.ts, the CLI in cli.ts) build
// from their inputs and hand to run().
import type { RecordsCaps } from './records-file/caps.js'

/** gather: records file only; score: the output folder from records files, no API call; all: both. */
export const MODES = ['gather', 'score', 'all'] as const
export type Mode = (typeof MODES)[number]

export interface Options {
  mode: Mode
  /** Records files to score (mode score): absolute paths or globs. */
  records: string[]
  /** What one records file may inflate to: a file from another job's artifact may be a gzip bomb. */
  recordsCaps: RecordsCaps
  /** One or more organizations gathered into one roll; empty in mode score when not given (the records name them). */
  organizations: string[]
  /** Explicit repositories (`owner/name` or `name`); empty: every repository of the organization. */
  repositories: string[]
  /** Raw window inputs as given (YYYY-MM-DD or ISO 8601 with offset); resolved by window.ts. */
  since?: string
  until?: string
  months?: number
  /** Config file path; `explicit` is false when it is the default path, whose absence means defaults. */
  config: { path: string; explicit: boolean }
  outputDir: string
  /** An earlier electorate.csv (absolute path) to compare the new roll with: changes.csv. */
  previous?: string
  /** Whether to write email columns: an explicit input wins over the config's `output.emails`. */
  includeEmails: boolean | 'auto'
  /** What `auto` means for this entry: the CLI always, the action only for a private repository. */
  includeEmailsAuto: boolean
  graphqlUrl: string
  /** Said before gathering when the endpoint is neither GitHub.com nor the runner's own. */
  endpointWarning?: string | undefined
  token: string
  /** Longest wait for a primary rate-limit reset before failing, in minutes. */
  rateLimitWaitMinutes: number
  /** Requests in flight at most. */
  concurrency: number
  /** Logins standing for election (the `candidates` input), besides the config's `candidates:`. */
  candidates: string[]
  /** The `access` input: undefined leaves it to the config. */
  access?: boolean
  /** The clock: tests and the records file pin it so a run is reproducible. */
  now: Date
}

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** Runs fn inside a named, collapsible group (the action) or under a heading (the CLI). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** A usage or config error: the CLI exits 2, the action fails with the message alone. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The inputs shared by the action (kebab-case inputs) and the CLI (`--flags`), by name. */
export type RawInputs = Partial<Record<InputName, string>> & {
  /** The action's `records` input, the CLI's `--from-records`: paths or globs of records files. */
  records?: string[]
}

export const SHARED_INPUTS = [
  'organization',
  'repositories',
  'since',
  'until',
  'months',
  'config',
  'output-dir',
  'previous',
  'include-emails',
  'graphql-url',
  'rate-limit-wait',
  'concurrency',
  'mode',
  'records-caps',
  'candidates',
  'access'
] as const
export type InputName = (typeof SHARED_INPUTS)[number]

export const DEFAULT_CONFIG_PATH = '.github/electorate.yml'
export const DEFAULT_OUTPUT_DIR = 'electorate'
export const DEFAULT_GRAPHQL_URL = 'https://api.github.com/graphql'
/** Well under GitHub's 100 concurrent requests, enough to keep a pagination chain from queueing. */
export const DEFAULT_CONCURRENCY = 10
