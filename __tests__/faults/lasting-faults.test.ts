import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FaultPlan } from '../../tools/fake-github/faults.js'
import { generateWorld } from '../../tools/world/generate.js'
import { errorLines, NOW, runElectorate, STACK_FRAME, workspace } from './harness.js'

// Trouble that retrying does not cure must fail the run, say why in one line, and leave no roll.
describe('faults that retrying does not cure', () => {
  const world = generateWorld({ scale: 'small', seed: 3, now: NOW })
  const failing = world.repositories.find(r => r.name === 'demo')!

  /** 502 however often it is asked, for every request whose query or variables contain one of these. */
  const failingOn = (...needles: string[]): FaultPlan => ({
    custom: (_, body) =>
      needles.some(needle => (body.query + JSON.stringify(body.variables ?? {})).includes(needle))
        ? { status: 502, body: '<html>502 Bad Gateway</html>', fault: 'fail-repository' }
        : null
  })

  async function failAfterCleanRun(faults: FaultPlan, args: string[] = []) {
    const cwd = await workspace()
    const earlier = await runElectorate(world, { cwd, args })
    expect(earlier.code, earlier.stderr).toBe(0)
    expect(earlier.files.has('electorate.csv')).toBe(true)

    const run = await runElectorate(world, { cwd, args, faults, quickClock: true })
    expect(run.requests.filter(r => r.fault === 'fail-repository').length).toBeGreaterThanOrEqual(6)
    expect(run.code).toBe(1)
    const [line, ...more] = errorLines(run.stderr)
    expect(more).toEqual([])
    expect(run.stderr).not.toMatch(STACK_FRAME)
    // Nor the earlier run's roll, which could pass for this one's.
    expect(run.files.has('electorate.csv')).toBe(false)
    // Records encoded while gathering waited are never written as a file of part of the run.
    expect([...run.files.keys()].filter(name => name.startsWith('records.jsonl.gz'))).toEqual([])
    return line
  }

  it('leaves no earlier roll behind when the config of the next run is bad (exit 2)', async () => {
    const cwd = await workspace()
    const earlier = await runElectorate(world, { cwd })
    expect(earlier.files.has('electorate.csv')).toBe(true)
    await writeFile(path.join(cwd, 'bad.yml'), 'criteria:\n  - { reveiws: 5 }\n')
    const run = await runElectorate(world, { cwd, args: ['--config', 'bad.yml'] })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("unknown metric 'reveiws'")
    expect(run.files.has('electorate.csv')).toBe(false)
  })

  it.each<[string, FaultPlan, string[]]>([
    ['listing it by name', { failRepository: 'demo-org/demo' }, ['--repositories', 'demo,empty']],
    ['reading its history', failingOn(failing.id), []]
  ])(
    'fails naming the repository and the cause when GitHub keeps failing on %s, and leaves no electorate.csv',
    async (_, faults, args) => {
      const line = await failAfterCleanRun(faults, args)
      expect(line).toMatch(
        /^electorate: failed: .*demo-org\/demo\b.*: GitHub answered 502, still after 6 attempts$/
      )
    }
  )

  it('fails naming the repository when every request about it fails, its issues and pull requests too', async () => {
    const items = [...failing.issues, ...failing.pullRequests].map(item => item.id)
    const line = await failAfterCleanRun(failingOn(failing.id, 'demo-org/demo', ...items))
    expect(line).toMatch(
      /^electorate: failed: .*demo-org\/demo\b.*: GitHub answered 502, still after 6 attempts$/
    )
  })

  it('fails saying the points used, the reset and the token that gives more when the reset is beyond the wait bound', async () => {
    const run = await runElectorate(world, {
      args: ['--rate-limit-wait', '1'],
      faults: { primaryExhaustAt: 2 },
      rateLimit: { resetInSeconds: 2 * 3600 }
    })
    expect(run.code).toBe(1)
    const [line, ...more] = errorLines(run.stderr)
    expect(more).toEqual([])
    expect(line).toMatch(/rate limit is exhausted \(5000 of 5000 points used this hour\)/)
    expect(line).toMatch(
      /resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z, and waiting for it would pass the 1-minute bound/
    )
    expect(line).toMatch(/GitHub App installation token or a personal access token/)
    expect(run.stderr).not.toMatch(STACK_FRAME)
    expect(run.files.has('electorate.csv')).toBe(false)
  })

  it.each([
    [
      'a token GitHub rejects',
      { env: { GITHUB_TOKEN: 'ghp_notTheRightOne' } },
      /rejected the token \(401 Bad credentials\)/
    ],
    ['no token', { env: {} }, /no GitHub token: set github-token \(action\) or GITHUB_TOKEN \/ GH_TOKEN/]
  ])('fails with one clear line and no stack trace for %s', async (_, options, message) => {
    const run = await runElectorate(world, options)
    expect(run.code).toBe(1)
    const [line, ...more] = errorLines(run.stderr)
    expect(more).toEqual([])
    expect(line).toMatch(message)
    expect(run.stderr).not.toMatch(STACK_FRAME)
    expect(run.files.has('electorate.csv')).toBe(false)
  })
})
