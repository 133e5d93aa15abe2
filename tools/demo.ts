// `npm run demo`: the CLI against the fake GitHub serving a generated Kata-sized world.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startFakeGitHub } from './fake-github/server.js'
import { edgeWindow, generateWorld } from './world/generate.js'
import { addStewardship } from './world/stewardship.js'

const NOW = '2026-04-07T00:00:00Z'
const TOKEN = 'demo-token'

const world = generateWorld({ scale: 'kata', seed: 1, now: NOW })
// Owners, teams, collaborators, workflow files and CODEOWNERS, and Confidential Containers beside Kata.
const cast = addStewardship(world, edgeWindow(NOW), { secondOrganization: 'confidential-containers' })
const organizations = [world.organization.login, 'confidential-containers'].join(',')
const github = await startFakeGitHub({ world, token: TOKEN })
process.stderr.write(`Fake GitHub serving ${organizations} at ${github.url}\n`)

const args = [
  path.resolve('dist/cli.js'),
  '--organization',
  organizations,
  '--candidates',
  [cast.busy, cast.second, cast.absentOwner].join(','),
  '--access',
  '--until',
  NOW.slice(0, 10),
  '--graphql-url',
  github.url,
  '--output-dir',
  'electorate'
]
const code = await new Promise<number>(resolve => {
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, GITHUB_TOKEN: TOKEN, GH_TOKEN: '' }
  })
  child.on('exit', c => resolve(c ?? 1))
})
await github.close()
if (code === 0) {
  process.stdout.write(`\n${await readFile('electorate/summary.md', 'utf8')}`)
}
process.exitCode = code
