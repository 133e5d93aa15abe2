/**
 * At most `limit` holders at once. Waiters with a higher priority go first, then in arrival order:
 * the pages of a long pagination chain are the run's critical path and must not queue behind
 * requests that nothing waits on.
 *
 * Slots are handed out once per turn of the event loop, after the code that asked has run. So of
 * requests asked for together the most urgent is sent first, and a slot freed by an answer goes to
 * what that answer leads to (the next page of a chain) before a request of lower priority that was
 * waiting already: otherwise a chain would wait for another slot to free at every page.
 */
export interface Semaphore {
  run<T>(fn: () => Promise<T>, priority?: number): Promise<T>
  /** A new bound: holders beyond it finish, and no one new starts until fewer than it hold. */
  setLimit(limit: number): void
}

interface Waiter {
  priority: number
  wake: () => void
}

export function createSemaphore(limit: number): Semaphore {
  let active = 0
  // By priority, highest first, then in arrival order.
  const waiting: Waiter[] = []
  let dispatchScheduled = false

  const dispatch = () => {
    dispatchScheduled = false
    while (active < limit && waiting.length > 0) {
      active++
      waiting.shift()!.wake()
    }
  }
  const scheduleDispatch = () => {
    if (dispatchScheduled) return
    dispatchScheduled = true
    setImmediate(dispatch)
  }

  return {
    setLimit(next) {
      limit = next
      scheduleDispatch()
    },
    async run(fn, priority = 0) {
      await new Promise<void>(wake => {
        const waiter = { priority, wake }
        const at = waiting.findIndex(w => w.priority < priority)
        if (at === -1) waiting.push(waiter)
        else waiting.splice(at, 0, waiter)
        scheduleDispatch()
      })
      try {
        return await fn()
      } finally {
        active--
        scheduleDispatch()
      }
    }
  }
}
