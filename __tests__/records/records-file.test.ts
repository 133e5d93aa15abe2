import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/options.js'
import { inCanonicalOrder } from '../../src/records-file/order.js'
import { mergeShards } from '../../src/records-file/merge.js'
import { type RecordsShard, readRecordsFile } from '../../src/records-file/read.js'
import { gzipLines, recordsFileLines, writeRecordsFile } from '../../src/records-file/write.js'
import type { Gathered } from '../../src/records.js'
import { author, comment, commit, gathered, pr, review, triage, user } from '../electorate/make.js'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'electorate-records-'))
  dirs.push(dir)
  return dir
}

const scope = (nameWithOwner: string) => ({
  nameWithOwner,
  isArchived: false,
  isFork: false,
  isPrivate: false,
  defaultBranch: 'main',
  counts: { commits: 1, pullRequests: 1, reviews: 1, issues: 1, triageEvents: 2, issueComments: 1 }
})

function sample(): Gathered {
  const ana = user('ana')
  const bo = user('bo')
  return {
    ...gathered(
      [
        triage(7, bo, ana, { event: 'UNLABELED_EVENT' }),
        commit([author('ana'), author(null, 'ghost@example.com', 'Ghost')]),
        review(3, bo, ana, { state: 'COMMENTED', substantive: true }),
        triage(7, bo, ana),
        pr(3, ana, { files: null }),
        comment(7, null, ana)
      ],
      [
        { login: 'bo', name: 'Bo', email: '' },
        { login: 'ana', name: 'Ana Ñandú', email: 'ana@example.com' }
      ]
    ),
    repositories: [scope('org/repo')],
    warnings: ['second warning', 'first warning'],
    stats: { requests: 12, points: 14, remaining: 4986, resetAt: '2024-06-01T13:00:00Z' }
  }
}

const shard = (file: string, data: Gathered, toolVersion = '1.0.0'): RecordsShard => ({
  path: file,
  toolVersion,
  server: null,
  gathered: data
})

describe('the records file', () => {
  it('reads back exactly what was gathered, in canonical order', async () => {
    const dir = await tempDir()
    const ordered = inCanonicalOrder(sample())
    const { path: file } = await writeRecordsFile(dir, ordered)
    const { gathered: read } = await readRecordsFile(file)
    expect(read).toEqual(ordered)
    expect(read.records.map(r => r.kind)).toEqual([
      'commit',
      'issue_comment',
      'pull_request',
      'review',
      'triage',
      'triage'
    ])
  })

  it('keeps the items deleted during the run, and writes no such key when there were none', async () => {
    const dir = await tempDir()
    const deleted = ['pull request org/b#9', 'issue org/a#3']
    const { path: file } = await writeRecordsFile(dir, inCanonicalOrder({ ...sample(), deleted }))
    expect((await readRecordsFile(file)).gathered.deleted).toEqual([...deleted].sort())
    const { path: none } = await writeRecordsFile(await tempDir(), inCanonicalOrder(sample()))
    const header = JSON.parse(
      gunzipSync(await readFile(none))
        .toString()
        .split('\n')[0]!
    ) as object
    expect(header).not.toHaveProperty('deleted')
    expect((await readRecordsFile(none)).gathered).not.toHaveProperty('deleted')
  })

  it('gives the same bytes for the same records in any order, with no time or OS in the gzip header', async () => {
    const base = sample()
    const reversed = [...base.records].reverse()
    // The two inputs really are in different orders before canonicalising.
    const order = (records: Gathered['records']) => records.map(r => `${r.kind} ${r.url}`)
    expect(order(reversed)).not.toEqual(order(base.records))
    const reversedProfiles = Object.fromEntries(Object.entries(base.profiles).reverse())
    expect(Object.keys(reversedProfiles)).not.toEqual(Object.keys(base.profiles))
    const a = inCanonicalOrder(base)
    const b = inCanonicalOrder({ ...base, records: reversed, profiles: reversedProfiles })
    const bytes = await gzipLines(recordsFileLines(a))
    expect(await gzipLines(recordsFileLines(b))).toEqual(bytes)
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0])
    expect(bytes[9]).toBe(3)
  })

  it('gives the bytes of gzip of the whole text, however many pieces it is encoded in', async () => {
    const many = sample()
    many.records = Array.from({ length: 5000 }, (_, i) => commit([author(`person-${i % 97}`)]))
    const lines = [...recordsFileLines(inCanonicalOrder(many))]
    const whole = gzipSync(Buffer.from(lines.join('\n') + '\n'))
    whole[9] = 3
    expect(await gzipLines(lines)).toEqual(whole)
    // Encoded in many pieces, the bytes are the same.
    expect(await gzipLines(lines, 1000)).toEqual(whole)
    expect(gunzipSync(whole).toString().split('\n')).toHaveLength(lines.length + 1)
  })

  it('gives the same bytes for lines of many-byte characters that fill a piece exactly, or outgrow it', async () => {
    const piece = 64
    // Byte lengths (newline included) of piece - 1, piece and piece + 1, a line of 4-byte characters
    // larger than a piece, an empty one: each piece ends where a line does, never inside a character.
    const lines = [
      'é'.repeat(31),
      'a' + 'é'.repeat(31),
      '𝄞'.repeat(16),
      'a'.repeat(piece),
      '',
      '日'.repeat(200),
      JSON.stringify({ name: 'lone \ud800 surrogate 𝄞' }),
      'x'.repeat(piece - 1)
    ]
    expect(lines.slice(0, 4).map(line => Buffer.byteLength(line) + 1)).toEqual([63, 64, 65, 65])
    const whole = gzipSync(Buffer.from(lines.join('\n') + '\n'))
    whole[9] = 3
    for (const size of [1, 2, 3, piece - 1, piece, piece + 1, 1000])
      expect(await gzipLines(lines, size), `pieces of ${size} bytes`).toEqual(whole)
  })

  it.each([
    [
      'the roles of an organization the header does not name',
      {
        organizations: [{ organization: 'other', members: [{ login: 'mallory', role: 'ADMIN' }], teams: [] }]
      },
      "line 1: the roles of other, which is not among the header's organizations (org)"
    ],
    [
      'a team of another organization',
      {
        organizations: [
          { organization: 'org', members: [], teams: [{ slug: 'other/t', members: [], repositories: [] }] }
        ]
      },
      'line 1: the team other/t listed under org'
    ],
    [
      "a team's permission on a repository out of scope",
      {
        organizations: [
          {
            organization: 'org',
            members: [],
            teams: [
              {
                slug: 'org/t',
                members: [],
                repositories: [{ repository: 'org/secret', permission: 'ADMIN' }]
              }
            ]
          }
        ]
      },
      "line 1: the team org/t's permission on org/secret, which the header's scope does not hold"
    ],
    [
      'an outside collaborator who holds no key',
      {
        organizations: [],
        collaborators: [{ repository: 'org/repo', login: 'mallory', permission: 'WRITE' }]
      },
      'line 1: the collaborator mallory of org/repo holds WRITE: only admin and maintain are kept'
    ]
  ])('refuses %s', async (_, access, message) => {
    const dir = await tempDir()
    const data = inCanonicalOrder({ ...sample(), access: { collaborators: [], ...access } })
    const file = path.join(dir, 'roles.jsonl.gz')
    await writeFile(file, gzipSync([...recordsFileLines(data)].join('\n') + '\n'))
    await expect(readRecordsFile(file)).rejects.toThrow(`records file ${file}: ${message}`)
  })

  it('names the file and line of a record outside the scope its header declares', async () => {
    const dir = await tempDir()
    const lines = [...recordsFileLines(inCanonicalOrder(sample()))].map(String)
    lines[2] = lines[2]!.replace('"org/repo"', '"org/elsewhere"')
    const file = path.join(dir, 'odd.jsonl.gz')
    await writeFile(file, gzipSync(lines.join('\n') + '\n'))
    const error = await readRecordsFile(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toBe(
      `records file ${file}: line 3: a record of org/elsewhere, which the header's scope does not hold`
    )
  })

  it('says so when the file is missing', async () => {
    const file = path.join(await tempDir(), 'none.jsonl.gz')
    await expect(readRecordsFile(file)).rejects.toThrow(`records file ${file}: no such file`)
  })

  it('keeps its header readable with standard tools: the first line is plain JSON', async () => {
    const dir = await tempDir()
    const { path: file } = await writeRecordsFile(dir, inCanonicalOrder(sample()))
    const header = JSON.parse(
      gunzipSync(await readFile(file))
        .toString()
        .split('\n')[0]!
    ) as Record<string, unknown>
    expect(header).toMatchObject({
      format: 'electorate-records',
      version: 1,
      organization: 'org',
      window: { since: '2024-01-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
      warnings: ['first warning', 'second warning'],
      lines: { records: 6, profiles: 2 }
    })
  })
})

describe('merging shards', () => {
  const part = (organization: string, repository: string, requests: number): Gathered => ({
    ...sample(),
    organization,
    repositories: [scope(repository)],
    records: sample().records.map(r => ({ ...r, repository })),
    stats: { requests, points: requests * 2, remaining: 100, resetAt: '2024-06-01T13:00:00Z' }
  })

  it('sums the API figures and leaves the remaining points unknown', () => {
    const merged = mergeShards([shard('a', part('org', 'org/a', 3)), shard('b', part('org', 'org/b', 4))])
    expect(merged.stats).toEqual({ requests: 7, points: 14, remaining: null, resetAt: null })
    expect(merged.organization).toBe('org')
    expect(merged.records).toHaveLength(12)
  })

  it('gives the same result whatever order the files come in', () => {
    const a = shard('a', part('org', 'org/a', 3))
    const b = shard('b', part('org', 'org/b', 4))
    expect(mergeShards([b, a])).toEqual(mergeShards([a, b]))
  })

  it('lists the items every shard left out, and none when none did', () => {
    const a = shard('a', { ...part('org', 'org/a', 3), deleted: ['issue org/a#3'] })
    const b = shard('b', part('org', 'org/b', 4))
    expect(mergeShards([a, b]).deleted).toEqual(['issue org/a#3'])
    expect(mergeShards([b])).not.toHaveProperty('deleted')
  })

  describe('with roles (access)', () => {
    const roles = (organization: string, owner: string) => ({
      organizations: [{ organization, members: [{ login: owner, role: 'ADMIN' }], teams: [] }],
      collaborators: []
    })
    it('keeps the roles every shard of an organization agrees on, once', () => {
      const a = shard('a.gz', { ...part('org', 'org/a', 1), access: roles('org', 'ana') })
      const b = shard('b.gz', { ...part('org', 'org/b', 1), access: roles('org', 'ana') })
      expect(mergeShards([a, b]).access).toEqual(roles('org', 'ana'))
    })

    it('refuses two shards that disagree on an organization, naming both files', () => {
      const a = shard('a.gz', { ...part('org', 'org/a', 1), access: roles('org', 'ana') })
      const b = shard('b.gz', { ...part('org', 'org/b', 1), access: roles('org', 'mallory') })
      expect(() => mergeShards([a, b])).toThrow(UsageError)
      expect(() => mergeShards([b, a])).toThrow(/a\.gz and b\.gz disagree on the roles of org/)
    })

    it('refuses a mix of shards with roles and without: access.csv would miss some', () => {
      const a = shard('a.gz', { ...part('org', 'org/a', 1), access: roles('org', 'ana') })
      const b = shard('b.gz', part('other', 'other/b', 1))
      expect(() => mergeShards([a, b])).toThrow(/b\.gz was gathered with access off, a\.gz with access on/)
    })
  })

  it('names several organizations, sorted', () => {
    const merged = mergeShards([
      shard('z', part('zeta', 'zeta/x', 1)),
      shard('a', part('alpha', 'alpha/y', 1))
    ])
    expect(merged.organization).toBe('alpha, zeta')
  })

  it('refuses a repository in two shards, whatever its case', () => {
    expect(() =>
      mergeShards([shard('one.gz', part('org', 'org/Repo', 1)), shard('two.gz', part('org', 'org/repo', 1))])
    ).toThrow(/org\/(R|r)epo is in both (one|two)\.gz and (one|two)\.gz/)
  })

  it('refuses different windows, naming both files and windows', () => {
    const late = { ...part('org', 'org/b', 1), since: '2024-02-01T00:00:00Z' }
    expect(() => mergeShards([shard('one.gz', part('org', 'org/a', 1)), shard('two.gz', late)])).toThrow(
      'records: one.gz covers 2024-01-01T00:00:00Z until 2025-01-01T00:00:00Z but two.gz covers ' +
        '2024-02-01T00:00:00Z until 2025-01-01T00:00:00Z; shards of one election share one window'
    )
  })

  it('refuses shards gathered by different versions', () => {
    expect(() =>
      mergeShards([
        shard('one.gz', part('org', 'org/a', 1)),
        shard('two.gz', part('org', 'org/b', 1), '2.0.0')
      ])
    ).toThrow('records: one.gz was gathered by electorate 1.0.0 but two.gz by 2.0.0')
  })

  it('needs at least one file', () => {
    expect(() => mergeShards([])).toThrow(UsageError)
  })
})
