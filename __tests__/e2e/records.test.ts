// The records file end to end: the built CLI gathers from the fake GitHub, then re-scores from records
// files alone (no token, no GraphQL URL) and must write the very same output folder.
import { gunzipSync, gzipSync } from 'node:zlib'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { runCli } from './run-cli.js'

const NOW = '2026-04-07T00:00:00Z'
const WINDOW = ['--since', '2025-04-07T00:00:00Z', '--until', NOW]
const TOKEN = 'records-e2e-token'
const CONFIG = { criteria: [{ commits: 1 }, { reviews: 5 }] }
const CHANGED = { criteria: [{ commits: 3 }, { score: 4 }], scoring: { weights: { issue_comments: 0.5 } } }

let world: World
let github: Awaited<ReturnType<typeof startFakeGitHub>>
let cwd: string

beforeAll(async () => {
  world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  github = await startFakeGitHub({ world, token: TOKEN })
  cwd = await mkdtemp(path.join(os.tmpdir(), 'electorate-records-e2e-'))
  await writeFile(path.join(cwd, 'config.yml'), stringify(CONFIG))
  await writeFile(path.join(cwd, 'changed.yml'), stringify(CHANGED))
})

afterAll(async () => {
  await github?.close()
  await rm(cwd, { recursive: true, force: true })
})

/** Online: against the fake GitHub with a token. */
async function online(out: string, ...args: string[]) {
  const result = await runCli(
    [
      '--organization',
      world.organization.login,
      '--graphql-url',
      github.url,
      ...WINDOW,
      '--output-dir',
      out,
      ...args
    ],
    { cwd, env: { GITHUB_TOKEN: TOKEN } }
  )
  expect(result.code, result.stderr).toBe(0)
  return result
}

/** Offline: no token, no GraphQL URL in the environment. */
function offline(out: string, ...args: string[]) {
  return runCli(['--output-dir', out, ...args], { cwd })
}

/** Every file of an output folder; report.json without its run timing, and without `api` when asked. */
async function folder(out: string, options: { withoutApi?: boolean } = {}): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(path.join(cwd, out))).sort()) {
    const bytes = await readFile(path.join(cwd, out, name))
    files[name] = name.endsWith('.gz') ? bytes.toString('base64') : bytes.toString('utf8')
  }
  const report = JSON.parse(files['report.json']!) as Record<string, unknown>
  delete report.run
  if (options.withoutApi) delete report.api
  files['report.json'] = JSON.stringify(report, null, 2)
  return files
}

/**
 * The same folder with the API figures masked: two gatherings of the same data spend different requests,
 * and a token's remaining points go down between runs. Everything else must stay byte for byte.
 */
async function withoutApiFigures(out: string): Promise<Record<string, string>> {
  const files = await folder(out, { withoutApi: true })
  const [header, ...lines] = gunzipSync(Buffer.from(files['records.jsonl.gz']!, 'base64'))
    .toString('utf8')
    .split('\n')
  const { stats: _, ...rest } = JSON.parse(header!) as Record<string, unknown>
  files['records.jsonl.gz'] = [JSON.stringify(rest), ...lines].join('\n')
  const report = JSON.parse(files['report.json']!) as { files: Record<string, string> }
  delete report.files['records.jsonl.gz']
  delete report.files['summary.md']
  delete report.files['report.html']
  files['report.json'] = JSON.stringify(report, null, 2)
  files['summary.md'] = files['summary.md']!.replace(/\d+ requests, \d+ points/, 'API figures')
  files['report.html'] = files['report.html']!.replace(
    /(API requests \(points\)<\/dt><dd>)[^<]*|(<tr><td>summary\.md<\/td><td><code>)\w+/g,
    '$1$2masked'
  )
  return files
}

const recordsOf = (out: string) => path.join(out, 'records.jsonl.gz')

describe('re-scoring from records files', () => {
  let inScope: string[]
  beforeAll(async () => {
    await online('all', '--config', 'config.yml')
    const report = JSON.parse(await readFile(path.join(cwd, 'all/report.json'), 'utf8')) as {
      repositories: { repository: string }[]
    }
    inScope = report.repositories.map(r => r.repository)
  })

  it('writes records.jsonl.gz beside the CSVs, hashed in report.json', async () => {
    const bytes = await readFile(path.join(cwd, recordsOf('all')))
    const report = JSON.parse(await readFile(path.join(cwd, 'all/report.json'), 'utf8')) as {
      files: Record<string, string>
    }
    const { createHash } = await import('node:crypto')
    expect(report.files['records.jsonl.gz']).toBe(createHash('sha256').update(bytes).digest('hex'))
    const header = JSON.parse(gunzipSync(bytes).toString('utf8').split('\n')[0]!) as Record<string, unknown>
    expect(header).toMatchObject({
      format: 'electorate-records',
      version: 1,
      organization: world.organization.login
    })
  })

  it('gives byte-identical files from the records alone, without a token or a request', async () => {
    const requests = github.log.length
    const result = await offline('rescored', '--from-records', recordsOf('all'), '--config', 'config.yml')
    expect(result.code, result.stderr).toBe(0)
    expect(github.log.length).toBe(requests)
    expect(await folder('rescored')).toEqual(await folder('all'))
  })

  it('re-scores a changed config as an online run with that config would, without a request', async () => {
    await online('changed-online', '--config', 'changed.yml')
    const requests = github.log.length
    const result = await offline('changed', '--from-records', recordsOf('all'), '--config', 'changed.yml')
    expect(result.code, result.stderr).toBe(0)
    expect(github.log.length).toBe(requests)
    const changed = await withoutApiFigures('changed')
    expect(changed).toEqual(await withoutApiFigures('changed-online'))
    expect(changed['electorate.csv']).not.toBe((await folder('all'))['electorate.csv'])
  })

  it('merges two shards of the repositories into the files of one run over all of them', async () => {
    expect(inScope.length).toBeGreaterThan(1)
    const half = Math.ceil(inScope.length / 2)
    await online('shard-1', '--mode', 'gather', '--repositories', inScope.slice(0, half).join(','))
    await online('shard-2', '--mode', 'gather', '--repositories', inScope.slice(half).join(','))
    expect((await readdir(path.join(cwd, 'shard-1'))).sort()).toEqual(['README.txt', 'records.jsonl.gz'])

    const result = await offline(
      'merged',
      '--config',
      'config.yml',
      '--from-records',
      recordsOf('shard-2'),
      recordsOf('shard-1')
    )
    expect(result.code, result.stderr).toBe(0)
    expect(await withoutApiFigures('merged')).toEqual(await withoutApiFigures('all'))
    // The API figures are the shards' gathering, summed: the re-score itself asked nothing.
    const spent = async (out: string) => {
      const bytes = await readFile(path.join(cwd, recordsOf(out)))
      const header = gunzipSync(bytes).toString('utf8').split('\n')[0]!
      return (JSON.parse(header) as { stats: { requests: number; points: number } }).stats
    }
    const [one, two] = [await spent('shard-1'), await spent('shard-2')]
    const report = JSON.parse(await readFile(path.join(cwd, 'merged/report.json'), 'utf8')) as {
      api: unknown
    }
    expect(report.api).toEqual({
      requests: one.requests + two.requests,
      points: one.points + two.points,
      remaining: null,
      reset_at: null
    })
    expect(one.requests).toBeGreaterThan(0)
  })
})

describe('records files that do not belong together', () => {
  it('refuses shards of different windows, naming both', async () => {
    await online(
      'late',
      '--mode',
      'gather',
      '--repositories',
      world.repositories[0]!.name,
      '--since',
      '2025-05-01'
    )
    const result = await offline('x', '--from-records', recordsOf('late'), recordsOf('shard-2'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('late/records.jsonl.gz')
    expect(result.stderr).toContain('shard-2/records.jsonl.gz')
    expect(result.stderr).toContain('one window')
  })

  it('refuses a repository in two shards, naming it', async () => {
    const result = await offline('x', '--from-records', recordsOf('all'), recordsOf('shard-1'))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /records: \S+\/\S+ is in both .*all\/records\.jsonl\.gz and .*shard-1\/records\.jsonl\.gz/
    )
  })

  it.each([
    ['not gzip', () => Buffer.from('{"format":"electorate-records"}\n'), 'not a whole gzip file'],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100), 'not a whole gzip file'],
    [
      'missing a line',
      (bytes: Buffer) => gzipSync(gunzipSync(bytes).toString().split('\n').slice(0, -3).join('\n')),
      'header announces'
    ],
    [
      'of another format version',
      (bytes: Buffer) => gzipSync(gunzipSync(bytes).toString().replace('"version":1', '"version":99')),
      'format version 99'
    ],
    ['not records', () => gzipSync('hello\n'), 'line 1 is not JSON']
  ])('refuses a file %s with exit 2', async (_, damage, message) => {
    const bytes = await readFile(path.join(cwd, recordsOf('shard-1')))
    await writeFile(path.join(cwd, 'damaged.jsonl.gz'), damage(bytes))
    const result = await offline('x', '--from-records', 'damaged.jsonl.gz')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('damaged.jsonl.gz')
    expect(result.stderr).toContain(message)
  })

  it('refuses a records file with an organization or window that does not match the one given', async () => {
    const org = await offline('x', '--from-records', recordsOf('shard-1'), '--organization', 'someone-else')
    expect(org.code).toBe(2)
    expect(org.stderr).toContain(`the records are of ${world.organization.login}`)
    const until = await offline('x', '--from-records', recordsOf('shard-1'), '--until', '2026-01-01')
    expect(until.code).toBe(2)
    expect(until.stderr).toContain("is not the records'")
  })

  it('needs a token to gather, but not to score', async () => {
    const result = await offline('x', '--organization', world.organization.login, '--mode', 'gather')
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('no GitHub token')
    const none = await offline('x', '--mode', 'score')
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no records files')
  })
})

describe('records gathered without emails (for a public artifact)', () => {
  const addresses = () =>
    new Set(
      [
        ...world.users.map(u => u.email),
        ...world.repositories.flatMap(r => r.commits.flatMap(c => c.authors.map(a => a.email)))
      ]
        .filter(e => e !== '')
        .map(e => e.toLowerCase())
    )

  it('hold no address, yet re-score to the same electorate, an emails: map included', async () => {
    const unlinked = world.repositories
      .flatMap(r => r.commits)
      .flatMap(c => c.authors)
      .find(a => a.login === null && a.email.endsWith('.example'))!
    const login = world.users.find(u => u.type === 'User')!.login
    await writeFile(
      path.join(cwd, 'mapped.yml'),
      stringify({ emails: { [unlinked.email.toUpperCase()]: login } })
    )

    // Without the map the address is unlinked, so the map below has something to do.
    await online('hidden-unmapped', '--include-emails', 'false')
    expect(await readFile(path.join(cwd, 'hidden-unmapped', 'unlinked.csv'), 'utf8')).toContain(unlinked.name)

    await online('hidden-online', '--include-emails', 'false', '--config', 'mapped.yml')
    const records = gunzipSync(await readFile(path.join(cwd, recordsOf('hidden-online')))).toString('utf8')
    expect(JSON.parse(records.split('\n')[0]!)).toMatchObject({ emails: 'hidden' })
    expect(records).toContain('sha256:')
    const leaked = [...addresses()].filter(address => records.toLowerCase().includes(address))
    expect(leaked).toEqual([])

    const rescored = await offline(
      'hidden-offline',
      '--from-records',
      recordsOf('hidden-online'),
      '--config',
      'mapped.yml',
      '--include-emails',
      'false'
    )
    expect(rescored.code, rescored.stderr).toBe(0)
    expect(await folder('hidden-offline')).toEqual(await folder('hidden-online'))
    // The hashed address still met its emails: entry: its commits are the mapped person's.
    const unlinkedCsv = await readFile(path.join(cwd, 'hidden-offline', 'unlinked.csv'), 'utf8')
    expect(unlinkedCsv).not.toContain(unlinked.name)

    // And the same people qualify as when the addresses are plain and written.
    await online('plain-online', '--include-emails', 'true', '--config', 'mapped.yml')
    const logins = async (out: string) =>
      (await readFile(path.join(cwd, out, 'electorate.csv'), 'utf8'))
        .split('\r\n')
        .slice(1)
        .map(line => line.split(',')[0])
    expect(await logins('hidden-offline')).toEqual(await logins('plain-online'))
  })

  // Asked for emails, the re-score cannot give them back: the records it writes stay hidden too.
  it.each(['false', 'true'])(
    'hold no address after a re-score with a token, which looks up the profiles the config names (emails %s)',
    async emails => {
      const [primary, alias] = world.users.filter(u => u.type === 'User' && u.email !== '')
      await writeFile(
        path.join(cwd, 'named.yml'),
        stringify({ aliases: { [primary!.login]: [alias!.login] } })
      )
      await online(`hidden-named-source-${emails}`, '--include-emails', 'false')
      const result = await runCli(
        [
          '--graphql-url',
          github.url,
          '--output-dir',
          `hidden-named-${emails}`,
          '--from-records',
          recordsOf(`hidden-named-source-${emails}`),
          '--config',
          'named.yml',
          '--include-emails',
          emails
        ],
        { cwd, env: { GITHUB_TOKEN: TOKEN } }
      )
      expect(result.code, result.stderr).toBe(0)
      const records = gunzipSync(
        await readFile(path.join(cwd, recordsOf(`hidden-named-${emails}`)))
      ).toString('utf8')
      // The profiles looked up are in the records, by login, without their addresses.
      expect(records).toContain(`"login":"${alias!.login}"`)
      const leaked = [...addresses()].filter(address => records.toLowerCase().includes(address))
      expect(leaked).toEqual([])
    }
  )

  it('cannot give back the addresses: asked for emails, the re-score warns and writes no email column', async () => {
    await online('hidden-source', '--include-emails', 'false')
    const result = await offline(
      'hidden-emails',
      '--from-records',
      recordsOf('hidden-source'),
      '--include-emails',
      'true'
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('gathered without emails')
    const header = (await readFile(path.join(cwd, 'hidden-emails', 'electorate.csv'), 'utf8')).split(
      '\r\n'
    )[0]
    expect(header).not.toContain('email')
  })
})
