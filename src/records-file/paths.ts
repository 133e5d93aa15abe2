import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { UsageError } from '../options.js'

/**
 * The records files that paths and globs name (relative to cwd), each once, sorted. A pattern that names no
 * file is an error: a shard whose artifact did not download must not silently leave its people out.
 */
export async function recordsFilesOf(patterns: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>()
  for (const pattern of patterns) {
    const matches: string[] = []
    for (const match of await filesMatching(path.resolve(cwd, pattern))) {
      if ((await stat(match)).isFile()) matches.push(match)
    }
    if (matches.length === 0) throw new UsageError(`records: no file matches ${pattern}`)
    matches.forEach(file => found.add(file))
  }
  return [...found].sort()
}

// Not fs.glob: it came with Node 22, and the CLI runs on Node 20. The folder before the first wildcard is
// walked and every path under it matched against the rest, as a shell's `**` would.
async function filesMatching(pattern: string): Promise<string[]> {
  const { base, glob, isGlob } = picomatch.scan(pattern)
  if (!isGlob) return (await exists(pattern)) ? [pattern] : []
  if (!(await exists(base))) return []
  const isMatch = picomatch(glob)
  const entries = await readdir(base, { recursive: true })
  return entries
    .filter(entry => isMatch(entry.split(path.sep).join('/')))
    .map(entry => path.join(base, entry))
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false
  )
