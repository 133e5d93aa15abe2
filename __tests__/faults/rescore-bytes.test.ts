// The records file of a busy world (histories cut in time slices, lists read as search slices, many
// repositories, their lines encoded while gathering waited) re-scores, under another TZ and LANG, to the
// very bytes of the online run's folder, the records file itself included: with emails and without.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { runCli } from '../e2e/run-cli.js'
import { NOW, runElectorate, workspace } from './harness.js'

const world = generateWorld({ scale: 'kata', seed: 4, now: NOW })

/** Every file of the folder; report.json without the run's own timing. */
async function folder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const name of (await readdir(dir)).sort()) {
    const bytes = await readFile(path.join(dir, name))
    if (name !== 'report.json') files.set(name, bytes.toString('base64'))
    else files.set(name, JSON.stringify({ ...(JSON.parse(bytes.toString('utf8')) as object), run: null }))
  }
  return files
}

it.each(['true', 'false'])(
  'a busy world re-scores to the bytes of its online run (emails %s)',
  async emails => {
    const cwd = await workspace()
    const online = await runElectorate(world, { cwd, args: ['--include-emails', emails] })
    expect(online.code, online.stderr).toBe(0)
    const report = JSON.parse(online.files.get('report.json')!.toString('utf8')) as {
      repositories: unknown[]
    }
    expect(report.repositories.length).toBeGreaterThan(5)
    const rescored = await runCli(
      [
        '--output-dir',
        'rescored',
        '--from-records',
        'electorate/records.jsonl.gz',
        '--include-emails',
        emails
      ],
      { cwd, env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } }
    )
    expect(rescored.code, rescored.stderr).toBe(0)
    expect(await folder(path.join(cwd, 'rescored'))).toEqual(await folder(path.join(cwd, 'electorate')))
  }
)
