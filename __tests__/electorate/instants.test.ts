import { describe, expect, it } from 'vitest'
import { inWindow } from '../../src/electorate/instants.js'
import { utcSecond } from '../../src/window.js'
import { formatTime } from '../../src/output/csv.js'

describe('utcSecond and formatTime', () => {
  it("pass GitHub's own spelling through and normalize every other", () => {
    for (const write of [utcSecond, formatTime]) {
      expect(write('2026-01-31T23:59:59Z')).toBe('2026-01-31T23:59:59Z')
      expect(write('2026-01-28T10:00:00Z')).toBe('2026-01-28T10:00:00Z')
      expect(write('2026-01-01T10:00:00.250Z')).toBe('2026-01-01T10:00:00Z')
      expect(write('2026-01-01T12:00:00+02:00')).toBe('2026-01-01T10:00:00Z')
      // Spellings Date reads as another instant: what the file says is the instant Date makes of it.
      expect(write('2024-01-01T24:00:00Z')).toBe('2024-01-02T00:00:00Z')
      expect(write('2023-02-29T00:00:00Z')).toBe('2023-03-01T00:00:00Z')
    }
  })
})

describe('inWindow', () => {
  it('is half-open, whatever the spelling', () => {
    const counted = inWindow({ since: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00Z' })
    expect(counted('2026-01-01T00:00:00Z')).toBe(true)
    expect(counted('2026-01-01T01:00:00+01:00')).toBe(true)
    expect(counted('2025-12-31T23:59:59Z')).toBe(false)
    expect(counted('2026-02-01T00:00:00Z')).toBe(false)
  })

  it('compares the plain spelling by its text exactly as it compares instants, edges between seconds too', () => {
    const parsed = (window: { since: string; until: string }) => (at: string) =>
      Date.parse(at) >= Date.parse(window.since) && Date.parse(at) < Date.parse(window.until)
    const edges = [
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.001Z',
      '2026-01-01T00:00:00.999Z',
      '2025-12-31T23:59:59.500Z',
      '2024-02-29T00:00:00Z',
      '2024-02-28T23:59:59.999Z',
      '0999-12-31T23:59:59Z',
      '9999-12-31T23:59:59.500Z',
      '+010000-01-01T00:00:00Z',
      '2026-01-01T02:00:00+02:00',
      'not a time'
    ]
    const instants = [
      '2025-12-31T23:59:59Z',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:01Z',
      '2024-02-28T23:59:59Z',
      '2024-02-29T00:00:00Z',
      '2024-03-01T00:00:00Z',
      '0999-12-31T23:59:59Z',
      '1000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '2026-01-01T00:00:00.500Z',
      '2026-01-01T01:00:00+01:00',
      'garbage'
    ]
    for (const since of edges)
      for (const until of edges) {
        const quick = inWindow({ since, until })
        const slow = parsed({ since, until })
        for (const at of instants) expect(quick(at), `${at} in [${since}, ${until})`).toBe(slow(at))
      }
  })
})
