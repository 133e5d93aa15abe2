import { describe, expect, it } from 'vitest'
import { exclusionRule } from '../../src/electorate/exclusions.js'

const exclude = { bots: [], logins: ['Alice'], patterns: ['*-bot'] }

describe('exclusionRule', () => {
  it('names the exclude.logins entry that matches, case-insensitively', () => {
    expect(exclusionRule(exclude)(['alice'])).toBe('exclude.logins: Alice')
  })

  it('names the exclude.patterns glob that matches, case-insensitively', () => {
    expect(exclusionRule(exclude)(['release-BOT'])).toBe('exclude.patterns: *-bot')
  })

  it('checks every login merged into the person', () => {
    expect(exclusionRule(exclude)(['al', 'alice'])).toBe('exclude.logins: Alice')
  })

  it('leaves everyone else alone', () => {
    expect(exclusionRule(exclude)(['bob', 'robot'])).toBeNull()
  })
})
