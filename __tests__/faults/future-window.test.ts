// A window that ends after the run is legal (a preview), but its roll misses what is still to come: said.
import { expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { NOW, runElectorate } from './harness.js'

it('warns, in the log and in report.json, when until lies after the run', async () => {
  const world = generateWorld({ scale: 'small', seed: 2, now: NOW })
  const run = await runElectorate(world, { args: ['--until', '2999-01-01', '--since', '2990-01-01'] })
  expect(run.code, run.stderr).toBe(0)
  expect(run.stderr).toContain('until (2999-01-01T00:00:00Z) is after this run')
  const report = JSON.parse(run.files.get('report.json')!.toString('utf8')) as { warnings: string[] }
  expect(report.warnings.some(w => w.startsWith('until (2999-01-01T00:00:00Z) is after this run'))).toBe(true)
  expect(run.files.get('summary.md')!.toString('utf8')).toContain('is after this run')
})
