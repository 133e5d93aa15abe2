import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import { runCli } from './run-cli.js'

const NOW = '2026-04-07T00:00:00Z'
const TOKEN = 'e2e-token'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step()
})

async function workspace() {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'electorate-previous-'))
  cleanup.push(() => rm(cwd, { recursive: true, force: true }))
  return cwd
}

describe('the built CLI with --previous', () => {
  it('compares with an earlier roll, and writes the voting-system files', async () => {
    const world = generateWorld({ scale: 'small', seed: 8, now: NOW })
    const github = await startFakeGitHub({ world, token: TOKEN })
    cleanup.push(() => github.close())
    const cwd = await workspace()
    const args = ['--organization', world.organization.login, '--graphql-url', github.url, '--until', NOW]
    const first = await runCli(args, { cwd, env: { GITHUB_TOKEN: TOKEN } })
    expect(first.code, first.stderr).toBe(0)

    const rollPath = path.join(cwd, 'electorate', 'electorate.csv')
    const roll = parse(await readFile(rollPath), { columns: true }) as Record<string, string>[]
    expect(roll.length).toBeGreaterThan(1)
    // The earlier roll lacked the first person and had someone who is gone now.
    const [joined, ...stayed] = roll
    const earlier = ['login', ...stayed.map(row => row.login), 'someone-gone'].join('\r\n')
    // Beside the output folder: a run never replaces a file it reads (its own roll is refused).
    await writeFile(path.join(cwd, 'earlier.csv'), `${earlier}\r\n`)
    const refused = await runCli([...args, '--previous', 'electorate/electorate.csv'], {
      cwd,
      env: { GITHUB_TOKEN: TOKEN }
    })
    expect(refused.code, refused.stderr).toBe(2)

    const second = await runCli([...args, '--previous', 'earlier.csv'], {
      cwd,
      env: { GITHUB_TOKEN: TOKEN }
    })
    expect(second.code, second.stderr).toBe(0)
    const read = (name: string) => readFile(path.join(cwd, 'electorate', name), 'utf8')
    const changes = parse(await read('changes.csv'), { columns: true }) as Record<string, string>[]
    expect(changes.map(row => [row.login, row.change, row.reason])).toEqual([
      [joined.login, 'added', joined.qualified_by],
      ['someone-gone', 'removed', 'no activity in the window']
    ])
    expect(await read('summary.md')).toContain('## Changes since the previous roll')

    const voters = parseYaml(await read('voters.yaml')) as { eligible_voters: string[] }
    expect(voters.eligible_voters).toEqual(roll.map(row => row.login))
    const civs = (await read('civs-voters.txt')).split('\n').filter(line => line !== '')
    expect(civs).toEqual(roll.map(row => row.email).filter(email => email !== ''))
    const report = JSON.parse(await read('report.json'))
    expect(Object.keys(report.files)).toEqual(
      expect.arrayContaining(['changes.csv', 'voters.yaml', 'civs-voters.txt', 'helios-voters.csv'])
    )
  })

  it('stops with exit code 2 naming a previous file that is missing, before any request', async () => {
    const cwd = await workspace()
    const args = [
      '--organization',
      'org',
      '--graphql-url',
      'http://127.0.0.1:9/graphql',
      '--previous',
      'old.csv'
    ]
    const result = await runCli(args, { cwd, env: { GITHUB_TOKEN: TOKEN } })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`previous: cannot read ${path.join(cwd, 'old.csv')}`)
  })
})
