// An organization or repository GitHub does not know is a usage mistake, said as one: exit 2 naming it,
// no roll, as for a candidate or a config login GitHub does not know.
import { it } from 'vitest'
import { stringify } from 'yaml'
import { generateWorld } from '../../tools/world/generate.js'
import { expectUsageError, NOW, runElectorate } from './harness.js'

const world = generateWorld({ scale: 'small', seed: 2, now: NOW })

const [known] = world.repositories

it('exits 2 naming an organization GitHub does not know, listing its repositories', async () => {
  const run = await runElectorate(world, { args: ['--organization', 'no-such-org'] })
  expectUsageError(
    run,
    "organization: GitHub knows no organization 'no-such-org' (or the token may not see it); " +
      'a personal account has no organization to list: name its repositories instead (repositories: no-such-org/NAME)'
  )
})

// GitHub answers `repositoryOwner` for a login it does not know with null and no error, where
// `organization` and `user` answer NOT_FOUND; either is read as not known.
it.each([
  ['null, as GitHub answers', {}],
  ['NOT_FOUND', { repositoryOwnerNotFound: true }]
])('exits 2 naming an owner GitHub does not know, its repositories named, answered %s', async (_, faults) => {
  const run = await runElectorate(world, {
    args: ['--organization', 'no-such-org', '--repositories', `${known!.owner}/${known!.name}`],
    faults
  })
  expectUsageError(
    run,
    "organization: GitHub knows no organization or user 'no-such-org' (or the token may not see it)"
  )
})

it('exits 2 naming each repository GitHub does not know, beside ones it knows', async () => {
  const run = await runElectorate(world, {
    args: ['--config', 'electorate.yml', '--repositories', `${known!.name}, no-such-repo`],
    files: { 'electorate.yml': stringify({ repositories: { include: ['other-org/gone'] } }) }
  })
  expectUsageError(
    run,
    "repositories: GitHub knows no repository 'demo-org/no-such-repo', 'other-org/gone' " +
      '(or the token may not see them)'
  )
})
