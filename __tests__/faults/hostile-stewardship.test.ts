// A repository's CODEOWNERS and workflow files are written by whoever keeps it: a pattern that makes
// picomatch backtrack, or a line too long for it, is skipped with a warning, never a hang or a failed run.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { addStewardship } from '../../tools/world/stewardship.js'
import { runCli } from '../e2e/run-cli.js'
import { NOW, outputFolder, runElectorate } from './harness.js'

const SINCE = new Date('2025-04-07T00:00:00Z')

function hostileWorld(codeownersLine: string) {
  const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  const cast = addStewardship(world, { since: SINCE, until: new Date(NOW) })
  const repo = world.repositories.find(r => `${r.owner}/${r.name}` === cast.repository)!
  repo.files![`.github/workflows/${'a'.repeat(60)}.yml`] = 'jobs:\n  x:\n    runs-on: ubuntu-latest\n'
  const before = repo.files!['.github/CODEOWNERS']!.split('\n').length
  repo.files!['.github/CODEOWNERS'] += `${codeownersLine} @${cast.busy}\n`
  return { world, cast, line: before }
}

const warningsOf = (files: Map<string, Buffer>) =>
  (JSON.parse(files.get('report.json')!.toString('utf8')) as { warnings: string[] }).warnings

describe('CODEOWNERS lines the matcher cannot take safely', () => {
  it.each([
    ['nine wildcards', `${'*a'.repeat(9)}*b`, /10 wildcards/],
    ['a line over 65,536 characters', `/docs/${'a'.repeat(70_000)}`, /length/]
  ])(
    '%s: skipped with a warning naming repository, file and line, online and re-scored',
    async (_, pattern, reason) => {
      const { world, cast, line } = hostileWorld(pattern)
      const run = await runElectorate(world, { killAfterMs: 20_000 })
      expect(run.code, run.stderr.slice(-600)).toBe(0)
      const warning = warningsOf(run.files).find(w => w.includes('CODEOWNERS'))
      expect(warning).toMatch(new RegExp(`^${cast.repository}: \\.github/CODEOWNERS:${line}: `))
      expect(warning).toMatch(reason)
      expect(run.files.get('summary.md')!.toString('utf8')).toContain(`.github/CODEOWNERS:${line}:`)

      const rescored = await runCli(
        ['--output-dir', 'rescored', '--from-records', 'electorate/records.jsonl.gz'],
        {
          cwd: run.cwd,
          killAfterMs: 20_000
        }
      )
      expect(rescored.code, rescored.stderr.slice(-600)).toBe(0)
      expect(warningsOf(await outputFolder(path.join(run.cwd, 'rescored')))).toContain(warning)
    },
    60_000
  )
})
