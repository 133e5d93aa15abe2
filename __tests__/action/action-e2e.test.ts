import { gunzipSync } from 'node:zlib'
// The built action (dist/index.js) run as the runner runs it: inputs as INPUT_<NAME> variables, the
// command files, an event payload, against the fake GitHub and the fake artifact service over HTTP.
import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeArtifactService, startFakeArtifactService } from '../../tools/fake-artifact/server.js'
import { type FakeGitHub, startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { bundle, runStep, type StepResult } from './run-step.js'

const NOW = '2026-04-07T00:00:00Z'
const TOKEN = 'e2e-token-9f3c7d1b'

const csvRows = (text: string) =>
  parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
const csvHeader = (text: string) => text.slice(0, text.indexOf('\n')).trim().split(',')

let world: World
let github: FakeGitHub
let artifacts: FakeArtifactService
const workspaces: string[] = []

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run `npm run build` first')
  world = generateWorld({ scale: 'small', seed: 1, now: NOW })
  github = await startFakeGitHub({ world, token: TOKEN })
  artifacts = await startFakeArtifactService()
})

afterAll(async () => {
  await github?.close()
  await artifacts?.close()
  for (const dir of workspaces) await rm(dir, { recursive: true, force: true })
})

const inputsFor = (artifactName: string, token = TOKEN) => ({
  organization: world.organization.login,
  until: NOW.slice(0, 10),
  'graphql-url': github.url,
  'github-token': token,
  'artifact-name': artifactName,
  'retention-days': '5'
})

describe('the action, built, in a public repository', () => {
  let step: StepResult

  beforeAll(async () => {
    step = await runStep({
      inputs: inputsFor('electorate'),
      repositoryPrivate: false,
      artifactUrl: artifacts.url
    })
    workspaces.push(step.workspace)
  })

  it('succeeds', () => {
    expect(step.stdout).not.toContain('::error::')
    expect(step.code, step.stdout + step.stderr).toBe(0)
  })

  it('sets its outputs from the files it wrote', async () => {
    const dir = path.join(step.workspace, 'electorate')
    expect(step.outputs['output-dir']).toBe(dir)
    expect(step.outputs['csv-path']).toBe(path.join(dir, 'electorate.csv'))
    const electorate = csvRows(await readFile(path.join(dir, 'electorate.csv'), 'utf8'))
    const contributors = csvRows(await readFile(path.join(dir, 'contributors.csv'), 'utf8'))
    expect(electorate.length).toBeGreaterThan(0)
    expect(contributors.length).toBeGreaterThan(electorate.length)
    expect(step.outputs['electorate-count']).toBe(String(electorate.length))
    expect(step.outputs['contributors-count']).toBe(String(contributors.length))
    expect(step.outputs['artifact-id']).toBe(String(artifacts.artifacts.get('electorate')?.id))
  })

  it('names only user accounts of the organization’s world, never a bot', async () => {
    const electorate = csvRows(await readFile(step.outputs['csv-path']!, 'utf8'))
    const users = new Map(world.users.map(u => [u.login.toLowerCase(), u.type]))
    for (const person of electorate) expect(users.get(person.login!.toLowerCase()), person.login).toBe('User')
  })

  it('writes the job summary that summary.md holds', async () => {
    const summaryMd = await readFile(path.join(step.outputs['output-dir']!, 'summary.md'), 'utf8')
    expect(summaryMd.trim().length).toBeGreaterThan(0)
    expect(step.summary.trim()).toBe(summaryMd.trim())
    expect(step.summary).toContain(world.organization.login)
  })

  it('uploads the output folder, byte for byte, with the retention asked for', async () => {
    const uploaded = artifacts.artifacts.get('electorate')!
    const dir = step.outputs['output-dir']!
    const written = (await readdir(dir)).sort()
    expect(Object.keys(uploaded.files).sort()).toEqual(written)
    for (const name of written) {
      expect(uploaded.files[name]!.equals(await readFile(path.join(dir, name))), name).toBe(true)
    }
    const days = (Date.parse(uploaded.expiresAt!) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(4.9)
    expect(days).toBeLessThan(5.1)
  })

  it('leaves every email out of a public repository’s artifact (include-emails auto)', () => {
    const files = artifacts.artifacts.get('electorate')!.files
    for (const name of ['electorate.csv', 'contributors.csv']) {
      const header = csvHeader(files[name]!.toString('utf8'))
      expect(header, name).not.toContain('email')
      expect(header, name).not.toContain('other_emails')
    }
    const emails = new Set(
      [
        ...world.users.map(u => u.email),
        ...world.repositories.flatMap(r => r.commits.flatMap(c => c.authors.map(a => a.email)))
      ].filter(e => e !== '')
    )
    expect(emails.size).toBeGreaterThan(0)
    expect(Object.keys(files)).toContain('records.jsonl.gz')
    for (const [name, content] of Object.entries(files)) {
      // The records file is read inside its gzip: its bytes as they are would hide any address.
      const text = (name.endsWith('.gz') ? gunzipSync(content) : content).toString('utf8').toLowerCase()
      const leaked = [...emails].filter(e => text.includes(e.toLowerCase()))
      expect(leaked, name).toEqual([])
    }
  })
})

describe('the action, built, in a private repository', () => {
  it('writes the email columns when include-emails is auto', async () => {
    const step = await runStep({
      inputs: inputsFor('electorate-private'),
      repositoryPrivate: true,
      artifactUrl: artifacts.url
    })
    workspaces.push(step.workspace)
    expect(step.code, step.stdout + step.stderr).toBe(0)
    const header = csvHeader(
      artifacts.artifacts.get('electorate-private')!.files['electorate.csv']!.toString()
    )
    expect(header.slice(0, 4)).toEqual(['login', 'name', 'email', 'other_emails'])
  })
})

describe('the action, built, with a token GitHub refuses', () => {
  const badToken = 'ghp_refusedToken0123456789abcdefABCDEF'
  let step: StepResult

  beforeAll(async () => {
    step = await runStep({
      inputs: inputsFor('electorate-refused', badToken),
      repositoryPrivate: false,
      artifactUrl: artifacts.url
    })
    workspaces.push(step.workspace)
  })

  it('fails the step with an error annotation', () => {
    expect(step.code).toBe(1)
    expect(step.stdout).toMatch(/^::error::/m)
  })

  it('never prints the token, except to ask the runner to mask it', () => {
    const lines = (step.stdout + step.stderr).split('\n').filter(line => line.includes(badToken))
    expect(lines).toEqual([`::add-mask::${badToken}`])
  })

  it('writes no electorate and uploads nothing', () => {
    expect(existsSync(path.join(step.workspace, 'electorate', 'electorate.csv'))).toBe(false)
    expect(artifacts.artifacts.has('electorate-refused')).toBe(false)
    expect(step.outputs['electorate-count']).toBeUndefined()
  })
})

describe('the action, built, with an artifact name GitHub would refuse', () => {
  it('fails at the start with the other input checks, before asking GitHub anything', async () => {
    const asked = github.log.length
    const step = await runStep({
      inputs: inputsFor('electorate: shard 1'),
      repositoryPrivate: false,
      artifactUrl: artifacts.url
    })
    workspaces.push(step.workspace)
    expect(step.code).toBe(1)
    expect(step.stdout).toMatch(
      /^::error::artifact-name: "electorate: shard 1" holds a colon, which GitHub refuses/m
    )
    expect(github.log.length).toBe(asked)
    expect(existsSync(path.join(step.workspace, 'electorate'))).toBe(false)
  })
})
