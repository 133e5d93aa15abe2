// Names, titles and paths come from GitHub accounts anyone can open: in the job summary they are
// text, nothing in them mentions someone, links somewhere or adds markup.
import { describe, expect, it } from 'vitest'
import { summaryMarkdown } from '../../src/output/summary.js'
import { electorate, meta, person } from '../output/electorate-fixture.js'

const HOSTILE_NAMES = [
  'Ping @github/security-team and @octocat',
  'see https://evil.example/login?next=/ now',
  'HTTP://EVIL.EXAMPLE in capitals',
  'visit www.evil.example or WWW.Evil.Example',
  'mail me: mallory@evil.example',
  '<img src=x onerror=alert(1)> <script>x</script>',
  '[click](https://evil.example) ![img](https://evil.example/a.png)',
  '**bold** _em_ `code` ~~gone~~ | cell | $x$',
  'fixes #1 and octo/repo#2',
  '# heading\n- item\r\n> quote'
]

/** The summary of a roll whose qualified people carry the hostile names above. */
function summaryOfHostileNames(): string {
  const people = HOSTILE_NAMES.map((name, i) => person(`user${i}`, { name }))
  return summaryMarkdown(electorate({ people }), meta(), { includeEmails: false })
}

describe('summary.md shows GitHub-provided text as text', () => {
  // The profile links the summary makes itself are its own; everything else must be plain text.
  const text = summaryOfHostileNames().replace(/\[user(\d+)\]\(https:\/\/github\.com\/user\1\)/g, 'user$1')
  const rows = text.split('\n').filter(line => line.startsWith('| user'))

  it('keeps every hostile name on its own row', () => {
    expect(rows).toHaveLength(HOSTILE_NAMES.length)
  })

  it('mentions nobody: no @ directly before a login character', () => {
    expect(text).not.toMatch(/@[A-Za-z0-9]/)
  })

  it('leaves no bare URL, www. or email autolink', () => {
    expect(text).not.toMatch(/[a-z][a-z0-9+.-]*:\/\//i)
    expect(text).not.toMatch(/www\./i)
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]@[A-Za-z0-9-]/)
  })

  it('adds no HTML, link, image, emphasis, table cell or issue reference', () => {
    for (const row of rows) {
      const name = row.split(' | ')[1]!
      expect(name).not.toMatch(/(^|[^\\])[<>[\]()*_`~|$]/)
      expect(name).not.toMatch(/#\d/)
    }
  })
})

describe('summary.md shows titles and paths in warnings as text', () => {
  // Warnings quote what GitHub gave: a pull request's title, a file's path, a commit identity.
  const HOSTILE_WARNINGS = [
    'a/b#7 "cc @octocat, see https://evil.example and www.evil.example": approved after merge',
    'a/b: workflow file .github/workflows/<img src=x onerror=alert(1)>.yml has no jobs',
    'a/b: [link](https://evil.example) **bold** fixes #1\n- injected item'
  ]
  const text = summaryMarkdown(
    electorate({ people: [person('alice')] }),
    meta({ warnings: HOSTILE_WARNINGS }),
    {
      includeEmails: false
    }
  )
  const section = text.slice(text.indexOf('## Warnings'))
  const items = section.split('\n').filter(line => line.startsWith('- '))

  it('keeps each warning one list item that mentions, links and marks up nothing', () => {
    // The summary's own items (unlinked identities, emails left out) carry markup of its own.
    const quoted = items.filter(item => item.includes('a/b'))
    expect(quoted).toHaveLength(HOSTILE_WARNINGS.length)
    for (const item of quoted) {
      const body = item.slice(2)
      expect(body).not.toMatch(/@[A-Za-z0-9]/)
      expect(body).not.toMatch(/[a-z][a-z0-9+.-]*:\/\//i)
      expect(body).not.toMatch(/www\./i)
      expect(body).not.toMatch(/(^|[^\\])[<>[\]()*_`|]/)
      expect(body).not.toMatch(/#\d/)
    }
  })
})
