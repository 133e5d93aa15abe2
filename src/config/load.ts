import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { UsageError } from '../options.js'
import { parseConfig } from './parse.js'
import type { Config } from './schema.js'

export { parseConfig } from './parse.js'

export interface LoadedConfig {
  config: Config
  /** The file read; null when the default path was absent and every default applies. */
  path: string | null
  /** The file's text as read; null when no file was read. */
  source: string | null
  /** sha256 (hex) of effectiveConfigJson(config): equal for configs that mean the same. */
  sha256: string
}

/** Reads and checks the config file; a missing file means all defaults unless it was asked for by name. */
export async function loadConfig(path: string, options: { explicit: boolean }): Promise<LoadedConfig> {
  let source: string
  try {
    source = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && !options.explicit) return loaded(parseConfig('', path), null, null)
    if (code === 'ENOENT') throw new UsageError(`config file not found: ${path}`)
    throw new UsageError(`cannot read config file ${path}: ${(error as Error).message}`)
  }
  return loaded(parseConfig(source, path), path, source)
}

/**
 * The effective config as canonical JSON: map keys sorted at every level, except inside criteria
 * rules, whose key order is meaning (it is the order `qualified_by` names the minimums in).
 */
export function effectiveConfigJson(config: Config): string {
  const entries = Object.entries(config).map(([key, value]) => {
    const json = key === 'criteria' ? JSON.stringify(value) : canonicalJson(value)
    return [key, json] as const
  })
  return `{${entries
    .sort(byKey)
    .map(([key, json]) => `${JSON.stringify(key)}:${json}`)
    .join(',')}}`
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
  return `{${entries
    .sort(byKey)
    .map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`)
    .join(',')}}`
}

function byKey([a]: readonly [string, unknown], [b]: readonly [string, unknown]): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function loaded(config: Config, path: string | null, source: string | null): LoadedConfig {
  const sha256 = createHash('sha256').update(effectiveConfigJson(config)).digest('hex')
  return { config, path, source, sha256 }
}
