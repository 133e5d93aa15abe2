import { describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { expectNoSecret, NOW, runElectorate, type RunOptions, STACK_FRAME, TOKEN } from './harness.js'

const world = generateWorld({ scale: 'small', seed: 4, now: NOW })
const demo = world.repositories.find(r => r.name === 'demo')!

/** A proxy or server that repeats the request's credentials in its error answer. */
const echoesToken: RunOptions['faults'] = {
  custom: index =>
    index === 2
      ? { status: 400, body: { message: `Bad request: Authorization: bearer ${TOKEN} is not allowed here` } }
      : null
}

// runElectorate checks every stream and every file of the output folder for the token on each run;
// these are the runs most likely to print it: debug logging, errors and their stack traces.
describe('the token', () => {
  it.each<[string, RunOptions]>([
    ['a run with debug logging', { args: ['--debug'] }],
    ['a run with the token in GH_TOKEN', { args: ['--debug'], env: { GH_TOKEN: TOKEN } }],
    [
      'a run with retried faults',
      { args: ['--debug'], faults: { http502Every: 3, partialErrorAt: [4] }, quickClock: true }
    ]
  ])('is in no output file and no log line of %s', async (_, options) => {
    const run = await runElectorate(world, options)
    expect(run.code, run.stderr).toBe(0)
    expect(run.files.has('electorate.csv')).toBe(true)
    // Retries are logged at debug level, GitHub's own words included.
    if (options.faults) expect(run.stderr).toMatch(/^debug: .*GitHub answered with errors/m)
    expectNoSecret(run, TOKEN)
  })

  // Exit 1 for a run that failed, 2 for the organization GitHub does not know (a usage mistake).
  it.each<[string, RunOptions, number?]>([
    ['GitHub rejects it', { serverToken: 'ghp_someOtherToken' }],
    ['the organization does not exist', { args: ['--organization', 'no-such-org'] }, 2],
    [
      'a repository keeps failing',
      {
        faults: {
          custom: (_, body) => (JSON.stringify(body).includes(demo.id) ? { status: 502, body: '' } : null)
        },
        quickClock: true
      }
    ],
    [
      'the rate limit resets too late',
      {
        args: ['--rate-limit-wait', '0'],
        faults: { primaryExhaustAt: 2 },
        rateLimit: { resetInSeconds: 600 }
      }
    ]
  ])(
    'is in no output file and no line of the error and its stack trace when %s',
    async (_, options, code = 1) => {
      const run = await runElectorate(world, { ...options, args: [...(options.args ?? []), '--debug'] })
      expect(run.code).toBe(code)
      expect(run.stderr).toMatch(STACK_FRAME)
      expectNoSecret(run, TOKEN)
    }
  )

  it('is hidden where an error answer repeats it, and the rest of the answer is said', async () => {
    const run = await runElectorate(world, { args: ['--debug'], faults: echoesToken })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /GitHub answered HTTP 400: Bad request: Authorization: bearer \*\*\* is not allowed here/
    )
    expect(run.stderr).toMatch(STACK_FRAME)
    expectNoSecret(run, TOKEN)
  })
})
