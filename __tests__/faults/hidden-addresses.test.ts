// Addresses spelt every way a committer can type them, where the outputs carry no emails: none may be
// read off any output file or the records file, gathered online, gathered alone, or re-scored with a token.
import { gunzipSync } from 'node:zlib'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { runCli } from '../e2e/run-cli.js'
import { NOW, TOKEN, WINDOW, workspace } from './harness.js'

/** The addresses as typed, and what of each must not be found (lower case). */
const TYPED = [
  { name: 'Upper Case', email: 'Upper.Case@Example.COM', core: 'upper.case@example.com' },
  { name: 'Spaced Out', email: ' spaced.out@example.org ', core: 'spaced.out@example.org' },
  { name: 'Ünï Cödé', email: 'ünï.cödé@exämple.com', core: 'ünï.cödé@exämple.com' },
  { name: 'Pre Fixed', email: 'sha256:pre.fixed@example.net', core: 'pre.fixed@example.net' },
  { name: 'No Address', email: '', core: null }
]
const SIGNED = [
  { name: 'Upper Case', email: 'UPPER.case@example.com', core: 'upper.case@example.com' },
  { name: 'Else Where', email: 'sha256:else.where@example.io', core: 'else.where@example.io' },
  { name: 'Sign Only', email: 'Sign.Only@Example.Edu', core: 'sign.only@example.edu' }
]
const PROFILE = 'Profile.Mail@Example.COM'

let world: World
let github: Awaited<ReturnType<typeof startFakeGitHub>>
let cwd: string

beforeAll(async () => {
  world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  const repository = world.repositories.find(
    r => !r.isArchived && !r.isFork && !r.isPrivate && r.defaultBranch
  )!
  const [first, ...rest] = TYPED
  repository.commits.unshift({
    oid: 'feedfacefeedfacefeedfacefeedfacefeedface',
    committedDate: '2026-01-15T12:00:00Z',
    authoredDate: '2026-01-15T12:00:00Z',
    message: [
      'Addresses typed every way',
      '',
      ...rest.map(a => `Co-authored-by: ${a.name} <${a.email}>`),
      ...SIGNED.map(s => `Signed-off-by: ${s.name} <${s.email}>`)
    ].join('\n'),
    parents: 1,
    authors: [first!, ...rest].map(({ name, email }) => ({ name, email, login: null }))
  })
  const named = world.users.find(u => u.type === 'User')!
  named.email = PROFILE
  github = await startFakeGitHub({ world, token: TOKEN })
  cwd = await workspace()
  await writeFile(
    path.join(cwd, 'config.yml'),
    stringify({
      include: [{ login: named.login, reason: 'named' }],
      emails: { [SIGNED[2]!.email]: named.login }
    })
  )
})

afterAll(async () => {
  await github?.close()
})

const cores = () => [...TYPED, ...SIGNED].flatMap(a => (a.core ? [a.core] : [])).concat(PROFILE.toLowerCase())

/** Every address found in any file of the folder, records inflated. */
async function leaked(out: string): Promise<string[]> {
  const found: string[] = []
  for (const name of await readdir(path.join(cwd, out))) {
    const bytes = await readFile(path.join(cwd, out, name))
    const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').toLowerCase()
    for (const core of cores()) if (text.includes(core)) found.push(`${name}: ${core}`)
  }
  return found
}

const online = (out: string, ...args: string[]) =>
  runCli(
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

describe('addresses typed every way, where the outputs carry no emails', () => {
  it('are read off no file of an online run, nor of a gathering alone', async () => {
    const full = await online('full', '--include-emails', 'false', '--config', 'config.yml')
    expect(full.code, full.stderr).toBe(0)
    const gathered = await online('gathered', '--mode', 'gather', '--include-emails', 'false')
    expect(gathered.code, gathered.stderr).toBe(0)
    expect([...(await leaked('full')), ...(await leaked('gathered'))]).toEqual([])
    expect(full.stdout + full.stderr).not.toContain('pre.fixed@example.net')
  })

  it.each(['false', 'true'])(
    'are read off no file of a re-score with a token that looks up the profiles the config names (emails %s)',
    async emails => {
      const gathered = await online(`source-${emails}`, '--mode', 'gather', '--include-emails', 'false')
      expect(gathered.code, gathered.stderr).toBe(0)
      const result = await runCli(
        [
          '--graphql-url',
          github.url,
          '--output-dir',
          `rescored-${emails}`,
          '--from-records',
          `source-${emails}/records.jsonl.gz`,
          '--config',
          'config.yml',
          '--include-emails',
          emails
        ],
        { cwd, env: { GITHUB_TOKEN: TOKEN } }
      )
      expect(result.code, result.stderr).toBe(0)
      expect(await leaked(`rescored-${emails}`)).toEqual([])
    }
  )
})
