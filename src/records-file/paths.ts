import { glob, stat } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../options.js'

/**
 * The records files that paths and globs name (relative to cwd), each once, sorted. A pattern that names no
 * file is an error: a shard whose artifact did not download must not silently leave its people out.
 */
export async function recordsFilesOf(patterns: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>()
  for (const pattern of patterns) {
    const matches: string[] = []
    for await (const match of glob(pattern, { cwd })) {
      const file = path.resolve(cwd, match)
      if ((await stat(file)).isFile()) matches.push(file)
    }
    if (matches.length === 0) throw new UsageError(`records: no file matches ${pattern}`)
    matches.forEach(file => found.add(file))
  }
  return [...found].sort()
}
