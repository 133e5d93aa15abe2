// GitHub logins are case-insensitive, and the outputs name an organization or repository as GitHub
// spells it today, as they do a person: a run typed in another case writes what the run typed as GitHub
// spells it writes. The worlds here spell their organizations in mixed case, so lower case is "another case" too.
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { generateWorld } from '../../tools/world/generate.js'
import { addStewardship } from '../../tools/world/stewardship.js'
import type { World } from '../../tools/world/types.js'
import { type ElectorateRun, expectSameFindings, NOW, runElectorate } from '../faults/harness.js'

const WINDOW = { since: new Date('2025-04-07T00:00:00Z'), until: new Date(NOW) }

function mixedCaseWorld(): World {
  const world = generateWorld({ scale: 'small', seed: 5, now: NOW, organization: 'Demo-Org' })
  addStewardship(world, WINDOW, { secondOrganization: 'Second-Org' })
  return world
}

async function succeeded(run: Promise<ElectorateRun>): Promise<ElectorateRun> {
  const done = await run
  expect(done.code, done.stderr).toBe(0)
  return done
}

/** Every output text file, the records file inflated, for a search of a spelling. */
function texts(run: ElectorateRun): Map<string, string> {
  return new Map(
    [...run.files].map(([name, bytes]) => [
      name,
      (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')
    ])
  )
}

/** The files that hold the spelling `organization` as a whole word, case-sensitively. */
function filesSpelling(run: ElectorateRun, organization: string): string[] {
  const word = new RegExp(`(?<![\\w-])${organization}(?![\\w-])`)
  return [...texts(run)].filter(([, text]) => word.test(text)).map(([name]) => name)
}

describe('organizations typed in another case', () => {
  it('write the same outputs as organizations typed as GitHub spells them, roles included', async () => {
    const world = mixedCaseWorld()
    const [spelled, lower, upper] = await Promise.all(
      ['Demo-Org, Second-Org', 'second-org demo-org', 'DEMO-ORG,SECOND-ORG'].map(organizations =>
        succeeded(runElectorate(world, { args: ['--organization', organizations, '--access'] }))
      )
    )
    const report = JSON.parse(spelled!.files.get('report.json')!.toString('utf8')) as {
      organization: string
      organizations: { organization: string; repositories: number }[]
    }
    expect(report.organization).toBe('Demo-Org, Second-Org')
    expect(report.organizations.map(o => o.organization)).toEqual(['Demo-Org', 'Second-Org'])
    expect(report.organizations.every(o => o.repositories > 0)).toBe(true)
    expect(filesSpelling(spelled!, 'Demo-Org')).toEqual(
      expect.arrayContaining(['README.txt', 'access.csv', 'records.jsonl.gz', 'report.html', 'summary.md'])
    )
    expectSameFindings(lower!, spelled!)
    expectSameFindings(upper!, spelled!)
    for (const typed of ['demo-org', 'DEMO-ORG', 'second-org', 'SECOND-ORG'])
      expect(filesSpelling(upper!, typed).concat(filesSpelling(lower!, typed)), typed).toEqual([])
  })

  it('write the same outputs for one organization and its repositories named in another case', async () => {
    const world = mixedCaseWorld()
    const [first, second] = world.repositories.filter(r => r.owner === 'Demo-Org').map(r => r.name)
    const [spelled, upper] = await Promise.all([
      succeeded(
        runElectorate(world, {
          args: ['--organization', 'Demo-Org', '--repositories', `Demo-Org/${first}, ${second}`]
        })
      ),
      succeeded(
        runElectorate(world, {
          args: [
            '--organization',
            'DEMO-ORG',
            '--repositories',
            `demo-org/${first!.toUpperCase()} ${second!.toUpperCase()}`
          ]
        })
      )
    ])
    const report = JSON.parse(spelled.files.get('report.json')!.toString('utf8')) as {
      organization: string
      repositories: { repository: string }[]
    }
    expect(report.organization).toBe('Demo-Org')
    expect(report.repositories.map(r => r.repository)).toEqual(
      [`Demo-Org/${first}`, `Demo-Org/${second}`].sort()
    )
    expectSameFindings(upper, spelled)
  })

  it('name the organization as GitHub spells it when every repository named is excluded', async () => {
    const world = mixedCaseWorld()
    const [first] = world.repositories.filter(r => r.owner === 'Demo-Org').map(r => r.name)
    const run = await succeeded(
      runElectorate(world, {
        args: ['--organization', 'demo-org', '--repositories', first!, '--config', 'electorate.yml'],
        files: { 'electorate.yml': stringify({ repositories: { exclude: [first] } }) }
      })
    )
    const report = JSON.parse(run.files.get('report.json')!.toString('utf8')) as {
      organization: string
      repositories: unknown[]
    }
    expect([report.organization, report.repositories]).toEqual(['Demo-Org', []])
  })

  it('re-score records of an organization typed in another case, keeping the records spelling', async () => {
    const world = mixedCaseWorld()
    const gathered = await succeeded(runElectorate(world, { args: ['--organization', 'Demo-Org'] }))
    const records = path.join(gathered.cwd, 'electorate', 'records.jsonl.gz')
    const rescore = (organization: string) =>
      succeeded(
        runElectorate(world, {
          args: ['--organization', organization, '--from-records', records],
          env: {}
        })
      )
    const [spelled, upper] = await Promise.all([rescore('Demo-Org'), rescore('DEMO-ORG')])
    expect(filesSpelling(spelled, 'Demo-Org')).toContain('summary.md')
    expectSameFindings(upper, spelled)
    expectSameFindings(spelled, gathered)
  })
})
