// An organization GitHub does not know is a usage mistake, said as one: exit 2 naming it, no roll, as
// for a candidate or a config login GitHub does not know (a repository that does not exist stays exit 1).
import { expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { errorLines, NOW, runElectorate } from './harness.js'

it('exits 2 naming an organization GitHub does not know', async () => {
  const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  const run = await runElectorate(world, { args: ['--organization', 'no-such-org'] })
  expect(run.code, run.stderr).toBe(2)
  expect(errorLines(run.stderr)).toEqual([
    "electorate: organization: GitHub knows no organization 'no-such-org' (or the token may not see it)"
  ])
  expect(run.files.has('electorate.csv')).toBe(false)
})
