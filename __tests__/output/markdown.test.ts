import { describe, expect, it } from 'vitest'
import { escapeMarkdown, markdownLink } from '../../src/output/markdown.js'

describe('escapeMarkdown', () => {
  it('keeps a table cell in one piece', () => {
    expect(escapeMarkdown('a | b\nc')).toBe('a \\| b c')
  })

  it('neutralises links, html, emphasis, code and math', () => {
    expect(escapeMarkdown('[x](http://evil.example)')).toBe('\\[x\\]\\(http:\u2060//evil.example\\)')
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert\\(1\\)\\>')
    expect(escapeMarkdown('*bold* _it_ `code` $x$ ~s~')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\$x\\$ \\~s\\~'
    )
    expect(escapeMarkdown('back\\slash &amp;')).toBe('back\\\\slash \\&amp;')
  })

  it('stops a warning from opening a nested list or heading', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('1. first')).toBe('1\\. first')
    expect(escapeMarkdown('# title')).toBe('\\# title')
  })

  it('lets nothing in a name mention, autolink or reference: @people, URLs, www., emails, #numbers', () => {
    const hostile = [
      '@kata-containers/architecture-committee please look',
      'cc @alice',
      'Mallory https://evil.example/login',
      'see www.evil.example',
      'HTTP://EVIL.EXAMPLE',
      'WWW.Evil.Example',
      'mail admin@evil.example',
      'fixes #123',
      'org/repo#7'
    ]
    for (const name of hostile) {
      const text = escapeMarkdown(name)
      expect(text, name).not.toMatch(/@[A-Za-z0-9]/)
      expect(text, name).not.toMatch(/https?:\/\//i)
      expect(text, name).not.toMatch(/www\./i)
      expect(text, name).not.toMatch(/#\d/)
      // Only invisible word joiners are added: the name reads the same.
      expect(text.replaceAll('\u2060', '').replaceAll('\\', ''), name).toBe(name)
    }
  })

  it('leaves ordinary names alone', () => {
    expect(escapeMarkdown('Jean-Pierre Dupont, Jr.')).toBe('Jean-Pierre Dupont, Jr.')
    expect(escapeMarkdown('李雷')).toBe('李雷')
  })
})

describe('markdownLink', () => {
  it('links a profile', () => {
    expect(markdownLink('alice', 'https://github.com/alice')).toBe('[alice](https://github.com/alice)')
  })

  it('does not link a url that could break out', () => {
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x')
    expect(markdownLink('x', 'https://a.example/) [y](z')).toBe('x')
  })
})
