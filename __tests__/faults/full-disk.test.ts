// The records file deflates while the electorate is scored and the other files are made: a disk that
// fills then fails the run (exit 1, one line, no roll), and what was gathered is kept whole if it fit.
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { cleanRuns, errorLines, NOW, runElectorate, STACK_FRAME, TOKEN } from './harness.js'

const FULL_DISK = fileURLToPath(new URL('./full-disk.ts', import.meta.url))
const world = generateWorld({ scale: 'small', seed: 2, now: NOW })

const fillingAt = (name: string) =>
  runElectorate(world, {
    env: { GITHUB_TOKEN: TOKEN, NODE_OPTIONS: `--import ${FULL_DISK}`, ELECTORATE_TEST_FULL_DISK: name }
  })

const records = (bytes: Buffer) => gunzipSync(bytes).toString('utf8').split('\n').slice(1)

it.each(['summary.md', 'electorate.csv'])('keeps the records whole when %s does not fit', async name => {
  const [[clean], run] = await Promise.all([cleanRuns(world), fillingAt(name)])
  expect(run.code, run.stderr).toBe(1)
  expect(errorLines(run.stderr)).toEqual([
    expect.stringMatching(/^electorate: failed: ENOSPC: no space left/)
  ])
  expect(run.stderr).not.toMatch(STACK_FRAME)
  expect(run.files.has('electorate.csv')).toBe(false)
  expect(records(run.files.get('records.jsonl.gz')!)).toEqual(records(clean!.files.get('records.jsonl.gz')!))
})

it('writes no roll when the records file does not fit', async () => {
  const run = await fillingAt('records.jsonl.gz')
  expect(run.code, run.stderr).toBe(1)
  expect(errorLines(run.stderr)).toEqual([
    expect.stringMatching(/^electorate: failed: ENOSPC: no space left/)
  ])
  expect(run.stderr).not.toMatch(STACK_FRAME)
  expect([...run.files.keys()].filter(file => !file.endsWith('.partial'))).toEqual([])
})
