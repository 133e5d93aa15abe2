import { describe, expect, it } from 'vitest'
import { ownersOf, parseCodeowners } from '../../src/stewardship/codeowners.js'

// The examples of GitHub's CODEOWNERS documentation, each with a path it must and must not give.
const FILE = `
# These owners will be the default owners for everything in the repo.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/* docs@example.com @docs-person
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
!/ignored/ @nobody
`

describe('CODEOWNERS', () => {
  const { rules } = parseCodeowners(FILE)
  it.each([
    ['README.md', ['global-owner1', 'global-owner2']],
    ['src/app.js', ['js-owner']],
    ['main.go', []],
    ['notes/a.txt', ['octo-org/octocats']],
    // A later line wins: **/logs covers build/logs too.
    ['build/logs/x/y.log', ['octocat']],
    ['docs/getting-started.md', ['doctocat']],
    ['sub/apps/a.rb', ['octocat']],
    ['scripts/run.sh', ['doctocat', 'octocat']],
    ['deep/logs/today', ['octocat']],
    ['apps/github/x.rb', []],
    ['apps/other/x.rb', ['octocat']],
    ['ignored/x', ['global-owner1', 'global-owner2']]
  ])('gives %s the owners of the last matching line', (path, owners) => {
    expect(ownersOf(rules, path)).toEqual(owners)
  })

  it('lets docs/* reach files directly in the folder, not nested ones', () => {
    const only = parseCodeowners('* @all\nguide/* @guide\n').rules
    expect(ownersOf(only, 'guide/a.md')).toEqual(['guide'])
    expect(ownersOf(only, 'guide/deep/a.md')).toEqual(['all'])
  })

  it('reads a workflow path the way the stewardship files ask', () => {
    const ci = parseCodeowners('/.github/workflows/ @a\n/.github/workflows/release.yaml @b @org/team\n').rules
    expect(ownersOf(ci, '.github/workflows/ci.yaml')).toEqual(['a'])
    expect(ownersOf(ci, '.github/workflows/release.yaml')).toEqual(['b', 'org/team'])
    expect(ownersOf(ci, 'src/main.go')).toEqual([])
  })

  // A repository's CODEOWNERS is matched against workflow paths of up to 255 bytes a name: a pattern whose
  // regular expression backtracks (picomatch makes each `*` a lazy loop) would hang the run for hours.
  it('skips a pattern of more wildcards than the config allows, naming its line, and matches quickly', () => {
    const file = `/.github/workflows/ @a\n\n${'*a'.repeat(9)}*b @x\n`
    const { rules, skipped } = parseCodeowners(file)
    expect(skipped).toEqual([{ line: 3, reason: expect.stringMatching(/10 wildcards/) as string }])
    expect(ownersOf(rules, `.github/workflows/${'a'.repeat(60)}.yml`)).toEqual(['a'])
  }, 5_000)

  it('skips a line too long to compile instead of throwing', () => {
    const { rules, skipped } = parseCodeowners(`* @a\n/docs/${'a'.repeat(70_000)} @x\n`)
    expect(skipped).toEqual([{ line: 2, reason: expect.stringMatching(/length/) as string }])
    expect(ownersOf(rules, 'docs/a')).toEqual(['a'])
  })
})
