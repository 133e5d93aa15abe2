import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { errorLines, NOW, runElectorate, STACK_FRAME, workspace } from './harness.js'

const world = generateWorld({ scale: 'small', seed: 2, now: NOW })

/** A case: flags after the valid ones (a later flag wins), a config file if any, what the message says. */
type Case = [what: string, args: string[], message: RegExp, config?: string]

const CONFIG = ['--config', 'electorate.yml']

const cases: Case[] = [
  ['a month that does not exist', ['--since', '2026-13-01'], /^electorate: since: .*got "2026-13-01"$/],
  ['a day that does not exist', ['--since', '2026-02-30'], /^electorate: since: .*got "2026-02-30"$/],
  ['a leap day of a common year', ['--since', '2025-02-29'], /^electorate: since: .*got "2025-02-29"$/],
  ['a word for a date', ['--since', 'yesterday'], /^electorate: since: .*got "yesterday"$/],
  [
    'a time without offset',
    ['--since', '2026-04-07T10:00'],
    /^electorate: since: .*with offset.*got "2026-04-07T10:00"$/
  ],
  [
    'an hour that does not exist',
    ['--until', '2026-04-07T25:00Z'],
    /^electorate: until: .*got "2026-04-07T25:00Z"$/
  ],
  ['a day written the other way', ['--until', '07/04/2026'], /^electorate: until: .*got "07\/04\/2026"$/],
  [
    'since equal to until',
    ['--since', '2026-04-07'],
    /^electorate: since \(2026-04-07T00:00:00Z\) must be before until/
  ],
  [
    'since after until',
    ['--since', '2026-05-01'],
    /^electorate: since \(2026-05-01T00:00:00Z\) must be before until/
  ],
  [
    'a window over 10 years',
    ['--since', '2016-04-06'],
    /^electorate: the window from 2016-04-06T00:00:00Z .* is longer than 10 years$/
  ],
  ['zero months', ['--months', '0'], /^electorate: months: expected a whole number from 1 to 120, got "0"$/],
  ['a fraction of months', ['--months', '1.5'], /^electorate: months: .*got "1.5"$/],
  ['months in words', ['--months', 'twelve'], /^electorate: months: .*got "twelve"$/],
  ['too many months', ['--months', '121'], /^electorate: months: .*got "121"$/],
  ['an unknown flag', ['--organisation', 'demo-org'], /^electorate: Unknown option '--organisation'$/],
  ['a flag without its value', ['--since'], /^electorate: Option '--since <value>' argument missing$/],
  ['a stray argument', ['demo-org'], /^electorate: unexpected argument "demo-org"/i],
  [
    'a concurrency out of range',
    ['--concurrency', '21'],
    /^electorate: concurrency: .*from 1 to 20, got "21"$/
  ],
  ['a negative wait bound', ['--rate-limit-wait=-1'], /^electorate: rate-limit-wait: .*got "-1"$/],
  [
    'an include-emails that is no choice',
    ['--include-emails', 'yes'],
    /^electorate: include-emails: .*got "yes"$/
  ],
  [
    'a GraphQL URL that is not http',
    ['--graphql-url', 'ftp://example.com/graphql'],
    /^electorate: graphql-url: /
  ],
  [
    'a repository name with two slashes',
    ['--repositories', 'a/b/c'],
    /^electorate: repositories: "a\/b\/c" is not/
  ],
  [
    'an organization that is no login',
    ['--organization', 'demo_org!'],
    /^electorate: organization: "demo_org!" is not/
  ],
  [
    'a config file that is missing',
    ['--config', 'nowhere.yml'],
    /^electorate: config file not found: .*nowhere\.yml$/
  ],
  [
    'an unknown config key',
    CONFIG,
    /^ {2}.*electorate\.yml:1: monhts: unknown key 'monhts' \(did you mean 'months'\?\)$/,
    'monhts: 6\n'
  ],
  [
    'a config value of the wrong type',
    CONFIG,
    /^ {2}.*electorate\.yml:1: months: .*got "six"$/,
    'months: six\n'
  ],
  [
    'a bad repository glob',
    CONFIG,
    /electorate\.yml:2: repositories\.exclude\[0\]: bad glob "\[abc"/,
    "repositories:\n  exclude: ['[abc']\n"
  ],
  [
    'a bad ci glob',
    CONFIG,
    /electorate\.yml:2: ci\.paths\[0\]: bad glob "\{a,b"/,
    "ci:\n  paths: ['{a,b']\n"
  ],
  [
    'an unknown metric',
    CONFIG,
    /electorate\.yml:2: criteria\[0\]\.commitz: unknown metric 'commitz'/,
    'criteria:\n  - { commitz: 1 }\n'
  ],
  [
    'an alias of two people',
    CONFIG,
    /electorate\.yml:3: aliases\.carol\[0\]: 'bob' is already an alias of 'alice'/,
    'aliases:\n  alice: [bob]\n  carol: [bob]\n'
  ],
  [
    'an email mapped twice',
    CONFIG,
    /electorate\.yml:3: emails\["A@B\.C"\]: .*already mapped/,
    'emails:\n  a@b.c: alice\n  A@B.C: bob\n'
  ],
  [
    'a login both included and excluded',
    CONFIG,
    /electorate\.yml:2: include\[0\]\.login: 'alice' is both included and excluded \(exclude\.logins\[0\]\)/,
    'include:\n  - login: alice\n    reason: x\nexclude:\n  logins: [Alice]\n'
  ],
  [
    'an included login an exclude pattern matches',
    CONFIG,
    /include\[0\]\.login: 'alicebot' is both included and excluded \(exclude\.patterns\[0\]: '\*bot'\)/,
    "include:\n  - login: alicebot\n    reason: x\nexclude:\n  patterns: ['*bot']\n"
  ]
]

// Bad input is refused before anything is asked of GitHub or written, with a message naming it.
describe('bad input', () => {
  it.each(cases)('is refused, exit 2: %s', async (_, args, message, config) => {
    const run = await runElectorate(world, { args, files: config ? { 'electorate.yml': config } : {} })
    expect(run.code, run.stderr).toBe(2)
    const lines = run.stderr.split('\n')
    expect(
      lines.some(line => message.test(line)),
      run.stderr
    ).toBe(true)
    expect(run.stderr).not.toMatch(STACK_FRAME)
    expect(errorLines(run.stderr)).toHaveLength(1)
    expect(run.requests).toEqual([])
    expect(run.files.size).toBe(0)
  })
})

// A CLI user may write where they like: the run replaces only the file names it writes.
describe('the CLI output folder', () => {
  it('may lie outside the working folder, and beside files of the user that stay', async () => {
    const elsewhere = await workspace()
    await writeFile(path.join(elsewhere, 'notes.txt'), 'mine')
    const run = await runElectorate(world, { args: ['--output-dir', elsewhere] })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe(elsewhere)
    expect(await readFile(path.join(elsewhere, 'electorate.csv'), 'utf8')).toMatch(/^login,/)
    expect(await readFile(path.join(elsewhere, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('is refused at once when it is a file: exit 2, before any request', async () => {
    const folder = await workspace()
    const file = path.join(folder, 'afile')
    await writeFile(file, 'mine')
    const run = await runElectorate(world, { args: ['--output-dir', file] })
    expect(run.code, run.stderr).toBe(2)
    expect(errorLines(run.stderr)).toEqual([
      expect.stringMatching(/output-dir: ".*afile" is a file, not a folder/)
    ])
    expect(run.requests).toEqual([])
    expect(await readFile(file, 'utf8')).toBe('mine')
  })
})
