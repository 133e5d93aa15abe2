import { describe, expect, it } from 'vitest'
import {
  createPointsPace,
  PACED_QUERIES_PER_MINUTE,
  SECONDARY_POINTS_PER_MINUTE
} from '../../src/github/points-pace.js'

/** A clock that moves only when someone sleeps or a request takes its time. */
function virtualClock() {
  let now = 0
  const waits: number[] = []
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms)
      now += ms
    },
    pass: (ms: number) => (now += ms),
    waits
  }
}

/** The most queries sent in any minute: each with those of the minute before it. */
function busiestMinute(sentAt: number[]): number {
  return Math.max(...sentAt.map(at => sentAt.filter(t => t > at - 60_000 && t <= at).length))
}

describe('createPointsPace', () => {
  it('keeps every minute under 2,000 queries, and waits only what it must', async () => {
    const clock = virtualClock()
    const told: number[] = []
    const pace = createPointsPace({ ...clock, onWait: ms => told.push(ms) })
    const sentAt: number[] = []
    // Answers in 10 ms: unpaced, 5,000 queries would go in 50 s.
    for (let query = 0; query < 5_000; query++) {
      await pace.admit()
      sentAt.push(clock.now())
      clock.pass(10)
    }
    expect(busiestMinute(sentAt)).toBe(PACED_QUERIES_PER_MINUTE)
    expect(PACED_QUERIES_PER_MINUTE).toBeLessThan(SECONDARY_POINTS_PER_MINUTE)
    // 1,950 in the first minute, 1,950 in the second, the last 1,100 in the third.
    expect(clock.now()).toBeGreaterThan(2 * 60_000)
    expect(clock.now()).toBeLessThan(3 * 60_000)
    expect(told).toEqual(clock.waits)
  })

  it('never waits under the limit', async () => {
    const clock = virtualClock()
    const pace = createPointsPace({ ...clock, onWait: () => undefined })
    for (let query = 0; query < PACED_QUERIES_PER_MINUTE; query++) await pace.admit()
    expect(clock.waits).toEqual([])
    expect(pace.lastMinute()).toBe(PACED_QUERIES_PER_MINUTE)
  })

  it('lets waiting queries through one at a time as the minute moves on', async () => {
    const clock = virtualClock()
    const pace = createPointsPace({ ...clock, onWait: () => undefined, perMinute: 3 })
    for (const at of [0, 10, 20]) {
      clock.pass(at - clock.now())
      await pace.admit()
    }
    await pace.admit()
    expect(clock.now()).toBe(60_000)
    await pace.admit()
    expect(clock.now()).toBe(60_010)
    expect(pace.lastMinute()).toBe(3)
  })
})
