// Addresses spelt every way a committer can type them, where the outputs carry no emails: none may be
// read off any output file or the records file, gathered online, gathered alone, or re-scored with a token.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { stringify } from 'yaml'
import { generateWorld } from '../../tools/world/generate.js'
import { expectSameFindings, NOW, outputFolder, runElectorate, workspace } from './harness.js'

/** The addresses as typed, and what of each must not be found (lower case). */
const TYPED = [
  { name: 'Upper Case', email: 'Upper.Case@Example.COM', core: 'upper.case@example.com' },
  { name: 'Spaced Out', email: ' spaced.out@example.org ', core: 'spaced.out@example.org' },
  { name: 'Ünï Cödé', email: 'ünï.cödé@exämple.com', core: 'ünï.cödé@exämple.com' },
  { name: 'Pre Fixed', email: 'sha256:pre.fixed@example.net', core: 'pre.fixed@example.net' },
  { name: 'No Address', email: '', core: null },
  // Names are free text: some committers type an address there too.
  { name: 'Named.As@Example.com', email: 'named.elsewhere@example.com', core: 'named.as@example.com' }
]
const SIGNED = [
  { name: 'Upper Case', email: 'UPPER.case@example.com', core: 'upper.case@example.com' },
  { name: 'Else Where', email: 'sha256:else.where@example.io', core: 'else.where@example.io' },
  { name: 'Sign Only', email: 'Sign.Only@Example.Edu', core: 'sign.only@example.edu' },
  { name: 'signer.name@example.com', email: 'signer@example.com', core: 'signer.name@example.com' }
]
const PROFILE = { email: 'Profile.Mail@Example.COM', name: 'Pro File (pro.file@example.com)' }
// The repository's own files travel in the records too, and job names reach ci-jobs.csv.
const FILES = {
  '.github/CODEOWNERS': '* @octocat owner.mail@example.com\n',
  '.github/workflows/typed.yml':
    'name: Typed\non: push\njobs:\n  build:\n    name: Build for job.mail@example.com\n' +
    '    runs-on: ubuntu-latest\n    steps:\n      - run: git config user.email step.mail@example.com\n'
}
const CORES = [...TYPED, ...SIGNED]
  .flatMap(a => (a.core ? [a.core, a.email.trim().toLowerCase()] : []))
  .concat(PROFILE.email.toLowerCase(), 'pro.file@example.com')
  .concat('owner.mail@example.com', 'job.mail@example.com', 'step.mail@example.com')

function typedWorld() {
  const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
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
  repository.files = { ...repository.files, ...FILES }
  const named = world.users.find(u => u.type === 'User')!
  Object.assign(named, PROFILE)
  const config = stringify({
    include: [{ login: named.login, reason: 'named' }],
    emails: { [SIGNED[2]!.email]: named.login }
  })
  return { world, config }
}

/** Every address found in any file of the folder, records inflated. */
async function leaked(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const name of await readdir(dir)) {
    const bytes = await readFile(path.join(dir, name))
    const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').toLowerCase()
    for (const core of CORES) if (text.includes(core)) found.push(`${name}: ${core}`)
  }
  return found
}

/** Every address the run printed: a public repository's workflow log is public too. */
const inLog = (run: { stdout: string; stderr: string }) =>
  CORES.filter(core => (run.stdout + run.stderr).toLowerCase().includes(core)).map(core => `log: ${core}`)

it('addresses typed every way are read off no file of an online run, a gathering alone, or a re-score with a token', async () => {
  const { world, config } = typedWorld()
  const cwd = await workspace()
  const files = { 'config.yml': config }
  const hidden = ['--include-emails', 'false']
  const full = await runElectorate(world, { cwd, files, args: [...hidden, '--config', 'config.yml'] })
  expect(full.code, full.stderr).toBe(0)
  const gathered = await runElectorate(world, {
    cwd,
    args: ['--output-dir', 'gathered', '--mode', 'gather', ...hidden]
  })
  expect(gathered.code, gathered.stderr).toBe(0)
  const found = [
    ...inLog(full),
    ...inLog(gathered),
    ...(await leaked(path.join(cwd, 'electorate'))),
    ...(await leaked(path.join(cwd, 'gathered')))
  ]
  // Re-scored with a token, which looks up the profiles the config names, emails asked for or not.
  for (const emails of ['false', 'true']) {
    const out = `rescored-${emails}`
    const rescored = await runElectorate(world, {
      cwd,
      args: [
        '--output-dir',
        out,
        '--from-records',
        'gathered/records.jsonl.gz',
        '--config',
        'config.yml',
        '--include-emails',
        emails
      ]
    })
    expect(rescored.code, rescored.stderr).toBe(0)
    found.push(...(await leaked(path.join(cwd, out))), ...inLog(rescored))
  }
  expect(found).toEqual([])
})

it('hidden as they are gathered or only when plain records are re-scored, addresses typed every way give the same files', async () => {
  const { world, config } = typedWorld()
  const cwd = await workspace()
  const files = { 'config.yml': config }
  const online = await runElectorate(world, {
    cwd,
    files,
    args: ['--include-emails', 'false', '--config', 'config.yml']
  })
  expect(online.code, online.stderr).toBe(0)
  const plain = await runElectorate(world, {
    cwd,
    args: ['--output-dir', 'plain', '--mode', 'gather', '--include-emails', 'true']
  })
  expect(plain.code, plain.stderr).toBe(0)
  const later = await runElectorate(world, {
    cwd,
    args: [
      '--output-dir',
      'later',
      '--from-records',
      'plain/records.jsonl.gz',
      '--config',
      'config.yml',
      '--include-emails',
      'false'
    ]
  })
  expect(later.code, later.stderr).toBe(0)
  expectSameFindings({ ...later, files: await outputFolder(path.join(cwd, 'later')) }, online)
})
