import { expect, it } from 'vitest'
import { createSemaphore } from '../../src/github/semaphore.js'

it('never runs more than its limit at once, and lets waiters of higher priority go first', async () => {
  const semaphore = createSemaphore(2)
  const started: string[] = []
  let running = 0
  let most = 0
  const gates = new Map<string, () => void>()
  const task = (name: string, priority: number) =>
    semaphore.run(async () => {
      started.push(name)
      most = Math.max(most, ++running)
      await new Promise<void>(resolve => gates.set(name, resolve))
      running--
    }, priority)
  const all = [task('a', 0), task('b', 0), task('c', 0), task('d', 1), task('e', 0), task('f', 1)]
  const settle = () => new Promise(resolve => setTimeout(resolve, 0))
  await settle()
  expect(started).toEqual(['a', 'b'])
  for (const name of ['a', 'b', 'd', 'f', 'c', 'e']) {
    gates.get(name)!()
    await settle()
  }
  await Promise.all(all)
  expect(started).toEqual(['a', 'b', 'd', 'f', 'c', 'e'])
  expect(most).toBe(2)
})
