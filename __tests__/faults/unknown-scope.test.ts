// An organization or repository GitHub does not know is a usage mistake, said as one: exit 2 naming it,
// no roll, as for a candidate or a config login GitHub does not know.
import { expect, it } from 'vitest'
import { stringify } from 'yaml'
import { generateWorld } from '../../tools/world/generate.js'
import { errorLines, NOW, runElectorate, STACK_FRAME } from './harness.js'

const world = generateWorld({ scale: 'small', seed: 2, now: NOW })

const [known] = world.repositories

it.each([
  ['listing its repositories', []],
  ['its repositories named', ['--repositories', `${known!.owner}/${known!.name}`]]
])('exits 2 naming an organization GitHub does not know, %s', async (_, args) => {
  const run = await runElectorate(world, { args: ['--organization', 'no-such-org', ...args] })
  expect(run.code, run.stderr).toBe(2)
  expect(errorLines(run.stderr)).toEqual([
    "electorate: organization: GitHub knows no organization 'no-such-org' (or the token may not see it)"
  ])
  expect(run.stderr).not.toMatch(STACK_FRAME)
  expect(run.files.has('electorate.csv')).toBe(false)
})

it('exits 2 naming each repository GitHub does not know, beside ones it knows', async () => {
  const run = await runElectorate(world, {
    args: ['--config', 'electorate.yml', '--repositories', `${known!.name}, no-such-repo`],
    files: { 'electorate.yml': stringify({ repositories: { include: ['other-org/gone'] } }) }
  })
  expect(run.code, run.stderr).toBe(2)
  expect(errorLines(run.stderr)).toEqual([
    "electorate: repositories: GitHub knows no repository 'demo-org/no-such-repo', 'other-org/gone' " +
      '(or the token may not see them)'
  ])
  expect(run.stderr).not.toMatch(STACK_FRAME)
  expect(run.files.has('electorate.csv')).toBe(false)
})
