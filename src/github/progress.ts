import type { GatherStats } from '../records.js'
import { formatInstant } from '../window.js'

/** What gathering tells the progress report: repositories found and done, and pauses for a rate limit. */
export interface GatherProgress {
  found(repositories: number): void
  done(repositories: number): void
  /** All requests wait until this instant (a rate limit). */
  paused(untilMs: number): void
  /** Says where gathering is now: at the start of a phase and at its end. */
  phase(name: string): void
  stop(): void
}

export interface ProgressOptions {
  stats: () => GatherStats
  write: (line: string) => void
  intervalMs?: number
  now?: () => number
}

/** A plain line every interval (about 10 s) and at each phase, fed by the client's stats. */
export function createProgress(options: ProgressOptions): GatherProgress {
  const now = options.now ?? Date.now
  const startedAt = now()
  let found = 0
  let done = 0
  let pausedUntil = 0

  const line = (heading: string) => {
    const stats = options.stats()
    const parts = [
      `${done} of ${found} repositories done`,
      `${stats.requests} requests`,
      `${stats.points} points spent` + (stats.remaining === null ? '' : `, ${stats.remaining} remaining`)
    ]
    if (pausedUntil > now())
      parts.push(`waiting for the rate limit until ${formatInstant(new Date(pausedUntil))}`)
    parts.push(estimate())
    options.write(`${heading}: ${parts.join('; ')}`)
  }

  // The rest at the pace so far, and never before a pause ends.
  const estimate = () => {
    if (done === 0 || found === 0) return 'time left not known yet'
    const elapsed = now() - startedAt
    const left = Math.max((elapsed * (found - done)) / done, pausedUntil - now())
    return `about ${Math.ceil(left / 1000)} s left`
  }

  const timer = setInterval(() => line('Progress'), options.intervalMs ?? 10_000)
  timer.unref()
  return {
    found: n => void (found += n),
    done: n => void (done += n),
    paused: untilMs => void (pausedUntil = Math.max(pausedUntil, untilMs)),
    phase: name => line(name),
    stop: () => clearInterval(timer)
  }
}
