import { expect, it } from 'vitest'
import type { RequestLogEntry } from '../../tools/fake-github/server.js'
import { slotUse } from '../../tools/bench/slot-use.js'

const request = (index: number, startedAt: number, durationMs: number): RequestLogEntry => ({
  index,
  startedAt,
  durationMs,
  status: 200,
  cost: 1,
  nodeCount: 1
})

it("splits a run's span into the requests' latency, answers slower than it, and free slots at start, between and end", () => {
  // Two slots, 100 ms a request: a listing alone, then two requests side by side (one 20 ms slow), then a last one.
  const log = [request(1, 1000, 100), request(2, 1100, 100), request(3, 1110, 120), request(4, 1200, 100)]
  const use = slotUse(log, { slots: 2, latencyMs: 100 })
  expect(use).toEqual({
    spanMs: 300,
    requestsMs: 200,
    overLatencyMs: 10,
    idleAtStartMs: 50,
    idleBetweenMs: 5,
    idleAtEndMs: 35
  })
  const { spanMs, ...parts } = use
  expect(Object.values(parts).reduce((sum, ms) => sum + ms, 0)).toBe(spanMs)
})

it('has nothing to split without requests', () => {
  expect(slotUse([], { slots: 10, latencyMs: 300 }).spanMs).toBe(0)
})
