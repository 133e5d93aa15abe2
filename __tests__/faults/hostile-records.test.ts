// Records files come from other jobs' artifacts: every line is checked, a shard speaks only for its own
// people, a gzip bomb stops at a cap, and no run overwrites the records it reads.
import { once } from 'node:events'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createGzip, gunzipSync, gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { runCli } from '../e2e/run-cli.js'
import { errorLines, NOW, runElectorate, STACK_FRAME } from './harness.js'

const PEAK_MEMORY = fileURLToPath(new URL('./peak-memory.ts', import.meta.url))

type Line = Record<string, unknown> & { kind?: string }

let cwd: string
let header: Line
let records: Line[]
let profiles: Line[]

beforeAll(async () => {
  const run = await runElectorate(generateWorld({ scale: 'small', seed: 2, now: NOW }))
  expect(run.code, run.stderr).toBe(0)
  cwd = run.cwd
  const lines = gunzipSync(run.files.get('records.jsonl.gz')!)
    .toString('utf8')
    .split('\n')
    .filter(line => line !== '')
    .map(line => JSON.parse(line) as Line)
  header = lines[0]!
  records = lines.filter(line => line.kind !== 'profile').slice(1)
  profiles = lines.filter(line => line.kind === 'profile')
})

/** A records file of these lines, the header's line counts made to agree. */
async function recordsFile(name: string, head: Line, body: Line[], extra: Line[] = []): Promise<string> {
  const recordLines = body.filter(line => line.kind !== 'profile')
  const profileLines = body.filter(line => line.kind === 'profile')
  const fixed = { ...head, lines: { records: recordLines.length, profiles: profileLines.length } }
  const text = [fixed, ...recordLines, ...profileLines, ...extra].map(line => JSON.stringify(line)).join('\n')
  await mkdir(path.join(cwd, 'shards'), { recursive: true })
  const file = path.join('shards', name)
  await writeFile(path.join(cwd, file), gzipSync(`${text}\n`))
  return file
}

const rescore = (files: string[], ...args: string[]) =>
  runCli(['--output-dir', 'rescored', ...args, '--from-records', ...files], { cwd })

/** Exit 2 with one error line that says all of `parts`, no stack trace. */
function expectRefused(run: { code: number; stderr: string }, ...parts: (string | RegExp)[]) {
  expect(run.code, run.stderr).toBe(2)
  const [line] = errorLines(run.stderr)
  expect(errorLines(run.stderr), run.stderr).toHaveLength(1)
  for (const part of parts) expect(line).toMatch(part)
  expect(run.stderr).not.toMatch(STACK_FRAME)
}

/** Every login a record names, as its JSON spells it. */
const loginsOf = (record: Line): string[] =>
  (JSON.stringify(record).match(/"login":"[^"]+"/g) ?? []).map(match => match.slice(9, -1))

describe('a shard', () => {
  it('cannot bring the profile of a login that its own records do not name', async () => {
    const victim = profiles[0]!
    const evil = await recordsFile('evil.jsonl.gz', { ...header, repositories: [], files: [] }, [
      { ...victim, email: 'attacker@evil.example' }
    ])
    const run = await rescore([evil, 'electorate/records.jsonl.gz'])
    expectRefused(run, 'evil.jsonl.gz', `profile of ${String(victim.login)}`)
  })

  it('that disagrees with another on a profile fails the run naming both files', async () => {
    const [one, ...rest] = header.repositories as { nameWithOwner: string }[]
    const inOne = records.filter(r => r.repository === one!.nameWithOwner)
    const shared = profiles.find(profile => inOne.some(r => loginsOf(r).includes(profile.login as string)))!
    const shard = async (name: string, scope: { nameWithOwner: string }[], email?: string) => {
      const names = new Set(scope.map(r => r.nameWithOwner))
      const own = records.filter(r => names.has(r.repository as string))
      if (email !== undefined) {
        // The shared login also commented in the second shard's repository.
        const comment = inOne.find(r => r.kind === 'issue_comment')!
        const there = scope[0]!.nameWithOwner
        own.push({
          ...comment,
          repository: there,
          url: String(comment.url).replace(`/${one!.nameWithOwner}/`, `/${there}/`),
          author: { login: shared.login, type: 'User' }
        })
      }
      const logins = new Set(own.flatMap(loginsOf))
      const ownProfiles = profiles
        .filter(p => logins.has(p.login as string))
        .map(p => (p.login === shared.login && email ? { ...p, email } : p))
      const files = (header.files as { repository: string }[]).filter(f => names.has(f.repository))
      return recordsFile(name, { ...header, repositories: scope, files }, [...own, ...ownProfiles])
    }
    const a = await shard('a.jsonl.gz', [one!])
    const b = await shard('b.jsonl.gz', rest, 'other@evil.example')
    const run = await rescore([a, b])
    expectRefused(run, 'a.jsonl.gz', 'b.jsonl.gz', String(shared.login))
  })
})

/** A change to one record line (or the header, at index -1), and what the message must name. */
type Mutation = [what: string, index: (lines: Line[]) => number, change: (line: Line) => Line, says: RegExp]
const kindIndex = (kind: string) => (lines: Line[]) => lines.findIndex(line => line.kind === kind)
const HEADER = () => -1

const mutations: Mutation[] = [
  ['approvalsBefore null', kindIndex('review'), l => ({ ...l, approvalsBefore: null }), /approvalsBefore/],
  ['files a string', kindIndex('pull_request'), l => ({ ...l, files: 'x' }), /files/],
  ['an instant that does not parse', kindIndex('issue_comment'), l => ({ ...l, at: 'not a date' }), /\bat\b/],
  [
    'a formula for a login',
    kindIndex('pull_request'),
    l => ({ ...l, author: { login: '=HYPERLINK("https://evil.example")', type: 'User' } }),
    /author\.login/
  ],
  [
    'a URL on another server',
    kindIndex('triage'),
    l => ({ ...l, url: String(l.url).replace('https://github.com/', 'https://evil.example/') }),
    /url/
  ],
  ['a missing field', kindIndex('commit'), ({ oid: _, ...l }) => l, /oid/],
  ['an unknown kind', kindIndex('commit'), l => ({ ...l, kind: 'vote' }), /kind/],
  [
    'a window that ends before it starts',
    HEADER,
    l => ({ ...l, window: { since: NOW, until: '2025-04-07T00:00:00Z' } }),
    /since .* before until/
  ],
  ['a header organization that is no login', HEADER, l => ({ ...l, organization: 'a_b' }), /organization/]
]

describe('every records line is checked against the full schema', () => {
  it.each(mutations)('exit 2 naming file, line and field: %s', async (what, index, change, says) => {
    const at = index(records)
    const head = at === -1 ? change(header) : header
    const body = records.map((line, i) => (i === at ? change(line) : line))
    const file = await recordsFile(`${what.replace(/\W+/g, '-')}.jsonl.gz`, head, [...body, ...profiles])
    const run = await rescore([file])
    expectRefused(run, file.split('/')[1]!, `line ${at + 2}`, says)
  })
})

/** Gzip of the header and then `chunks` copies of `chunk`, streamed: the whole text never exists here. */
async function bomb(name: string, head: Line, chunk: string, chunks: number): Promise<string> {
  const gzip = createGzip({ level: 9 })
  const parts: Buffer[] = []
  gzip.on('data', (part: Buffer) => parts.push(part))
  gzip.write(`${JSON.stringify(head)}\n`)
  const bytes = Buffer.from(chunk)
  for (let i = 0; i < chunks; i++) if (!gzip.write(bytes)) await once(gzip, 'drain')
  gzip.end()
  await once(gzip, 'end')
  const file = path.join('shards', name)
  await writeFile(path.join(cwd, file), Buffer.concat(parts))
  return file
}

/** The CLI with its peak memory measured: the figure comes off stderr. */
async function measured(files: string[], ...args: string[]) {
  const started = Date.now()
  const run = await runCli(['--output-dir', 'rescored', ...args, '--from-records', ...files], {
    cwd,
    env: { NODE_OPTIONS: `--import ${PEAK_MEMORY}` }
  })
  const peak = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1]) / 1024
  return {
    ...run,
    stderr: run.stderr.replace(/\npeak-rss-kib \d+\n/, ''),
    seconds: (Date.now() - started) / 1000,
    peakMiB: peak
  }
}

describe('a gzip bomb', () => {
  it('of one endless line stops at the line-length cap, in seconds and bounded memory', async () => {
    const head = { ...header, lines: { records: 1, profiles: 0 } }
    const file = await bomb('long-line.jsonl.gz', head, ' '.repeat(1 << 20), 768)
    const run = await measured([file])
    expectRefused(run, 'long-line.jsonl.gz', 'line 2', /line-length cap/, /records-caps/)
    expect(run.seconds).toBeLessThan(10)
    expect(run.peakMiB).toBeLessThan(400)
  })

  it('of millions of records stops at the record cap before reading them', async () => {
    const line = `${JSON.stringify(records.find(r => r.kind === 'issue_comment'))}\n`
    const head = { ...header, lines: { records: 8_000_000, profiles: 0 } }
    const file = await bomb('many-records.jsonl.gz', head, line.repeat(1000), 8_000)
    const run = await measured([file])
    expectRefused(run, 'many-records.jsonl.gz', /record cap/, /records-caps/)
    expect(run.seconds).toBeLessThan(10)
    expect(run.peakMiB).toBeLessThan(400)
  })

  it('hiding millions of lines behind a header that announces a few stops at the first extra line', async () => {
    const line = `${JSON.stringify(records.find(r => r.kind === 'issue_comment'))}\n`
    const head = { ...header, lines: { records: 1, profiles: 0 } }
    const file = await bomb('hidden-records.jsonl.gz', head, line.repeat(1000), 8_000)
    const run = await measured([file])
    expectRefused(run, 'hidden-records.jsonl.gz', 'line 3', /announces/)
    expect(run.seconds).toBeLessThan(10)
    expect(run.peakMiB).toBeLessThan(400)
  })

  it('stops at the inflated-size cap, which can be adjusted', async () => {
    const file = await recordsFile('big.jsonl.gz', header, [...records, ...profiles])
    const inflated = gunzipSync(await readFile(path.join(cwd, file))).length
    const refused = await rescore([file], '--records-caps', `inflated=${inflated - 1}`)
    expectRefused(refused, 'big.jsonl.gz', /inflated-size cap/, /records-caps/)
    const taken = await rescore([file], '--records-caps', `inflated=${inflated}`)
    expect(taken.code, taken.stderr).toBe(0)
  })
})

describe('a run never overwrites a records file it reads', () => {
  it('re-scoring into the folder that holds the records is a usage error, the records untouched', async () => {
    const before = await readFile(path.join(cwd, 'electorate/records.jsonl.gz'))
    const run = await runCli(
      [
        '--from-records',
        'electorate/records.jsonl.gz',
        '--output-dir',
        'electorate',
        '--include-emails',
        'false'
      ],
      { cwd }
    )
    expectRefused(run, /records\.jsonl\.gz/, /output/)
    expect(await readFile(path.join(cwd, 'electorate/records.jsonl.gz'))).toEqual(before)
  })
})
