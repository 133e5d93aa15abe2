import { describe, expect, it } from 'vitest'
import { activeIncludes } from '../../src/electorate/includes.js'
import { UNTIL } from './make.js'

describe('activeIncludes', () => {
  it('keeps an entry without expiry and one expiring on or after the day of until', () => {
    const include = [
      { login: 'alice', reason: 'release manager' },
      { login: 'bob', reason: 'docs', expires: '2025-01-01' }
    ]
    expect(activeIncludes(include, UNTIL)).toEqual({ active: include, warnings: [] })
  })

  it('ignores an entry that expired before until, with a warning naming it', () => {
    const { active, warnings } = activeIncludes([{ login: 'carol', reason: 'past', expires: '2024-12-31' }], UNTIL)
    expect(active).toEqual([])
    expect(warnings).toEqual([expect.stringMatching(/carol.*2024-12-31/)])
  })
})
