import picomatch from 'picomatch'

/** A case-insensitive matcher for a list of globs; an empty list matches nothing. */
export function globMatcher(patterns: string[], options: { nocase?: boolean; dot?: boolean } = {}) {
  if (patterns.length === 0) return () => false
  return picomatch(patterns, { nocase: options.nocase ?? true, dot: options.dot ?? true })
}

/** Throws with picomatch's reason when a glob cannot be compiled. */
export function checkGlob(pattern: string): void {
  picomatch.makeRe(pattern, { strictBrackets: true })
}
