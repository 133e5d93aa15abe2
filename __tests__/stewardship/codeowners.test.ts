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
  const rules = parseCodeowners(FILE)
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
    const only = parseCodeowners('* @all\nguide/* @guide\n')
    expect(ownersOf(only, 'guide/a.md')).toEqual(['guide'])
    expect(ownersOf(only, 'guide/deep/a.md')).toEqual(['all'])
  })

  it('reads a workflow path the way the stewardship files ask', () => {
    const ci = parseCodeowners('/.github/workflows/ @a\n/.github/workflows/release.yaml @b @org/team\n')
    expect(ownersOf(ci, '.github/workflows/ci.yaml')).toEqual(['a'])
    expect(ownersOf(ci, '.github/workflows/release.yaml')).toEqual(['b', 'org/team'])
    expect(ownersOf(ci, 'src/main.go')).toEqual([])
  })
})
