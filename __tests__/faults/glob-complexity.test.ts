// A glob whose regular expression backtracks for minutes (`*a*a*a*b` on a long path: picomatch turns each
// `*` into `[^/]*?`, and each more star multiplies the tries by the length) is refused with the config,
// naming key and line: the paths it would be matched against are chosen by whoever opens a pull request.
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config/load.js'
import { globMatcher } from '../../src/config/globs.js'

const config = (key: string, pattern: string) => {
  const [section, list] = key.split('.')
  return `${section}:\n  ${list}:\n    - ${JSON.stringify(pattern)}\n`
}

describe('glob complexity', () => {
  it.each([
    ['ci.paths', '*a*a*a*a*a*a*a*a*a*a*a*a*b'],
    ['ci.paths', 'src/*a*a*b/x'],
    ['exclude.patterns', '*a*a*b'],
    ['repositories.exclude', '**/a/**/b/**/c/**'],
    ['ci.paths', '**/*a*/**/*b'],
    ['ci.paths', '+(a|aa)*a*a*b']
  ])('refuses %s %j at config time, naming the key and line', (key, pattern) => {
    const parse = () => parseConfig(config(key, pattern), 'electorate.yml')
    expect(parse).toThrow(new RegExp(`electorate\\.yml:3: ${key.replace('.', '\\.')}\\[0\\]: .*wildcards`))
  })

  it.each([
    '.github/workflows/**',
    '**/Jenkinsfile',
    '**/*.yaml',
    'tests/**/*.sh',
    '*[bot]',
    'dependabot*',
    '*-bot-*',
    'ci/**/*-job-*',
    'a\\*b\\*c\\*d*e'
  ])('takes %j', pattern => {
    expect(() => parseConfig(config('ci.paths', pattern), 'electorate.yml')).not.toThrow()
  })

  it('matches what it takes quickly, on paths as long as GitHub allows', () => {
    // The most a pattern may hold, against the inputs that make such patterns try hardest: a wrong
    // answer, not a timer, is what the test looks at; a backtracking matcher would not return in time.
    const inputs = [
      'a'.repeat(4096),
      Array(2048).fill('a').join('/'),
      Array(16).fill('a'.repeat(255)).join('/')
    ]
    for (const pattern of ['*a*b', '**/*a*b', '*a*/**/b', '**/a/**/b', '@(a|aa)*a*b'])
      for (const input of inputs)
        expect(globMatcher([pattern])(input), `${pattern} on ${input.length}`).toBe(false)
  }, 10_000)
})
