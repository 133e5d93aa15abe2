import { describe, expect, it } from 'vitest'
import { escapeMarkdown, markdownLink } from '../../src/output/markdown.js'

describe('escapeMarkdown', () => {
  it('keeps a table cell in one piece', () => {
    expect(escapeMarkdown('a | b\nc')).toBe('a \\| b c')
  })

  it('neutralises links, html, emphasis, code and math', () => {
    expect(escapeMarkdown('[x](http://evil.example)')).toBe('\\[x\\]\\(http://evil.example\\)')
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
