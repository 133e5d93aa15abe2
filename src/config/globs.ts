import picomatch from 'picomatch'

/** A case-insensitive matcher for a list of globs; an empty list matches nothing. */
export function globMatcher(patterns: string[], options: { nocase?: boolean; dot?: boolean } = {}) {
  if (patterns.length === 0) return () => false
  return picomatch(patterns, { nocase: options.nocase ?? true, dot: options.dot ?? true })
}

// picomatch turns each `*` into `[^/]*?` (and `**` into a loop over segments): a regular expression that
// backtracks, each more wildcard multiplying the tries by the length of the path. Measured on paths of
// 4,096 characters: `*a*a*b` (three in a segment) took 7.3 s, `*a*a*a*b` minutes, while any pattern with
// at most two in a segment and three in all stayed under 10 ms. Paths come from pull requests, which
// anyone may open: the bound is checked with the config.
const MAX_WILDCARDS = 3
const MAX_WILDCARDS_IN_SEGMENT = 2
// A run of stars, or an extglob group such as `+(a|b)`, is one wildcard.
const WILDCARD = /\*+|[?+@!]\(/g

/** Throws with picomatch's reason when a glob cannot be compiled, or names its wildcards past the bound. */
export function checkGlob(pattern: string): void {
  picomatch.makeRe(pattern, { strictBrackets: true })
  const counts = pattern
    .replace(/\\./g, '')
    .split('/')
    .map(segment => segment.match(WILDCARD)?.length ?? 0)
  const total = counts.reduce((sum, count) => sum + count, 0)
  if (total > MAX_WILDCARDS || counts.some(count => count > MAX_WILDCARDS_IN_SEGMENT))
    throw new Error(
      `${total} wildcards (* ** or extglob groups); at most ${MAX_WILDCARDS} in a pattern and ` +
        `${MAX_WILDCARDS_IN_SEGMENT} between two slashes, so that matching a long path stays quick`
    )
}
