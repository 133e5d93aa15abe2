// The built action as a workflow matrix uses it (examples/workflows/electorate-matrix.yml): one gather job
// per shard of the repositories uploads its records, then one score job downloads every shard's artifact
// into its own folder and scores them with no token, asking GitHub nothing. Its roll must be the one that a
// single `mode: all` run over every repository writes.
import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeArtifactService, startFakeArtifactService } from '../../tools/fake-artifact/server.js'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { bundle, runStep, type StepResult } from './run-step.js'

const NOW = '2026-04-07T00:00:00Z'
const UNTIL = NOW.slice(0, 10)
// The default window: the config's 12 months back from until.
const SINCE = '2025-04-07T00:00:00Z'
const TOKEN = 'modes-token-5b1e0c7a'
const ROLL_FILES = ['electorate.csv', 'contributors.csv', 'evidence.csv']
// What the gathering spent (summed over the shards when they are scored) and the run's timing: in these alone.
const WITH_API_FIGURES = ['records.jsonl.gz', 'report.json', 'report.html', 'summary.md']
const API_LINE = /^\d+ requests, \d+ points\.$/m
// The small world has two repositories in scope by default, one of them empty: archived ones and forks
// too give each shard activity of its own. Every job checks out the config, as the example workflow does.
const CONFIG = { '.github/electorate.yml': Buffer.from('repositories:\n  archived: true\n  forks: true\n') }

interface Shard {
  name: string
  repositories: string[]
  step: StepResult
}

interface RecordsHeader {
  organization: string
  window: { since: string; until: string }
  repositories: { nameWithOwner: string }[]
  lines: { records: number; profiles: number }
}

let world: World
let github: Awaited<ReturnType<typeof startFakeGitHub>>
let artifacts: FakeArtifactService
let inScope: string[]
const shards: Shard[] = []
let score: StepResult
let requestsBeforeScore: number
let requestsAfterScore: number
let all: StepResult

const artifactName = (shard: string) => `electorate-records-${shard}`
const csvRows = (text: string) =>
  parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
const lines = (bytes: Buffer) => gunzipSync(bytes).toString('utf8').trimEnd().split('\n')
const headerOf = (bytes: Buffer) => JSON.parse(lines(bytes)[0]!) as RecordsHeader

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run `npm run build` first')
  world = generateWorld({ scale: 'small', seed: 3, now: NOW })
  github = await startFakeGitHub({ world, token: TOKEN })
  artifacts = await startFakeArtifactService()
  // In scope by that config: every repository but the private ones.
  inScope = world.repositories
    .filter(r => !r.isPrivate)
    .map(r => `${r.owner}/${r.name}`)
    .sort()
  const half = Math.ceil(inScope.length / 2)
  const split = { runtime: inScope.slice(0, half), tooling: inScope.slice(half) }

  for (const [name, repositories] of Object.entries(split)) {
    const step = await runStep({
      inputs: {
        mode: 'gather',
        organization: world.organization.login,
        repositories: repositories.join(', '),
        until: UNTIL,
        'graphql-url': github.url,
        'github-token': TOKEN,
        'output-dir': `records-${name}`,
        'artifact-name': artifactName(name),
        'retention-days': '30'
      },
      workspaceFiles: CONFIG,
      repositoryPrivate: true,
      artifactUrl: artifacts.url
    })
    shards.push({ name, repositories, step })
  }

  // As actions/download-artifact with a pattern puts them: one folder per artifact, named after it.
  const downloaded: Record<string, Buffer> = {}
  for (const shard of shards) {
    const file = artifacts.artifacts.get(artifactName(shard.name))?.files['records.jsonl.gz']
    if (file) downloaded[`records/${artifactName(shard.name)}/records.jsonl.gz`] = file
  }
  requestsBeforeScore = github.log.length
  score = await runStep({
    inputs: {
      mode: 'score',
      records: 'records/*/records.jsonl.gz',
      // Reachable, so that a request would be seen: the score job must make none, and has no token.
      'graphql-url': github.url,
      'github-token': '',
      'artifact-name': 'electorate'
    },
    workspaceFiles: { ...CONFIG, ...downloaded },
    repositoryPrivate: true,
    artifactUrl: artifacts.url
  })
  requestsAfterScore = github.log.length

  all = await runStep({
    inputs: {
      organization: world.organization.login,
      until: UNTIL,
      'graphql-url': github.url,
      'github-token': TOKEN,
      'artifact-name': 'electorate-all'
    },
    workspaceFiles: CONFIG,
    repositoryPrivate: true,
    artifactUrl: artifacts.url
  })
})

afterAll(async () => {
  await github?.close()
  await artifacts?.close()
  const steps = [...shards.map(s => s.step), score, all].filter(step => step !== undefined)
  for (const step of steps) await rm(step.workspace, { recursive: true, force: true })
})

describe('mode gather, one job per shard of the repositories', () => {
  it('splits the repositories in scope into two shards that both succeed', () => {
    expect(shards.map(s => s.repositories.length)).toEqual([
      Math.ceil(inScope.length / 2),
      Math.floor(inScope.length / 2)
    ])
    expect(inScope.length).toBeGreaterThan(1)
    for (const { name, step } of shards) {
      expect(step.stdout, name).not.toContain('::error::')
      expect(step.code, step.stdout + step.stderr).toBe(0)
    }
  })

  it('writes records.jsonl.gz and its README.txt alone into its own output folder, and says so in output-dir', async () => {
    for (const { name, step } of shards) {
      const dir = path.join(step.workspace, `records-${name}`)
      expect(step.outputs['output-dir'], name).toBe(dir)
      expect((await readdir(dir)).sort(), name).toEqual(['README.txt', 'records.jsonl.gz'])
      const readme = await readFile(path.join(dir, 'README.txt'), 'utf8')
      expect(readme, name).toContain(`organization ${world.organization.login}.`)
      expect(readme, name).toContain('\nrecords.jsonl.gz\n')
      expect(readme, name).not.toContain('\nelectorate.csv\n')
    }
  })

  it('sets no roll outputs: it wrote no roll', () => {
    for (const { name, step } of shards) {
      expect(Object.keys(step.outputs).sort(), name).toEqual(['artifact-id', 'output-dir'])
    }
  })

  it('records its shard’s repositories alone, over the window asked for', async () => {
    for (const { name, step, repositories } of shards) {
      const bytes = await readFile(path.join(step.outputs['output-dir']!, 'records.jsonl.gz'))
      const header = headerOf(bytes)
      expect(header.organization).toBe(world.organization.login)
      expect(header.repositories.map(r => r.nameWithOwner).sort(), name).toEqual(repositories)
      expect(Date.parse(header.window.since)).toBe(Date.parse(SINCE))
      expect(Date.parse(header.window.until)).toBe(Date.parse(NOW))
      expect(header.lines.records, name).toBeGreaterThan(0)
      const records = lines(bytes)
        .slice(1, 1 + header.lines.records)
        .map(line => JSON.parse(line) as { repository: string })
      expect(
        records.filter(r => !repositories.includes(r.repository)),
        name
      ).toEqual([])
    }
  })

  it('uploads that file and its README.txt alone, byte for byte, as the shard’s artifact', async () => {
    for (const { name, step } of shards) {
      const uploaded = artifacts.artifacts.get(artifactName(name))
      expect(uploaded, name).toBeDefined()
      expect(step.outputs['artifact-id']).toBe(String(uploaded!.id))
      expect(Object.keys(uploaded!.files).sort()).toEqual(['README.txt', 'records.jsonl.gz'])
      const written = await readFile(path.join(step.outputs['output-dir']!, 'records.jsonl.gz'))
      expect(uploaded!.files['records.jsonl.gz']!.equals(written), name).toBe(true)
    }
  })

  it('says in the job summary what it gathered, and that it is to be scored', async () => {
    for (const { name, step, repositories } of shards) {
      const header = headerOf(await readFile(path.join(step.outputs['output-dir']!, 'records.jsonl.gz')))
      expect(step.summary, name).toContain(
        `${header.lines.records} records of ${repositories.length} repositories`
      )
      expect(step.summary, name).toContain('mode score')
    }
  })
})

describe('mode score over both shards’ artifacts, with no token', () => {
  it('succeeds', () => {
    expect(score.stdout).not.toContain('::error::')
    expect(score.code, score.stdout + score.stderr).toBe(0)
  })

  it('asks GitHub nothing', () => {
    expect(requestsAfterScore).toBe(requestsBeforeScore)
    expect(requestsBeforeScore).toBeGreaterThan(0)
  })

  it('sets the roll’s outputs from the files it wrote', async () => {
    const dir = path.join(score.workspace, 'electorate')
    expect(score.outputs['output-dir']).toBe(dir)
    expect(score.outputs['csv-path']).toBe(path.join(dir, 'electorate.csv'))
    const electorate = csvRows(await readFile(path.join(dir, 'electorate.csv'), 'utf8'))
    const contributors = csvRows(await readFile(path.join(dir, 'contributors.csv'), 'utf8'))
    expect(electorate.length).toBeGreaterThan(0)
    expect(score.outputs['electorate-count']).toBe(String(electorate.length))
    expect(score.outputs['contributors-count']).toBe(String(contributors.length))
    expect(score.outputs['artifact-id']).toBe(String(artifacts.artifacts.get('electorate')?.id))
  })

  it('writes the job summary that summary.md holds', async () => {
    const summaryMd = await readFile(path.join(score.outputs['output-dir']!, 'summary.md'), 'utf8')
    expect(score.summary.trim()).toBe(summaryMd.trim())
    expect(score.summary).toContain(world.organization.login)
  })

  it('counts the activity of both shards', async () => {
    const evidence = csvRows(await readFile(path.join(score.outputs['output-dir']!, 'evidence.csv'), 'utf8'))
    const seen = new Set(evidence.map(row => row.repository))
    for (const { name, repositories } of shards) {
      expect(
        repositories.some(r => seen.has(r)),
        name
      ).toBe(true)
    }
  })

  it('writes the files of one `mode: all` run over every repository, API figures aside', async () => {
    expect(all.code, all.stdout + all.stderr).toBe(0)
    const allDir = all.outputs['output-dir']!
    const report = JSON.parse(await readFile(path.join(allDir, 'report.json'), 'utf8')) as {
      repositories: { repository: string }[]
    }
    expect(report.repositories.map(r => r.repository).sort()).toEqual(inScope)
    const scoreDir = score.outputs['output-dir']!
    const names = (await readdir(scoreDir)).sort()
    expect(names).toEqual((await readdir(allDir)).sort())
    expect(names).toEqual(expect.arrayContaining(ROLL_FILES))
    for (const name of names.filter(n => !WITH_API_FIGURES.includes(n))) {
      const [scored, online] = [
        await readFile(path.join(scoreDir, name)),
        await readFile(path.join(allDir, name))
      ]
      expect(scored.toString('utf8'), name).toBe(online.toString('utf8'))
    }
    const [scoredSummary, onlineSummary] = [score.summary, all.summary].map(text => {
      expect(text).toMatch(API_LINE)
      return text.replace(API_LINE, '')
    })
    expect(scoredSummary).toBe(onlineSummary)
    expect(score.outputs['electorate-count']).toBe(all.outputs['electorate-count'])
    expect(score.outputs['contributors-count']).toBe(all.outputs['contributors-count'])
  })

  it('uploads its output folder, the merged records with it', async () => {
    const uploaded = artifacts.artifacts.get('electorate')!
    const dir = score.outputs['output-dir']!
    const written = (await readdir(dir)).sort()
    expect(written).toContain('records.jsonl.gz')
    expect(Object.keys(uploaded.files).sort()).toEqual(written)
    for (const name of written) {
      expect(uploaded.files[name]!.equals(await readFile(path.join(dir, name))), name).toBe(true)
    }
  })
})
