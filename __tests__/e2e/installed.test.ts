// The CLI as a user outside a clone gets it: the package packed, installed into an empty prefix from the
// tarball, and run from there, against the fake GitHub over HTTP.
import { execFile } from 'node:child_process'
import { builtinModules } from 'node:module'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILE_GUIDE } from '../../src/output/readme-txt.js'
import { VERSION } from '../../src/version.js'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import { runProgram } from './run-cli.js'

const root = path.resolve(import.meta.dirname, '../..')
const exec = promisify(execFile)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const TOKEN = 'installed-token'
const BUILT_INS = new Set(builtinModules)
let scratch: string
let prefix: string
let installed: string

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'electorate-installed-'))
  const { stdout } = await exec(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: root })
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }]
  prefix = path.join(scratch, 'prefix')
  // From the tarball and the local cache alone: what the package needs at run time is in it.
  await exec(
    npm,
    ['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(scratch, filename)],
    { cwd: scratch }
  )
  installed = path.join(prefix, 'node_modules', '.bin', 'electorate')
}, 120_000)

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

const electorate = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  runProgram(installed, args, { cwd: scratch, ...options })

describe('the packed CLI, installed outside the clone', () => {
  it('prints its version with --version and -V', async () => {
    for (const flag of ['--version', '-V'])
      expect(await electorate([flag])).toMatchObject({
        code: 0,
        stdout: `${VERSION}\n`
      })
  })

  it('prints its help with --help and -h, naming every file a run may write', async () => {
    const help = await electorate(['--help'])
    expect(help.code).toBe(0)
    for (const name of Object.keys(FILE_GUIDE)) expect(help.stdout).toContain(name)
    expect((await electorate(['-h'])).stdout).toBe(help.stdout)
  })

  it('needs no dependency at run time: the bundle imports Node.js built-ins alone', async () => {
    const bundle = await readFile(path.join(root, 'dist/cli.js'), 'utf8')
    const imported = [...bundle.matchAll(/^import .* from '([^']+)';?$/gm)].map(m => m[1]!)
    expect(imported.length).toBeGreaterThan(0)
    expect(imported.filter(name => !name.startsWith('node:') && !BUILT_INS.has(name))).toEqual([])
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as object
    expect(pkg).not.toHaveProperty('dependencies')
  })

  it('ships dist/cli.js executable', async () => {
    const bundle = path.join(prefix, 'node_modules', 'electorate', 'dist', 'cli.js')
    expect((await stat(bundle)).mode & 0o111).toBe(0o111)
  })

  it('gathers from GitHub and writes the output folder', async () => {
    const world = generateWorld({ scale: 'small', seed: 6, now: '2026-04-07T00:00:00Z' })
    const github = await startFakeGitHub({ world, token: TOKEN })
    try {
      const cwd = await mkdtemp(path.join(scratch, 'run-'))
      const args = ['--organization', world.organization.login, '--graphql-url', github.url]
      const run = await electorate([...args, '--until', '2026-04-07'], { cwd, env: { GITHUB_TOKEN: TOKEN } })
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toMatch(/^\d+ qualified of \d+ contributors/m)
      expect(await readFile(path.join(cwd, 'electorate', 'electorate.csv'), 'utf8')).toMatch(/^login,/)
      expect(await readFile(path.join(cwd, 'electorate', 'README.txt'), 'utf8')).toContain('electorate.csv')
    } finally {
      await github.close()
    }
  })
})

describe('the launcher', () => {
  it('names the Node.js it needs on an older one, in one line, exit 2, before loading the bundle', async () => {
    const older = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'18.19.1'})`
    const launcher = path.join(root, 'bin/electorate.js')
    const run = await runProgram(process.execPath, ['--import', older, launcher, '--version'], {})
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'electorate: needs Node.js 20 or later; this is Node.js 18.19.1\n'
    })
  })

  it("asks for the Node.js that package.json's engines names", async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      engines: { node: string }
      bin: Record<string, string>
    }
    expect(pkg.engines.node).toBe('>=20')
    expect(pkg.bin).toEqual({ electorate: 'bin/electorate.js' })
    expect(await readFile(path.join(root, 'bin/electorate.js'), 'utf8')).toContain(
      'const NEEDED_MAJOR = 20\n'
    )
  })
})
