// A personal project's owner is a user account, not an organization: GitHub lists no repositories of it
// under `organization`, but a run that names them gathers them, as given, with the owner written as
// GitHub spells it. Without named repositories the run says how to do that.
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { addPersonalRepository } from '../../tools/world/personal.js'
import type { World } from '../../tools/world/types.js'
import { expectSameFindings, expectUsageError, NOW, runElectorate } from '../faults/harness.js'

const WINDOW = { since: new Date('2025-04-07T00:00:00Z'), until: new Date(NOW) }

/** The organization Demo-Org and the user Solo-Dev (spelled so: the runs type it in lower case). */
function worldWithPersonalRepository(): { world: World; shared: string; personal: string } {
  const world = generateWorld({ scale: 'small', seed: 5, now: NOW, organization: 'Demo-Org' })
  const shared = world.users.find(u => u.type === 'User')!.login
  return { world, shared, personal: addPersonalRepository(world, 'Solo-Dev', shared, WINDOW) }
}

interface Report {
  organization: string
  organizations: { organization: string; repositories: number }[]
  repositories: { repository: string }[]
}

describe('a user account given as organization', () => {
  it('gathers its named repositories, alone or beside an organization, spelled as GitHub spells it', async () => {
    const { world, shared, personal } = worldWithPersonalRepository()
    const [first] = world.repositories.filter(r => r.owner === 'Demo-Org').map(r => r.name)
    const [alone, beside] = await Promise.all([
      runElectorate(world, { args: ['--organization', 'solo-dev', '--repositories', 'solo-dev/TOOL'] }),
      runElectorate(world, {
        args: ['--organization', 'demo-org, solo-dev', '--repositories', `demo-org/${first}, solo-dev/tool`]
      })
    ])
    expect(alone.code, alone.stderr).toBe(0)
    expect(beside.code, beside.stderr).toBe(0)
    const report = (run: typeof alone) => JSON.parse(run.files.get('report.json')!.toString('utf8')) as Report
    expect(report(alone).organization).toBe('Solo-Dev')
    expect(report(alone).repositories.map(r => r.repository)).toEqual([personal])
    expect(report(beside).organization).toBe('Demo-Org, Solo-Dev')
    expect(report(beside).organizations.map(o => [o.organization, o.repositories])).toEqual([
      ['Demo-Org', 1],
      ['Solo-Dev', 1]
    ])
    // The owner's commits and the shared person's are counted; nothing is written as typed.
    const contributors = alone.files.get('contributors.csv')!.toString('utf8')
    expect(contributors).toMatch(/^Solo-Dev,/m)
    expect(contributors).toMatch(new RegExp(`^${shared},`, 'm'))
    const records = gunzipSync(alone.files.get('records.jsonl.gz')!).toString('utf8')
    expect(records).toContain('"Solo-Dev/tool"')
    // The page's search index holds every login in lower case, on purpose.
    for (const [name, bytes] of alone.files) {
      const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')
      expect(text.replace(/ data-search="[^"]*"/g, ''), name).not.toMatch(/(?<![\w-])solo-dev(?![\w-])/)
    }
  })

  it('re-scores the records of its repositories, without GitHub and with the organization typed in any case', async () => {
    const { world } = worldWithPersonalRepository()
    const gathered = await runElectorate(world, {
      args: ['--organization', 'Solo-Dev', '--repositories', 'Solo-Dev/tool']
    })
    expect(gathered.code, gathered.stderr).toBe(0)
    const records = path.join(gathered.cwd, 'electorate', 'records.jsonl.gz')
    const rescored = await runElectorate(world, {
      args: ['--organization', 'SOLO-DEV', '--from-records', records],
      env: {}
    })
    expect(rescored.code, rescored.stderr).toBe(0)
    expectSameFindings(rescored, gathered)
  })

  it("with access on exits 2, saying members and teams are an organization's", async () => {
    const { world } = worldWithPersonalRepository()
    const run = await runElectorate(world, {
      args: ['--organization', 'solo-dev', '--repositories', 'solo-dev/tool', '--access']
    })
    expectUsageError(
      run,
      "access: GitHub knows no organization 'solo-dev' (or the token may not see it); members and teams " +
        "are an organization's: gather a personal account's repositories with access off"
    )
  })

  it('without named repositories exits 2, saying GitHub knows no such organization and to name them', async () => {
    const { world } = worldWithPersonalRepository()
    const run = await runElectorate(world, { args: ['--organization', 'solo-dev'] })
    expectUsageError(
      run,
      "organization: GitHub knows no organization 'solo-dev' (or the token may not see it); " +
        'a personal account has no organization to list: name its repositories instead (repositories: solo-dev/NAME)'
    )
  })
})
