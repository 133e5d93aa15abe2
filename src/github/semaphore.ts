/** At most `limit` holders at once; waiters are served in arrival order. */
export interface Semaphore {
  run<T>(fn: () => Promise<T>): Promise<T>
}

export function createSemaphore(limit: number): Semaphore {
  let active = 0
  const waiting: (() => void)[] = []

  const acquire = async (): Promise<void> => {
    if (active < limit) {
      active++
      return
    }
    // The releasing holder hands its slot over directly, so `active` stays the same.
    await new Promise<void>(resolve => waiting.push(resolve))
  }

  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }

  return {
    async run(fn) {
      await acquire()
      try {
        return await fn()
      } finally {
        release()
      }
    }
  }
}
