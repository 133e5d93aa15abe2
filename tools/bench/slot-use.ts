import type { RequestLogEntry } from '../fake-github/server.js'

/**
 * Where a run's request slots went, as the fake GitHub saw them, from the first request's arrival to the
 * last answer. Every figure is slot time divided by the slots, so they add up to the span:
 * span = requests x latency / slots + overLatency + idleAtStart + idleBetween + idleAtEnd.
 */
export interface SlotUse {
  spanMs: number
  /** requests x latency / slots: the span if every slot were always busy and every answer took the latency. */
  requestsMs: number
  /**
   * Answers that took longer than the latency: the fake's own work on one request at a time (it answers
   * in one thread) stretching them, which GitHub's many servers would not.
   */
  overLatencyMs: number
  /** Slots free until the first answer came: nothing else is known before it (the repository listing). */
  idleAtStartMs: number
  /**
   * Slots free in between: the CLI's own work between an answer and the request it sends next, requests
   * sent but not yet taken in while the fake worked on others, and requests waiting on answers.
   */
  idleBetweenMs: number
  /** Slots free after the last request began: the last answers coming in one by one. */
  idleAtEndMs: number
}

export function slotUse(log: RequestLogEntry[], options: { slots: number; latencyMs: number }): SlotUse {
  const { slots, latencyMs } = options
  const none = {
    spanMs: 0,
    requestsMs: 0,
    overLatencyMs: 0,
    idleAtStartMs: 0,
    idleBetweenMs: 0,
    idleAtEndMs: 0
  }
  if (log.length === 0) return none
  const ends = log.map(entry => entry.startedAt + entry.durationMs)
  const first = Math.min(...log.map(entry => entry.startedAt))
  const firstAnswer = Math.min(...ends)
  const lastStart = Math.max(...log.map(entry => entry.startedAt))
  const last = Math.max(...ends)
  /** Free slot time in [from, to): the slots minus the requests in flight, over time. */
  const idleIn = (from: number, to: number) => {
    const busy = log.reduce(
      (sum, entry, i) => sum + Math.max(0, Math.min(to, ends[i]!) - Math.max(from, entry.startedAt)),
      0
    )
    return Math.max(0, slots * (to - from) - busy)
  }
  const used = log.reduce((sum, entry) => sum + entry.durationMs, 0)
  const idleAtStart = idleIn(first, firstAnswer)
  const idleAtEnd = idleIn(Math.max(firstAnswer, lastStart), last)
  const idle = slots * (last - first) - used
  return {
    spanMs: last - first,
    requestsMs: (log.length * latencyMs) / slots,
    overLatencyMs: (used - log.length * latencyMs) / slots,
    idleAtStartMs: idleAtStart / slots,
    idleBetweenMs: (idle - idleAtStart - idleAtEnd) / slots,
    idleAtEndMs: idleAtEnd / slots
  }
}
