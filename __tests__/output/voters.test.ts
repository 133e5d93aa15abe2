import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { civsVoters, heliosGithubVoters, heliosVoters, votersYaml } from '../../src/output/voters.js'
import { writeOutputs } from '../../src/output/write.js'
import { electorate, meta, person } from './electorate-fixture.js'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'electorate-voters-'))
  dirs.push(dir)
  return dir
}

// Logins a YAML reader would take for something else when left bare (GitHub allows each of them).
const TRICKY = ['no', 'Yes', 'on', 'y', 'NULL', '1e5', '0x1F', '012', 'true', '-dash']

describe('votersYaml', () => {
  it('lists exactly the qualified logins, spelled as GitHub does, in the order of electorate.csv', () => {
    const doc = parse(votersYaml(electorate().people, meta())) as { eligible_voters: unknown[] }
    expect(doc).toEqual({ eligible_voters: ['alice', 'Bob'] })
  })

  it('keeps every login a string, also those YAML would read as booleans, numbers or null', () => {
    const people = TRICKY.map(login => person(login))
    const text = votersYaml(people, meta())
    expect(parse(text)).toEqual({ eligible_voters: TRICKY })
    // YAML 1.1 readers (PyYAML, which Elekto uses) read bare yes/no/on/y as booleans: every login is quoted.
    expect(parse(text, { version: '1.1' })).toEqual({ eligible_voters: TRICKY })
    expect(text).toContain('  - "no"\n')
  })

  it('says where the roll came from in a comment, and writes an empty list when nobody qualified', () => {
    const text = votersYaml([person('carol', { status: 'not-qualified' })], meta())
    expect(text).toMatch(/^# Eligible voters of kata-containers: 0 qualified people/)
    expect(text).toContain('2023-10-01T00:00:00Z until 2024-10-01T00:00:00Z')
    expect(parse(text)).toEqual({ eligible_voters: [] })
  })
})

describe('civsVoters and heliosVoters', () => {
  const people = [
    person('alice', { name: 'Alice, "Al" Liddell' }),
    person('Bob', { email: '' }),
    person('carol', { status: 'not-qualified' }),
    person('dora', { name: '  ' })
  ]

  it('lists one address a line, of qualified people who have one', () => {
    expect(civsVoters(people)).toBe('alice@example.org\ndora@example.org\n')
  })

  it('writes the Helios bulk-upload lines: password, login, email, name', () => {
    const rows = parseCsv(heliosVoters(people)) as string[][]
    expect(rows).toEqual([
      ['password', 'alice', 'alice@example.org', 'Alice, "Al" Liddell'],
      ['password', 'dora', 'dora@example.org', 'dora']
    ])
  })

  it('writes names without control or format characters (NUL, ESC, DEL, C1, bidi overrides)', () => {
    const hostile = [
      person('eve', { name: 'Eve\u0000 \u001b[31mRed\u007f\u0085\u009b \u202eevil\u200b' }),
      person('zed', { name: '\u0000\u202e' })
    ]
    const rows = parseCsv(heliosVoters(hostile)) as string[][]
    expect(rows).toEqual([
      ['password', 'eve', 'eve@example.org', 'Eve [31mRed evil'],
      ['password', 'zed', 'zed@example.org', 'zed']
    ])
  })
})

describe('writeOutputs: the voting-system files', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

  it('writes voters.yaml always, the address lists only with emails, each hashed in report.json', async () => {
    const withEmails = await freshDir()
    await writeOutputs(withEmails, electorate(), meta(), { includeEmails: true })
    const report = JSON.parse(await readFile(join(withEmails, 'report.json'), 'utf8'))
    for (const name of ['voters.yaml', 'civs-voters.txt', 'helios-voters.csv'])
      expect(report.files[name]).toBe(sha256(await readFile(join(withEmails, name), 'utf8')))
    // Bob, qualified, has no email in the fixture.
    expect(await readFile(join(withEmails, 'civs-voters.txt'), 'utf8')).toBe('alice@example.org\n')

    const withoutEmails = await freshDir()
    await writeOutputs(withoutEmails, electorate(), meta(), { includeEmails: false })
    const names = await readdir(withoutEmails)
    expect(names).toContain('voters.yaml')
    expect(names).not.toContain('civs-voters.txt')
    expect(names).not.toContain('helios-voters.csv')
    const hashed = JSON.parse(await readFile(join(withoutEmails, 'report.json'), 'utf8')).files
    expect(Object.keys(hashed)).not.toContain('civs-voters.txt')
  })
})

describe('heliosGithubVoters', () => {
  it('lists every qualified login as a GitHub voter, emails or not, as Helios reads the file', () => {
    const people = [
      person('alice'),
      person('Bob', { email: '' }),
      person('carol', { status: 'not-qualified', qualifiedBy: '' })
    ]
    const text = heliosGithubVoters(people)
    expect(text).toBe('github,alice\ngithub,Bob\n')
    // Helios turns every CR into LF before reading the CSV; fields are voter type, then voter id.
    const rows = parseCsv(text.replaceAll('\r', '\n')) as string[][]
    expect(rows).toEqual([
      ['github', 'alice'],
      ['github', 'Bob']
    ])
  })
})
