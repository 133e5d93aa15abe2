import { describe, expect, it } from 'vitest'
import { createPointsPace, POINTS_PER_MINUTE } from '../../src/github/points-pace.js'

/** A clock that moves only when someone sleeps (or a request takes its time). */
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

/** The most points charged in any minute: each charge with those of the minute before it. */
function busiestMinute(charges: { at: number; points: number }[]): number {
  return Math.max(
    ...charges.map(({ at }) =>
      charges.filter(c => c.at > at - 60_000 && c.at <= at).reduce((sum, c) => sum + c.points, 0)
    )
  )
}

describe('createPointsPace', () => {
  it('keeps every minute under 2,000 points for a run that needs 5,400, and waits only what it must', async () => {
    const clock = virtualClock()
    const told: number[] = []
    const pace = createPointsPace({ ...clock, onWait: ms => told.push(ms) })
    const charges: { at: number; points: number }[] = []
    // Fast answers: unpaced, 600 requests of 9 points would take 30 s.
    for (let request = 0; request < 600; request++) {
      await pace.admit()
      clock.pass(50)
      pace.settle(9)
      charges.push({ at: clock.now(), points: 9 })
    }
    expect(busiestMinute(charges)).toBeLessThanOrEqual(POINTS_PER_MINUTE)
    // 2,000 in the first minute, 2,000 in the second, the last 1,400 in the third.
    expect(clock.now()).toBeGreaterThan(2 * 60_000)
    expect(clock.now()).toBeLessThan(3 * 60_000)
    expect(told.length).toBeGreaterThan(0)
    expect(told).toEqual(clock.waits)
  })

  it('never waits while the last minute is under the limit', async () => {
    const clock = virtualClock()
    const pace = createPointsPace({ ...clock, onWait: () => undefined })
    for (let request = 0; request < 150; request++) {
      await pace.admit()
      clock.pass(300)
      pace.settle(9)
    }
    expect(clock.waits).toEqual([])
    expect(pace.lastMinute()).toBe(150 * 9)
  })

  it('counts requests in flight as up to 10 points each before their cost is known', async () => {
    const clock = virtualClock()
    const pace = createPointsPace({ ...clock, onWait: () => undefined, pointsPerMinute: 100 })
    await pace.admit()
    pace.settle(60)
    // 60 spent: room for four requests of up to 10 points, not five.
    for (let request = 0; request < 4; request++) await pace.admit()
    expect(clock.waits).toEqual([])
    await pace.admit()
    expect(clock.waits).toEqual([60_000])
  })
})
