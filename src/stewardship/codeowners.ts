import picomatch from 'picomatch'
import { checkGlob } from '../config/globs.js'

// GitHub's CODEOWNERS: each line a gitignore-style pattern and its owners; the last line whose pattern
// matches a path gives that path's owners (a matching line with no owners leaves it without any).
// Written on picomatch rather than a gitignore library: GitHub departs from gitignore (no `!`, no
// `[ ]` ranges, `docs/*` never reaches into subfolders), and each departure is one line here.

export interface CodeownersRule {
  matches: (path: string) => boolean
  /** Logins without `@`, teams as `org/team`; email owners are left out (the roll knows logins only). */
  owners: string[]
}

/** A line left out because its pattern cannot be matched safely: 1-based, with the reason. */
export interface SkippedLine {
  line: number
  reason: string
}

export function parseCodeowners(text: string): { rules: CodeownersRule[]; skipped: SkippedLine[] } {
  const rules: CodeownersRule[] = []
  const skipped: SkippedLine[] = []
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line === '') continue
    const [pattern, ...tokens] = line.split(/\s+/) as [string, ...string[]]
    // GitHub skips a line it cannot read; so does this reader.
    if (pattern.startsWith('!') || /[[\]]/.test(pattern)) continue
    // The paths matched are workflow file names anyone with write access chooses: a pattern past the
    // config's bound on wildcards could backtrack for hours, one too long for picomatch throws.
    try {
      checkGlob(pattern)
    } catch (error) {
      skipped.push({ line: index + 1, reason: (error as Error).message })
      continue
    }
    const owners = tokens.filter(token => token.startsWith('@')).map(token => token.slice(1))
    rules.push({ matches: patternMatcher(pattern), owners })
  }
  return { rules, skipped }
}

/** The owners of a path: those of the last rule that matches it, none when no rule does. */
export function ownersOf(rules: readonly CodeownersRule[], path: string): string[] {
  return rules.findLast(rule => rule.matches(path))?.owners ?? []
}

function patternMatcher(pattern: string): (path: string) => boolean {
  const directory = pattern.endsWith('/')
  let glob = pattern.replace(/\/+$/, '')
  // A slash at the start or in the middle anchors the pattern at the root, as in gitignore.
  const anchored = glob.startsWith('/') || glob.includes('/')
  glob = glob.replace(/^\/+/, '')
  if (!anchored) glob = `**/${glob}`
  // A folder's pattern covers everything under it; `docs/*` only the files directly in docs/.
  const globs = directory ? [`${glob}/**`] : glob.endsWith('/*') ? [glob] : [glob, `${glob}/**`]
  return picomatch(globs, { dot: true })
}
