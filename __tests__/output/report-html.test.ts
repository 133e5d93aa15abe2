import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { escapeHtml, externalLink, httpUrl, scriptJson } from '../../src/output/report-html/html-escape.js'
import { reportHtml } from '../../src/output/report-html/report-html.js'
import { electorate, meta, person } from './electorate-fixture.js'

const FILES = { 'electorate.csv': 'e'.repeat(64), 'evidence.csv': 'f'.repeat(64) }
const HOSTILE_NAME = '<script>alert(1)</script>'
const HOSTILE_NOTE = '"onmouseover=alert(2) x="'

function hostileElectorate() {
  return electorate({
    people: [
      person('alice', { name: HOSTILE_NAME, note: HOSTILE_NOTE, qualifiedBy: 'include: <b>chair</b>' }),
      person('mallory', { name: '=HYPERLINK("http://x")', profileUrl: 'javascript:alert(3)' })
    ],
    evidence: [
      {
        login: 'alice',
        metric: 'commits',
        repository: 'o/r',
        url: 'https://github.com/o/r/commit/</script><script>alert(4)</script>',
        at: '2024-03-01T10:00:00Z'
      },
      {
        login: 'mallory',
        metric: 'commits',
        repository: 'o/r',
        url: 'javascript:alert(5)',
        at: '2024-03-02T10:00:00Z'
      }
    ],
    warnings: ['<img src=x onerror=alert(6)>']
  })
}

function embeddedData(html: string) {
  const match = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)
  expect(match).not.toBeNull()
  return JSON.parse(match![1]) as {
    people: { login: string; evidence: Record<string, [string, string][]> }[]
  }
}

describe('html escaping', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
    )
  })

  it('writes JSON that cannot close its script element and parses back to the same value', () => {
    const value = { url: '</script><!-- & \u2028 >' }
    const json = scriptJson(value)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual(value)
  })

  it('links only absolute http(s) urls', () => {
    expect(httpUrl('https://github.com/o/r/pull/1')).toBe('https://github.com/o/r/pull/1')
    expect(httpUrl('HTTP://example.org/')).toBe('HTTP://example.org/')
    for (const url of [
      'javascript:alert(1)',
      ' https://x.org',
      '//evil.example/',
      'data:text/html,x',
      'https://'
    ])
      expect(httpUrl(url), url).toBeNull()
    expect(externalLink('javascript:alert(1)', 'me')).toBe('me')
    expect(externalLink('https://github.com/a"b', 'a')).toBe(
      '<a href="https://github.com/a&quot;b" rel="noopener noreferrer" target="_blank">a</a>'
    )
  })
})

describe('reportHtml', () => {
  it('shows every value GitHub gave as text, never as markup', () => {
    const html = reportHtml(hostileElectorate(), meta(), { includeEmails: true, files: FILES })
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&quot;onmouseover=alert(2) x=&quot;')
    expect(html).toContain('include: &lt;b&gt;chair&lt;/b&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(6)&gt;')
    expect(html).not.toMatch(/alert\(\d\)<\/script>|<img|<b>|href="javascript/)
    // The two script elements of the page itself, and no third one opened by the data.
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html.match(/<\/script>/g)).toHaveLength(2)
    const data = embeddedData(html)
    expect(data.people.map(p => p.evidence.commits?.[0]?.[0])).toEqual([
      'https://github.com/o/r/commit/</script><script>alert(4)</script>',
      'javascript:alert(5)'
    ])
  })

  it('links each login to its profile in a new tab without an opener', () => {
    const html = reportHtml(electorate(), meta(), { includeEmails: false, files: FILES })
    expect(html).toContain(
      '<a href="https://github.com/Bob" rel="noopener noreferrer" target="_blank">Bob</a>'
    )
  })

  it('shows emails only when the output includes them', () => {
    const withEmails = reportHtml(electorate(), meta(), { includeEmails: true, files: FILES })
    const without = reportHtml(electorate(), meta(), { includeEmails: false, files: FILES })
    expect(withEmails).toContain('alice@example.org')
    expect(withEmails).toContain('alice@work.example; a@home.example')
    expect(withEmails).toContain('<button type="button">email</button>')
    expect(without).not.toMatch(/@example\.org|@work\.example|<button type="button">email</)
  })

  it('hides emails in warnings when the output carries none', () => {
    const hidden = reportHtml(electorate({ warnings: ['unmapped ghost@example.net'] }), meta(), {
      includeEmails: false,
      files: FILES
    })
    expect(hidden).toContain('unmapped &lt;email hidden&gt;')
  })

  it('carries each person’s evidence by metric, in the table’s order', () => {
    const html = reportHtml(electorate(), meta(), { includeEmails: false, files: FILES })
    const data = embeddedData(html)
    expect(data.people.map(p => p.login)).toEqual(['alice', 'Bob', 'carol', 'dependabot-like'])
    expect(data.people[1].evidence).toEqual({
      reviews: [['https://github.com/o/r/pull/3', '2024-04-01T00:00:00Z']]
    })
    expect(html).toMatch(/<tr data-person="1" data-status="qualified" data-search="bob bob name">/)
    expect(html).toContain('<button type="button" class="evidence" data-metric="reviews"')
  })

  it('draws both charts with their labels and numbers', () => {
    const html = reportHtml(electorate(), meta(), { includeEmails: false, files: FILES })
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g) ?? []
    expect(charts).toHaveLength(2)
    expect(charts[0]).toMatch(/>reviews<\/text><rect[^>]*><\/rect><text class="value"[^>]*>10<\/text>/)
    expect(charts[1]).toMatch(/>reviews&gt;=5<\/text><rect[^>]*><\/rect><text class="value"[^>]*>1<\/text>/)
    expect(charts[1]).toMatch(/>triaged&gt;=10<\/text><rect[^>]*width="0"/)
  })

  it('states the window, organization, version and the hashes of the files beside it', () => {
    const html = reportHtml(electorate(), meta(), { includeEmails: false, files: FILES })
    expect(html).toContain('<h1>Electorate of kata-containers</h1>')
    expect(html).toContain('2023-10-01T00:00:00Z')
    expect(html).toContain('2024-10-01T00:00:00Z')
    expect(html).toContain('electorate 0.1.0')
    expect(html).toContain(`<tr><td>electorate.csv</td><td><code>${'e'.repeat(64)}</code></td></tr>`)
  })

  it('admits exactly its own script and style through the Content-Security-Policy', () => {
    const html = reportHtml(electorate(), meta(), { includeEmails: false, files: FILES })
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]
    const hash = (text: string) => createHash('sha256').update(text).digest('base64')
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain(`script-src 'sha256-${hash(script)}'`)
    expect(policy).toContain(`style-src 'sha256-${hash(style)}'`)
  })

  it('gives the same bytes for the same data', () => {
    const write = () => reportHtml(electorate(), meta(), { includeEmails: true, files: FILES })
    expect(write()).toBe(write())
  })
})
