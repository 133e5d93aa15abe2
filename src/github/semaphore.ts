/**
 * At most `limit` holders at once. Waiters with a higher priority go first, then in arrival order:
 * the pages of a long pagination chain are the run's critical path and must not queue behind
 * requests that nothing waits on.
 */
export interface Semaphore {
  run<T>(fn: () => Promise<T>, priority?: number): Promise<T>
}

interface Waiter {
  priority: number
  arrival: number
  wake: () => void
}

export function createSemaphore(limit: number): Semaphore {
  let active = 0
  let arrivals = 0
  const waiting: Waiter[] = []

  const acquire = async (priority: number): Promise<void> => {
    if (active < limit) {
      active++
      return
    }
    // The releasing holder hands its slot over directly, so `active` stays the same.
    await new Promise<void>(wake => {
      const waiter = { priority, arrival: arrivals++, wake }
      const at = waiting.findIndex(w => w.priority < priority)
      if (at === -1) waiting.push(waiter)
      else waiting.splice(at, 0, waiter)
    })
  }

  const release = (): void => {
    const next = waiting.shift()
    if (next) next.wake()
    else active--
  }

  return {
    async run(fn, priority = 0) {
      await acquire(priority)
      try {
        return await fn()
      } finally {
        release()
      }
    }
  }
}
