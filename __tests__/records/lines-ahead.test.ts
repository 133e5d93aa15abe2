// Lines made ahead while gathering waits must give the records file the bytes it has without them, and
// must never stand in for records that changed after they were made.
import { setImmediate as turn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { LinesAhead, stretchEnd } from '../../src/records-file/lines-ahead.js'
import { byRepository, inCanonicalOrder, inRecordOrder } from '../../src/records-file/order.js'
import { gzipLines, recordsFileLines } from '../../src/records-file/write.js'
import type { ActivityRecord, Gathered } from '../../src/records.js'
import { author, comment, commit, gathered, pr, review, triage, user } from '../electorate/make.js'

/** Records over three repositories and every kind, some at the same time, some names far from ASCII. */
function world(): Gathered {
  const records: ActivityRecord[] = []
  for (const repository of ['org/b', 'org/a', 'org/ü']) {
    const at = (i: number) => `2024-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`
    for (let i = 0; i < 40; i++) {
      const by = user(`person-${i % 7}`)
      records.push(
        commit([author(`person-${i % 5}`), author(null, `ghost${i}@example.com`, 'Ghöst 𝄞')], {
          repository,
          at: at(i)
        }),
        pr(i, by, { repository, at: at(i + 3) }),
        review(i, user('reviewer'), by, { repository, at: at(i) }),
        review(i, user('reviewer'), by, { repository, at: at(i), state: 'COMMENTED' }),
        triage(i, by, by, { repository, at: at(i) }),
        comment(i, null, by, { repository, at: at(i * 7) })
      )
    }
  }
  return { ...gathered(records, [{ login: 'person-1', name: 'Pérson', email: 'p@example.com' }]) }
}

/** What gather hands out: each repository's records of one kind group, in canonical order. */
function finishedRuns(records: readonly ActivityRecord[]): ActivityRecord[][] {
  const commits = records.filter(r => r.kind === 'commit')
  const rest = records.filter(r => r.kind !== 'commit')
  return [...byRepository(rest).values(), ...byRepository(commits).values()].map(inRecordOrder)
}

const bytesOf = (data: Gathered, ahead?: LinesAhead, pieceBytes?: number) =>
  gzipLines(recordsFileLines(data, ahead), pieceBytes)

describe('records lines made ahead', () => {
  it('give the bytes the records file has without them, encoded meanwhile or only when taken', async () => {
    const data = world()
    const runs = finishedRuns(data.records)
    const final = inCanonicalOrder({ ...data, records: runs.flat() })
    const plain = await bytesOf(final)
    for (const pieceBytes of [1, 100, 1 << 23]) {
      // Half the runs encoded while "gathering" goes on, the rest added just before the file is written.
      const ahead = new LinesAhead()
      runs.slice(0, 3).forEach(run => ahead.add(run))
      await turn()
      await turn()
      runs.slice(3).forEach(run => ahead.add(run))
      const lines = [...recordsFileLines(final, ahead)]
      expect(lines.filter(line => typeof line !== 'string').length, 'stretches taken as made').toBe(15)
      expect(await gzipLines(lines, pieceBytes), `pieces of ${pieceBytes} bytes`).toEqual(plain)
    }
  })

  it('are not used for records changed, dropped or added after they were made', async () => {
    const data = world()
    const runs = finishedRuns(data.records)
    const ahead = new LinesAhead()
    runs.forEach(run => ahead.add(run))
    await turn()
    const records = inCanonicalOrder({ ...data, records: runs.flat() }).records
    // A commit re-addressed (as a hostile rewrite or a privacy pass would), a review dropped, a triage
    // event added: each stretch they touch must be encoded from the records as they are now.
    // Inside their stretches, not at their heads, where the lines are looked up.
    const commitAt = records.findIndex(r => r.kind === 'commit') + 2
    const changed = records.map((record, i) =>
      i === commitAt && record.kind === 'commit'
        ? { ...record, authors: [author('mallory', 'mallory@example.com')] }
        : record
    )
    const reviewAt = changed.findIndex(r => r.kind === 'review') + 2
    changed.splice(reviewAt, 1)
    changed.push(triage(999, user('extra'), null, { repository: 'org/ü', at: '2024-12-31T00:00:00Z' }))
    const final = inCanonicalOrder({ ...data, records: changed })
    const bytes = await bytesOf(final, ahead)
    expect(bytes).toEqual(await bytesOf(final))
    const text = (await import('node:zlib')).gunzipSync(bytes).toString('utf8')
    expect(text).toContain('mallory@example.com')
    expect(text).toContain('"extra"')
  })

  it('are handed out once, so that their memory goes with the file', () => {
    const run = finishedRuns(world().records)[0]!
    const ahead = new LinesAhead()
    ahead.add(run)
    const end = stretchEnd(run, 0)
    expect(end).toBe(40)
    expect(ahead.take(run, 0, end)).toBeInstanceOf(Buffer)
    expect(ahead.take(run, 0, end)).toBeUndefined()
  })
})
