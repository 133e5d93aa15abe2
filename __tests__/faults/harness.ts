import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { afterAll, expect } from 'vitest'
import type { FaultPlan } from '../../tools/fake-github/faults.js'
import type { RateLimitOptions } from '../../tools/fake-github/rate-limit.js'
import { startFakeGitHub, type RequestLogEntry } from '../../tools/fake-github/server.js'
import type { World } from '../../tools/world/types.js'
import { type CliResult, runCli } from '../e2e/run-cli.js'

export const NOW = '2026-04-07T00:00:00Z'
export const WINDOW = ['--since', '2025-04-07', '--until', '2026-04-07']
/** Distinctive enough that finding it anywhere can only mean it leaked. */
export const TOKEN = 'ghp_FaultSuite7Qx9LmZ2vKp4Rt8Wn3Yb6Hc1Jd5'

const QUICK_CLOCK = fileURLToPath(new URL('./quick-clock.ts', import.meta.url))

const folders: string[] = []
afterAll(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

/** A fresh folder to run the CLI in, removed after the file's tests. */
export async function workspace(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'electorate-faults-'))
  folders.push(folder)
  return folder
}

export interface ElectorateRun extends CliResult {
  cwd: string
  /** Every file of the output folder by name (empty when the folder does not exist). */
  files: Map<string, Buffer>
  /** The fake GitHub's log of the requests it was sent. */
  requests: RequestLogEntry[]
}

export interface RunOptions {
  faults?: FaultPlan
  rateLimit?: RateLimitOptions
  /** Flags after the organization, the fake's URL and the window. */
  args?: string[]
  /** Run in this folder (to see what a run leaves of an earlier one); default a fresh one. */
  cwd?: string
  /** Files to write into the folder first (a config file), by path relative to it. */
  files?: Record<string, string>
  /** The CLI's environment; default GITHUB_TOKEN=TOKEN. */
  env?: Record<string, string>
  /** The token the fake accepts; default TOKEN. */
  serverToken?: string
  /**
   * Runs the CLI with its timers shortened (see quick-clock.ts), for a test that must exhaust the
   * client's retry budget, about a minute of backoff, and is about what happens then, not when.
   */
  quickClock?: boolean
  /** Kills the CLI after this long (code -1), for a test of something that could hang. */
  killAfterMs?: number
}

/** The built CLI against a fake GitHub serving `world` over real HTTP. */
export async function runElectorate(world: World, options: RunOptions = {}): Promise<ElectorateRun> {
  const github = await startFakeGitHub({
    world,
    token: options.serverToken ?? TOKEN,
    faults: options.faults,
    rateLimit: options.rateLimit
  })
  try {
    const cwd = options.cwd ?? (await workspace())
    for (const [name, text] of Object.entries(options.files ?? {}))
      await writeFile(path.join(cwd, name), text)
    const args = ['--organization', world.organization.login, '--graphql-url', github.url, ...WINDOW]
    const env = {
      ...(options.env ?? { GITHUB_TOKEN: TOKEN }),
      ...(options.quickClock ? { NODE_OPTIONS: `--import ${QUICK_CLOCK}` } : {})
    }
    const result = await runCli([...args, ...(options.args ?? [])], {
      cwd,
      env,
      killAfterMs: options.killAfterMs
    })
    const run = {
      ...result,
      cwd,
      files: await outputFolder(path.join(cwd, 'electorate')),
      requests: github.log
    }
    expectNoSecret(run, TOKEN)
    return run
  } finally {
    await github.close()
  }
}

/** Clean runs of each world, side by side, each of which must succeed: what runs under faults are held to. */
export async function cleanRuns(...worlds: World[]): Promise<ElectorateRun[]> {
  const runs = await Promise.all(worlds.map(world => runElectorate(world)))
  for (const run of runs) expect(run.code, run.stderr).toBe(0)
  return runs
}

/** Every file of a folder, by name. */
export async function outputFolder(dir: string): Promise<Map<string, Buffer>> {
  const names = await readdir(dir).catch(() => [])
  const files = new Map<string, Buffer>()
  for (const name of names.sort()) files.set(name, await readFile(path.join(dir, name)))
  return files
}

/** The secret is in no stream and no output file, whole or as any line of its own. */
export function expectNoSecret(run: Pick<ElectorateRun, 'stdout' | 'stderr' | 'files'>, secret: string) {
  expect(run.stdout).not.toContain(secret)
  expect(run.stderr).not.toContain(secret)
  for (const [name, bytes] of run.files) expect(bytes.toString('utf8'), name).not.toContain(secret)
}

// Four files also say how the run went, beside what it found: the API requests and points (which
// retries and smaller pages change), the rate limit left, the timing. What they found must be the same.
const HOW_IT_WENT = new Map<string, (bytes: Buffer) => unknown>([
  ['report.json', reportFindings],
  [
    'summary.md',
    bytes => bytes.toString('utf8').replace(/## GitHub API\n\n[^\n]*\n/, '## GitHub API\n\n…\n')
  ],
  ['report.html', htmlFindings],
  ['records.jsonl.gz', recordsFindings]
])

function reportFindings(bytes: Buffer): unknown {
  const {
    run: _run,
    api: _api,
    files,
    ...rest
  } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
  const hashes = Object.entries(files as Record<string, string>).filter(([name]) => !HOW_IT_WENT.has(name))
  return { ...rest, files: Object.fromEntries(hashes) }
}

function htmlFindings(bytes: Buffer): string {
  return bytes
    .toString('utf8')
    .replace(/(<dt>API requests \(points\)<\/dt><dd>)[^<]*/, '$1…')
    .replace(/<tr><td>([^<]+)<\/td><td><code>[0-9a-f]{64}<\/code>/g, (row, name: string) =>
      HOW_IT_WENT.has(name) ? `<tr><td>${name}</td><td><code>…</code>` : row
    )
}

/** The records file's first line describes the gathering, API use included; the records follow. */
function recordsFindings(bytes: Buffer): unknown {
  const [header, ...records] = gunzipSync(bytes).toString('utf8').split('\n')
  const { stats: _stats, ...rest } = JSON.parse(header) as Record<string, unknown>
  return [rest, ...records]
}

/** The output folder of a run under faults says exactly what the clean run's says: every other file byte for byte. */
export function expectSameFindings(got: ElectorateRun, clean: ElectorateRun) {
  expect([...got.files.keys()]).toEqual([...clean.files.keys()])
  const differ = [...clean.files].filter(([name, bytes]) => {
    const other = got.files.get(name)!
    const findings = HOW_IT_WENT.get(name)
    return findings ? !isDeepStrictEqual(findings(other), findings(bytes)) : !other.equals(bytes)
  })
  expect(differ.map(([name]) => name)).toEqual([])
}

/** The error line of a failed run: the one that starts with `electorate:`. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter(line => line.startsWith('electorate:'))
}

/** A stack trace's frames, as Node prints them. */
export const STACK_FRAME = /^\s+at .+/m

/** A usage mistake said as one: exit 2, this one error line, no stack trace, no roll. */
export function expectUsageError(run: ElectorateRun, line: string) {
  expect(run.code, run.stderr).toBe(2)
  expect(errorLines(run.stderr)).toEqual([`electorate: ${line}`])
  expect(run.stderr).not.toMatch(STACK_FRAME)
  expect(run.files.has('electorate.csv')).toBe(false)
}
