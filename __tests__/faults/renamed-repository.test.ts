// GitHub's `repository(owner:, name:)` follows renames and transfers: a repository named both by its
// name of today and by an old one (a config written before the rename, a list kept by hand) comes back
// twice. Gathered twice, each of its contributions would count twice and could make a voter.
import { expect, it } from 'vitest'
import { stringify } from 'yaml'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { expectSameFindings, NOW, runElectorate, type ElectorateRun } from './harness.js'

function renamedWorld(): { world: World; today: string; former: string } {
  const world = generateWorld({ scale: 'small', seed: 5, now: NOW })
  const busiest = [...world.repositories].sort((a, b) => b.pullRequests.length - a.pullRequests.length)[0]!
  busiest.formerNames = [`${busiest.owner}/old-${busiest.name}`]
  return { world, today: busiest.name, former: `old-${busiest.name}` }
}

async function succeeded(run: Promise<ElectorateRun>): Promise<ElectorateRun> {
  const done = await run
  expect(done.code, done.stderr).toBe(0)
  return done
}

it('gathers a repository named by its old name and its name of today once', async () => {
  const { world, today, former } = renamedWorld()
  const [once, twice] = await Promise.all([
    succeeded(runElectorate(world, { args: ['--repositories', today] })),
    succeeded(runElectorate(world, { args: ['--repositories', `${former}, ${today}`] }))
  ])
  expectSameFindings(twice, once)
})

it('leaves out a repository named by an old name when its name of today is excluded', async () => {
  const { world, today, former } = renamedWorld()
  const run = await succeeded(
    runElectorate(world, {
      args: ['--repositories', former, '--config', 'electorate.yml'],
      files: { 'electorate.yml': stringify({ repositories: { exclude: [today] } }) }
    })
  )
  const report = JSON.parse(run.files.get('report.json')!.toString('utf8')) as { repositories: unknown[] }
  expect(report.repositories).toEqual([])
})
