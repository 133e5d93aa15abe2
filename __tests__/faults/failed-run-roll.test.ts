// A run that fails, however early, leaves no roll behind that could pass for its own.
import { beforeAll, describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { NOW, runElectorate, TOKEN } from './harness.js'

const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
const ROLL = [
  'electorate.csv',
  'voters.yaml',
  'civs-voters.txt',
  'helios-voters.csv',
  'helios-github-voters.csv'
]

let cwd: string
beforeAll(async () => {
  const good = await runElectorate(world)
  expect(good.code, good.stderr).toBe(0)
  cwd = good.cwd
})

const failures: [what: string, args: string[], env?: Record<string, string>][] = [
  ['a previous roll that does not exist', ['--previous', 'nope.csv']],
  ['a concurrency out of range', ['--concurrency', '99']],
  ['an include-emails that is no choice', ['--include-emails', 'maybe']],
  ['a GraphQL URL that is not https', ['--graphql-url', 'ftp://x']],
  ['an organization that is no login', ['--organization', 'a_b']],
  ['no token', [], {}]
]

describe('a failed run', () => {
  it.each(failures)('removes the roll files of the folder: %s', async (_, args, env) => {
    const again = await runElectorate(world, { cwd, files: {} })
    expect(again.code, again.stderr).toBe(0)
    for (const name of ROLL) expect(again.files.has(name), name).toBe(true)
    const failed = await runElectorate(world, { cwd, args, env: env ?? { GITHUB_TOKEN: TOKEN } })
    expect(failed.code).not.toBe(0)
    for (const name of ROLL) expect(failed.files.has(name), name).toBe(false)
    expect(failed.files.has('evidence.csv')).toBe(true)
    // Said, so that nobody looks for the earlier roll where it was.
    expect(failed.stderr).toContain('the earlier roll files of electorate were removed')
    expect(failed.stderr).toContain('electorate.csv')
  })

  it('never removes a file the run was told to read: the previous roll named inside the output folder', async () => {
    const again = await runElectorate(world, { cwd, files: {} })
    expect(again.code, again.stderr).toBe(0)
    const roll = again.files.get('electorate.csv')!
    const failed = await runElectorate(world, { cwd, args: ['--previous', 'electorate/electorate.csv'] })
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('a run never replaces a file it reads')
    // The file named as input stays byte for byte; the other roll files go as after any failure.
    expect(failed.files.get('electorate.csv')).toEqual(roll)
    for (const name of ROLL.slice(1)) expect(failed.files.has(name), name).toBe(false)
    expect(failed.stderr).not.toMatch(/removed.*electorate\.csv/)
  })
})
