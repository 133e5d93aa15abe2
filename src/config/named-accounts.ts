import { LineCounter, parseDocument } from 'yaml'
import type { LoadedConfig } from './load.js'
import type { KeyPath } from './problems.js'
import { lineOf } from './yaml-lines.js'

/** A login the config names, where it names it. */
export interface NamedAccount {
  login: string
  path: KeyPath
  /** Line in the config file; 0 when no file was read. */
  line: number
  /** Whether the person counts on the roll under it (include, aliases), not only left out. */
  person: boolean
}

/** Every login written in `include`, `aliases` (keys and values) and `exclude.logins`, in the file's order. */
export function accountsNamed(loaded: LoadedConfig): NamedAccount[] {
  const { config } = loaded
  const named: Omit<NamedAccount, 'line'>[] = [
    ...config.include.map((entry, i) => ({
      login: entry.login,
      path: ['include', i, 'login'],
      person: true
    })),
    ...Object.entries(config.aliases).flatMap(([primary, others]) => [
      { login: primary, path: ['aliases', primary], person: true },
      ...others.map((login, j) => ({ login, path: ['aliases', primary, j], person: true }))
    ]),
    ...config.exclude.logins.map((login, i) => ({ login, path: ['exclude', 'logins', i], person: false }))
  ]
  if (loaded.source === null) return named.map(account => ({ ...account, line: 0 }))
  const lines = new LineCounter()
  const document = parseDocument(loaded.source, { lineCounter: lines })
  return named
    .map(account => ({ ...account, line: lineOf(document, lines, account.path) }))
    .sort((a, b) => a.line - b.line)
}
