import { setImmediate as nextTurn } from 'node:timers/promises'
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
  const all = [task('a', 0), task('b', 0)]
  await nextTurn()
  all.push(task('c', 0), task('d', 1), task('e', 0), task('f', 1))
  await nextTurn()
  expect(started).toEqual(['a', 'b'])
  for (const name of ['a', 'b', 'd', 'f', 'c', 'e']) {
    gates.get(name)!()
    await nextTurn()
    await nextTurn()
  }
  await Promise.all(all)
  expect(started).toEqual(['a', 'b', 'd', 'f', 'c', 'e'])
  expect(most).toBe(2)
})

it('sends the most urgent of the requests asked for together first', async () => {
  const semaphore = createSemaphore(1)
  const started: string[] = []
  const task = (name: string, priority: number) =>
    semaphore.run(async () => void started.push(name), priority)
  await Promise.all([task('leaf', 0), task('details', 1), task('page', 2)])
  expect(started).toEqual(['page', 'details', 'leaf'])
})

it('hands a freed slot to what its holder asks for next, before a waiter of lower priority', async () => {
  const semaphore = createSemaphore(1)
  const started: string[] = []
  const page = (name: string) =>
    semaphore.run(async () => {
      started.push(name)
      await new Promise(resolve => setTimeout(resolve, 1))
      return name
    }, 2)
  const chain = (async () => {
    await page('page 1')
    // The next page is asked for only after the answer to the first came back: the leaf already waits.
    await page('page 2')
  })()
  await nextTurn()
  const leaf = semaphore.run(async () => {
    started.push('leaf')
  }, 0)
  await Promise.all([chain, leaf])
  expect(started).toEqual(['page 1', 'page 2', 'leaf'])
})
