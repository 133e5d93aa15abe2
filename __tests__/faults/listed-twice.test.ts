// GitHub pages an organization's repositories by name: a repository renamed while the listing is paged
// moves past the cursor and is listed again on a later page. Gathered twice, its items would be recorded
// twice, and under a new name counted twice: it is gathered once.
import { expect, it } from 'vitest'
import type { FaultPlan } from '../../tools/fake-github/faults.js'
import { worldChanged } from '../../tools/fake-github/resolvers/order.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { expectSameFindings, NOW, runElectorate } from './harness.js'

/** The small world with a hundred empty repositories more, so that its listing takes two pages. */
function paddedWorld(): World {
  const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  for (let i = 0; i < 100; i++)
    world.repositories.push({
      id: `R_padding${i}`,
      owner: world.organization.login,
      name: `padding-${String(i).padStart(3, '0')}`,
      isArchived: false,
      isFork: false,
      isPrivate: false,
      defaultBranch: null,
      createdAt: '2020-01-01T00:00:00Z',
      commits: [],
      pullRequests: [],
      issues: []
    })
  return world
}

it('gathers a repository listed on two pages once', async () => {
  const clean = await runElectorate(paddedWorld())
  expect(clean.code, clean.stderr).toBe(0)

  const world = paddedWorld()
  const listed = world.repositories
    .filter(r => !r.isArchived && !r.isFork && !r.isPrivate)
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
  const moved = listed.slice(0, 100).find(r => r.pullRequests.length > 0 && r.commits.length > 0)!
  // Asked for its second page, the listing finds the repository under a name past the first page's end.
  let laterPages = 0
  const faults: FaultPlan = {
    custom: (_, body) => {
      if (body.query.includes('repositories(') && body.variables?.after && laterPages++ === 0) {
        moved.name = `zzz-${moved.name}`
        worldChanged()
      }
      return null
    }
  }
  const twice = await runElectorate(world, { faults })
  expect(twice.code, twice.stderr).toBe(0)
  expect(laterPages).toBe(1)
  expectSameFindings(twice, clean)
})
