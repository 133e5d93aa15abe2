import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { removeStaleElectorate, writeOutputs } from '../../src/output/write.js'
import { electorate, meta } from './electorate-fixture.js'

const dirs: string[] = []
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'electorate-output-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

async function readAll(dir: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(dir)).sort()
  return Object.fromEntries(
    await Promise.all(names.map(async name => [name, await readFile(join(dir, name))]))
  )
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
// Every file a run without a previous roll writes, spelled out here rather than taken from src;
// changes.csv comes only with a previous roll (__tests__/output/changes-files.test.ts).
const WITHOUT_PREVIOUS = [
  'contributors.csv',
  'unlinked.csv',
  'evidence.csv',
  'summary.md',
  'voters.yaml',
  'civs-voters.txt',
  'helios-voters.csv',
  'helios-github-voters.csv',
  'report.html',
  'README.txt',
  'report.json',
  'electorate.csv'
] as const

describe('writeOutputs', () => {
  it('writes the twelve files and nothing else', async () => {
    const dir = join(await freshDir(), 'nested', 'electorate')
    const written = await writeOutputs(dir, electorate(), meta(), { includeEmails: true })
    expect((await readdir(dir)).sort()).toEqual([...WITHOUT_PREVIOUS].sort())
    expect(written.electorateCsv).toBe(join(dir, 'electorate.csv'))
    expect(written.summary).toBe(await readFile(join(dir, 'summary.md'), 'utf8'))
  })

  it('writes the same bytes twice, report.json run timing aside', async () => {
    const [first, second] = [await freshDir(), await freshDir()]
    await writeOutputs(
      first,
      electorate(),
      meta({ run: { startedAt: '2024-10-01T00:00:00.000Z', durationMs: 5 } }),
      {
        includeEmails: true
      }
    )
    await writeOutputs(
      second,
      electorate(),
      meta({ run: { startedAt: '2024-10-02T08:00:00.000Z', durationMs: 99 } }),
      {
        includeEmails: true
      }
    )
    const [a, b] = [await readAll(first), await readAll(second)]
    const withoutRun = (bytes: Buffer) => ({ ...JSON.parse(bytes.toString('utf8')), run: undefined })
    expect(withoutRun(a['report.json'])).toEqual(withoutRun(b['report.json']))
    for (const name of WITHOUT_PREVIOUS.filter(name => name !== 'report.json'))
      expect(a[name].equals(b[name])).toBe(true)
  })

  it('records in report.json the sha256 of every other file as written', async () => {
    const dir = await freshDir()
    const written = await writeOutputs(dir, electorate(), meta(), { includeEmails: true })
    const files = await readAll(dir)
    const report = JSON.parse(files['report.json'].toString('utf8'))
    const others = WITHOUT_PREVIOUS.filter(name => name !== 'report.json')
    expect(Object.keys(report.files)).toEqual([...others].sort())
    for (const name of others) {
      expect(report.files[name]).toBe(sha256(files[name]))
      expect(written.files[name].sha256).toBe(sha256(files[name]))
    }
    expect(written.files['report.json'].sha256).toBe(sha256(files['report.json']))
  })

  it('writes report.json with the totals, rules, API use and a trailing newline', async () => {
    const dir = await freshDir()
    await writeOutputs(
      dir,
      electorate({ deletedAccountItems: 2, warnings: ['from resolution'] }),
      meta({
        warnings: ['from gathering'],
        run: { startedAt: '2024-10-01T00:00:00.000Z', durationMs: 1234 }
      }),
      { includeEmails: true }
    )
    const text = await readFile(join(dir, 'report.json'), 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "organization": "kata-containers"')
    const report = JSON.parse(text)
    expect(Object.keys(report)).toEqual([
      'tool',
      'organization',
      'organizations',
      'window',
      'repositories',
      'config',
      'emails_included',
      'totals',
      'rules',
      'api',
      'warnings',
      'files',
      'run'
    ])
    expect(report.window).toEqual({ since: '2023-10-01T00:00:00Z', until: '2024-10-01T00:00:00Z' })
    expect(report.repositories[0]).toMatchObject({
      repository: 'kata-containers/kata-containers',
      counts: { commits: 10, pull_requests: 4, reviews: 9, issues: 3, triage_events: 5, issue_comments: 7 }
    })
    expect(report.config).toMatchObject({ path: '.github/electorate.yml', sha256: 'a'.repeat(64) })
    expect(report.config.effective.criteria).toEqual([
      { commits: 1 },
      { reviews: 5 },
      { triaged: 10 },
      { ci: 1 }
    ])
    expect(report.totals).toEqual({
      people: 4,
      qualified: 2,
      not_qualified: 1,
      excluded: 1,
      unlinked_identities: 1,
      deleted_account_items: 2,
      late_approvals_set_aside: 0,
      deleted_during_run: 0,
      metrics: { commits: 3, merged_prs: 2, reviews: 10, triaged: 0, issue_comments: 2, ci: 0 }
    })
    expect(report.rules[1]).toEqual({ rule: 'reviews>=5', count: 1 })
    expect(report.api).toEqual({
      requests: 12,
      points: 15,
      remaining: 4985,
      reset_at: '2024-10-01T01:00:00Z'
    })
    expect(report.warnings).toEqual(['from gathering', 'from resolution'])
    expect(report.run).toEqual({ started_at: '2024-10-01T00:00:00.000Z', duration_ms: 1234 })
  })

  it('writes no email into any file when emails are not included', async () => {
    const dir = await freshDir()
    await writeOutputs(dir, electorate({ warnings: ['ghost@example.net is linked to no account'] }), meta(), {
      includeEmails: false
    })
    const files = await readAll(dir)
    for (const [name, bytes] of Object.entries(files)) {
      expect(bytes.toString('utf8'), name).not.toMatch(/example\.(org|net)|work\.example|home\.example/)
    }
    expect(files['unlinked.csv'].toString('utf8').split('\r\n')[0]).toBe('email,name,commits,example_url')
    const report = JSON.parse(files['report.json'].toString('utf8'))
    expect(report.emails_included).toBe(false)
    expect(Object.values(report.config.effective.emails)).toEqual(['alice'])
  })

  it('replaces the files of an earlier run', async () => {
    const dir = await freshDir()
    await writeFile(join(dir, 'electorate.csv'), 'login\r\nformer-voter\r\n')
    await writeFile(join(dir, 'electorate.csv.partial'), 'half')
    await writeOutputs(dir, electorate(), meta(), { includeEmails: true })
    expect(await readFile(join(dir, 'electorate.csv'), 'utf8')).not.toContain('former-voter')
    expect(await readdir(dir)).not.toContain('electorate.csv.partial')
  })
})

describe('removeStaleElectorate', () => {
  it("deletes an earlier run's files and leaves others", async () => {
    const dir = await freshDir()
    await writeOutputs(dir, electorate(), meta(), { includeEmails: true })
    await writeFile(join(dir, 'notes.txt'), 'kept')
    await writeFile(join(dir, 'report.json.partial'), 'half')
    await removeStaleElectorate(dir)
    expect(await readdir(dir)).toEqual(['notes.txt'])
  })

  it('is quiet when there is nothing to delete', async () => {
    const dir = await freshDir()
    await expect(removeStaleElectorate(dir)).resolves.toBeUndefined()
    await expect(removeStaleElectorate(join(dir, 'missing'))).resolves.toBeUndefined()
  })
})
