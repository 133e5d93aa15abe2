// GitHub may answer an organization with a login other than the one asked, not only in case (a login
// that now leads elsewhere, an enterprise's alias): the outputs name it as GitHub answered, and the run
// does not fail at its end for want of a spelling it was given.
import { expect, it } from 'vitest'
import { stringify } from 'yaml'
import { generateWorld } from '../../tools/world/generate.js'
import { NOW, runElectorate } from './harness.js'

it('names an organization as GitHub answered it, whatever login was asked', async () => {
  const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  const [first] = world.repositories
  const run = await runElectorate(world, {
    args: ['--organization', 'old-org', '--repositories', first!.name, '--config', 'electorate.yml'],
    files: { 'electorate.yml': stringify({ repositories: { exclude: [first!.name] } }) },
    // Every repository named is excluded: the organization is the only thing asked.
    faults: {
      custom: (_, body) =>
        /\brepositoryOwner\(login: "old-org"\)/.test(body.query)
          ? { status: 200, body: { data: { o0: { login: 'New-Org' } } } }
          : null
    }
  })
  expect(run.code, run.stderr).toBe(0)
  const report = JSON.parse(run.files.get('report.json')!.toString('utf8')) as { organization: string }
  expect(report.organization).toBe('New-Org')
})
