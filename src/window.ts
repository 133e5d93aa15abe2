import { utc } from '@date-fns/utc'
import { addMonths, isValid, parse, parseISO, startOfDay } from 'date-fns'
import { UsageError } from './options.js'

// The counting window [since, until), in UTC: every date-fns call is given `{ in: utc }`, so the
// machine's time zone (a CLI user's, or TZ on a runner) never moves the window.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
// Offsets on Earth run from -12:00 to +14:00; anything past 14 hours is a typo, not a place.
const INSTANT =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)$/i
const DEFAULT_MONTHS = 12
const LONGEST_MONTHS = 120

export interface Window {
  since: Date
  until: Date
  months: number
}

export interface WindowInput {
  since?: string
  until?: string
  months?: number
  now: Date
}

export function resolveWindow(input: WindowInput): Window {
  const months = input.months ?? DEFAULT_MONTHS
  if (!Number.isInteger(months) || months < 1 || months > LONGEST_MONTHS) {
    throw new UsageError(`months: expected a whole number from 1 to ${LONGEST_MONTHS}, got ${months}`)
  }
  const until = input.until !== undefined ? parseInstant('until', input.until) : startOfUtcDay(input.now)
  const since = input.since !== undefined ? parseInstant('since', input.since) : addUtcMonths(until, -months)
  if (since.getTime() >= until.getTime()) {
    throw new UsageError(`since (${formatInstant(since)}) must be before until (${formatInstant(until)})`)
  }
  if (addUtcMonths(since, LONGEST_MONTHS).getTime() < until.getTime()) {
    throw new UsageError(
      `the window from ${formatInstant(since)} to ${formatInstant(until)} is longer than 10 years`
    )
  }
  return { since, until, months }
}

/** A window that ends after the run: legal (a preview), but the roll then misses what is still to come. */
export function futureWindowWarning(window: Window, now: Date): string | undefined {
  if (window.until.getTime() <= now.getTime()) return undefined
  return (
    `until (${formatInstant(window.until)}) is after this run (${formatInstant(now)}): activity up to ` +
    'then has not happened yet, so the roll counts only what exists now'
  )
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the one way instants are written in every output. */
export function formatInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

// GitHub's own spelling, the one the output files write, of an instant that cannot need normalizing:
// nothing to convert. February 29th, days a month lacks, hour 24 and leap seconds take the long way
// through Date.
export const PLAIN_UTC_SECOND =
  /^\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/

/** An instant given in any ISO 8601 spelling (GitHub's, or a committer's offset) as formatInstant writes it. */
export function utcSecond(at: string): string {
  return PLAIN_UTC_SECOND.test(at) ? at : formatInstant(new Date(at))
}

/** Midnight UTC of a `YYYY-MM-DD` day that exists in the calendar; undefined for anything else. */
export function parseUtcDay(text: string): Date | undefined {
  if (!DAY.test(text)) return undefined
  const day = parse(text, 'yyyy-MM-dd', 0, { in: utc })
  return isValid(day) ? plain(day) : undefined
}

function parseInstant(name: string, text: string): Date {
  const day = parseUtcDay(text)
  if (day !== undefined) return day
  // parseISO reads a timestamp without an offset as local time, so the offset is required first.
  if (INSTANT.test(text) && parseUtcDay(text.slice(0, 10)) !== undefined) {
    const instant = parseISO(text)
    if (isValid(instant)) return instant
  }
  throw new UsageError(
    `${name}: expected a date (YYYY-MM-DD) or an ISO 8601 timestamp with offset ` +
      `(like 2026-04-07T12:00:00+02:00 or 2026-04-07T10:00:00Z), got ${JSON.stringify(text)}`
  )
}

// date-fns hands back UTCDate objects: plain Dates from here on, alike in every comparison.
const plain = (date: Date): Date => new Date(date.getTime())

function startOfUtcDay(instant: Date): Date {
  return plain(startOfDay(instant, { in: utc }))
}

/** Calendar months in UTC; a day past the end of the target month becomes its last day (Mar 31 - 1 = Feb 28). */
function addUtcMonths(instant: Date, months: number): Date {
  return plain(addMonths(instant, months, { in: utc }))
}
