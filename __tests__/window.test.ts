import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/options.js'
import {
  formatInstant,
  futureWindowWarning,
  PLAIN_UTC_SECOND,
  resolveWindow,
  utcSecond
} from '../src/window.js'

const now = new Date('2026-04-07T15:30:00Z')
const iso = (text: string) => new Date(text)

describe('futureWindowWarning', () => {
  it('says when the window ends after the run: activity up to until has not happened yet', () => {
    const window = resolveWindow({ now, until: '2027-06-01' })
    expect(futureWindowWarning(window, now)).toBe(
      'until (2027-06-01T00:00:00Z) is after this run (2026-04-07T15:30:00Z): activity up to then has ' +
        'not happened yet, so the roll counts only what exists now'
    )
  })

  it('says nothing of a window that has ended, the default one included', () => {
    expect(futureWindowWarning(resolveWindow({ now }), now)).toBeUndefined()
    expect(futureWindowWarning(resolveWindow({ now, until: '2026-04-07T15:30:00Z' }), now)).toBeUndefined()
  })
})

describe('resolveWindow', () => {
  it('ends at 00:00 UTC of the run day and starts 12 calendar months before by default', () => {
    expect(resolveWindow({ now })).toEqual({
      since: iso('2025-04-07T00:00:00Z'),
      until: iso('2026-04-07T00:00:00Z'),
      months: 12
    })
  })

  it('takes the UTC day of now, not the local one', () => {
    const lateEvening = new Date('2026-04-07T23:59:59.999Z')
    const justAfterMidnight = new Date('2026-04-08T00:00:00Z')
    expect(resolveWindow({ now: lateEvening }).until).toEqual(iso('2026-04-07T00:00:00Z'))
    expect(resolveWindow({ now: justAfterMidnight }).until).toEqual(iso('2026-04-08T00:00:00Z'))
  })

  it('goes back the months asked for, in calendar months', () => {
    expect(resolveWindow({ now, months: 1 }).since).toEqual(iso('2026-03-07T00:00:00Z'))
    expect(resolveWindow({ now, months: 120 }).since).toEqual(iso('2016-04-07T00:00:00Z'))
  })

  it('lands on the last day of a shorter month', () => {
    expect(resolveWindow({ until: '2026-03-31', months: 1, now }).since).toEqual(iso('2026-02-28T00:00:00Z'))
    expect(resolveWindow({ until: '2024-03-31', months: 1, now }).since).toEqual(iso('2024-02-29T00:00:00Z'))
    expect(resolveWindow({ until: '2025-02-28', months: 12, now }).since).toEqual(iso('2024-02-28T00:00:00Z'))
  })

  it('reads YYYY-MM-DD as midnight UTC and timestamps with their offset', () => {
    expect(resolveWindow({ since: '2026-01-01', until: '2026-04-07T12:00:00+02:00', now })).toEqual({
      since: iso('2026-01-01T00:00:00Z'),
      until: iso('2026-04-07T10:00:00Z'),
      months: 12
    })
    expect(
      resolveWindow({ since: '2025-12-31T23:00:00-01:00', until: '2026-02-01T00:00:00.500Z', now })
    ).toEqual({
      since: iso('2026-01-01T00:00:00Z'),
      until: iso('2026-02-01T00:00:00.500Z'),
      months: 12
    })
  })

  it('counts back from an explicit until, and keeps the months asked for with an explicit since', () => {
    expect(resolveWindow({ until: '2026-05-01', months: 6, now }).since).toEqual(iso('2025-11-01T00:00:00Z'))
    expect(resolveWindow({ since: '2026-01-01', months: 3, now })).toEqual({
      since: iso('2026-01-01T00:00:00Z'),
      until: iso('2026-04-07T00:00:00Z'),
      months: 3
    })
  })

  it('allows a window of exactly 10 years and refuses one a second longer', () => {
    expect(resolveWindow({ since: '2016-04-07', until: '2026-04-07', now }).since).toEqual(
      iso('2016-04-07T00:00:00Z')
    )
    expect(() => resolveWindow({ since: '2016-04-06T23:59:59Z', until: '2026-04-07', now })).toThrow(
      new UsageError('the window from 2016-04-06T23:59:59Z to 2026-04-07T00:00:00Z is longer than 10 years')
    )
  })

  it('refuses since at or after until', () => {
    expect(() => resolveWindow({ since: '2026-04-07', now })).toThrow(
      new UsageError('since (2026-04-07T00:00:00Z) must be before until (2026-04-07T00:00:00Z)')
    )
    expect(() => resolveWindow({ since: '2026-05-01', until: '2026-04-01', now })).toThrow(
      new UsageError('since (2026-05-01T00:00:00Z) must be before until (2026-04-01T00:00:00Z)')
    )
  })

  it('accepts a one-millisecond window', () => {
    const window = resolveWindow({ since: '2026-04-06T23:59:59.999Z', until: '2026-04-07', now })
    expect(window.until.getTime() - window.since.getTime()).toBe(1)
  })

  it.each([
    '2026-04-07T12:00:00',
    '2026-13-01',
    '2026-02-30',
    '2025-02-29',
    'yesterday',
    '',
    '2026-4-7',
    '07/04/2026',
    '2026-04-07T25:00:00Z',
    '2026-04-07T12:60:00Z',
    '2026-02-30T00:00:00Z',
    '2026-04-07T10:00+25:00',
    '2026-04-07T10:00:00+02:60',
    '1775563200'
  ])('refuses the date %j, naming the input', value => {
    const message =
      'expected a date (YYYY-MM-DD) or an ISO 8601 timestamp with offset ' +
      `(like 2026-04-07T12:00:00+02:00 or 2026-04-07T10:00:00Z), got ${JSON.stringify(value)}`
    expect(() => resolveWindow({ since: value, now })).toThrow(new UsageError(`since: ${message}`))
    expect(() => resolveWindow({ until: value, now })).toThrow(new UsageError(`until: ${message}`))
  })

  it.each([0, 121, 1.5, -3, Number.NaN])('refuses months %d', months => {
    expect(() => resolveWindow({ months, now })).toThrow(
      new UsageError(`months: expected a whole number from 1 to 120, got ${months}`)
    )
  })

  it('throws UsageError, which the entries turn into exit code 2', () => {
    expect(() => resolveWindow({ since: 'yesterday', now })).toThrow(UsageError)
  })
})

describe('formatInstant', () => {
  it('writes UTC to the second with a Z', () => {
    expect(formatInstant(iso('2026-04-07T12:00:00+02:00'))).toBe('2026-04-07T10:00:00Z')
    expect(formatInstant(iso('2026-04-07T10:00:00.999Z'))).toBe('2026-04-07T10:00:00Z')
    expect(formatInstant(iso('0999-01-01T00:00:00Z'))).toBe('0999-01-01T00:00:00Z')
  })
})

describe('utcSecond', () => {
  const pad = (n: number) => String(n).padStart(2, '0')
  // Every day number of every month of a leap year and of a common one, at both ends of the day.
  const instants = [2024, 2025, 2100].flatMap(year =>
    Array.from({ length: 12 * 31 * 2 }, (_, i) => {
      const [month, day, time] = [
        Math.floor(i / 62) + 1,
        (Math.floor(i / 2) % 31) + 1,
        i % 2 ? '23:59:59' : '00:00:00'
      ]
      return `${year}-${pad(month)}-${pad(day)}T${time}Z`
    })
  )

  it('gives what Date gives for every day a month has, the quick way or the long way', () => {
    for (const instant of instants) {
      if (Number.isNaN(Date.parse(instant))) continue
      expect(utcSecond(instant), instant).toBe(formatInstant(new Date(instant)))
    }
  })

  it('takes the quick way only for days the month has, never for February 29th', () => {
    const quick = instants.filter(instant => PLAIN_UTC_SECOND.test(instant))
    const real = instants.filter(instant => formatInstant(new Date(instant)) === instant)
    expect(quick.every(instant => real.includes(instant))).toBe(true)
    expect(quick.filter(instant => instant.slice(5, 10) === '02-29')).toEqual([])
    // All but February 29th of the leap year: 2 x (365 + 365 + 365) instants.
    expect(quick).toHaveLength(2 * 365 * 3)
  })
})

describe('the window under other time zones', () => {
  // Two zones 25 hours apart, both with daylight saving, and UTC: the machine's zone never moves a window.
  it('is the same in Pacific/Kiritimati, America/Adak, Europe/London and UTC', () => {
    const script = fileURLToPath(new URL('./fixtures/scripts/windows.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
    const outputs = ['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Europe/London'].map(TZ =>
      execFileSync(tsx, [script], { env: { ...process.env, TZ }, encoding: 'utf8' })
    )
    const utc = JSON.parse(outputs[0]!) as { windows: string[][]; days: (string | null)[] }
    expect(utc.windows[0]).toEqual(['2025-04-07T00:00:00Z', '2026-04-07T00:00:00Z'])
    expect(utc.days).toEqual([
      '2026-03-29T00:00:00Z',
      '2026-10-25T00:00:00Z',
      '2024-02-29T00:00:00Z',
      null,
      '1970-01-01T00:00:00Z'
    ])
    for (const output of outputs.slice(1)) expect(output).toBe(outputs[0])
  })
})
