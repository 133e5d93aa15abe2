import { describe, expect, it } from 'vitest'
import { exclusionOf } from '../../src/electorate/exclusions.js'

const exclude = { bots: [], logins: ['Alice'], patterns: ['*-bot'] }

describe('exclusionOf', () => {
  it('names the exclude.logins entry that matches, case-insensitively', () => {
    expect(exclusionOf(['alice'], exclude)).toBe('exclude.logins: Alice')
  })

  it('names the exclude.patterns glob that matches, case-insensitively', () => {
    expect(exclusionOf(['release-BOT'], exclude)).toBe('exclude.patterns: *-bot')
  })

  it('checks every login merged into the person', () => {
    expect(exclusionOf(['al', 'alice'], exclude)).toBe('exclude.logins: Alice')
  })

  it('leaves everyone else alone', () => {
    expect(exclusionOf(['bob', 'robot'], exclude)).toBeNull()
  })
})
