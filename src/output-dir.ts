import { realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from './options.js'

/**
 * The real path a folder would have once created: the nearest ancestor that exists, resolved through
 * its symbolic links, then the parts still to be made.
 */
export function realPathToBe(folder: string): string {
  const rest: string[] = []
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync.native(at), ...rest.reverse())
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(at) === at) throw error
      rest.push(path.basename(at))
    }
  }
}

const within = (folder: string, root: string) => {
  const relative = path.relative(root, folder)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * The output folder, absolute. `roots` (the action: the workspace and the runner's temporary folder)
 * confine it, on the real path, so that neither `..` nor a symbolic link in the checkout can lead the
 * run's writes out of the runner's own folders; the CLI passes none, its user may write anywhere.
 */
export function resolveOutputDir(given: string, base: string, roots?: readonly string[]): string {
  const resolved = path.resolve(base, given)
  // Found out before any request, not after the whole gathering.
  if (statSync(resolved, { throwIfNoEntry: false })?.isDirectory() === false)
    throw new UsageError(`output-dir: "${given}" is a file, not a folder`)
  if (roots === undefined) return resolved
  const real = realPathToBe(resolved)
  if (!roots.some(root => within(real, realPathToBe(root)))) {
    const seen = real === resolved ? '' : ` (really ${real})`
    throw new UsageError(
      `output-dir: "${given}"${seen} is outside the workspace and the runner's temporary folder ` +
        `(${roots.join(', ')}); use a folder inside one of them`
    )
  }
  return resolved
}
