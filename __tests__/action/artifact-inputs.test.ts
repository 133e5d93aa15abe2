import { describe, expect, it } from 'vitest'
import { artifactName, retentionDays } from '../../src/artifact-inputs.js'
import { UsageError } from '../../src/options.js'

describe('artifact-name', () => {
  it('defaults to electorate and takes any name GitHub takes', () => {
    expect(artifactName('')).toBe('electorate')
    expect(artifactName('electorate shard-1 (2026)')).toBe('electorate shard-1 (2026)')
  })

  it.each(['"', ':', '<', '>', '|', '*', '?', '\\', '/', '\r', '\n'])(
    'refuses a name holding %j, as GitHub would, naming the character',
    character => {
      const attempt = () => artifactName(`shard${character}1`)
      expect(attempt).toThrow(UsageError)
      expect(attempt).toThrow(/^artifact-name: "shard.{1,2}1" holds (a|an) [a-z -]+, which GitHub refuses/)
    }
  )
})

describe('retention-days', () => {
  it('is the repository’s setting when not given, and any whole number of days from 1 to 400', () => {
    expect(retentionDays('')).toBeUndefined()
    expect(retentionDays('1')).toBe(1)
    expect(retentionDays('90')).toBe(90)
    expect(retentionDays('400')).toBe(400)
  })

  it.each(['0', '401', '1.5', 'ninety', '-3'])('refuses %j, naming the range', value => {
    expect(() => retentionDays(value)).toThrow(
      new UsageError(`retention-days: expected a whole number from 1 to 400, got "${value}"`)
    )
  })
})
