// The built action refusing what it must refuse, as the runner shows it: the output folder kept inside the
// runner's folders on the real path, and config problems as annotations on the config file's lines. Each
// step re-scores the committed records file, which needs no token and no GitHub.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundle, runStep, type Step } from './run-step.js'

const RECORDS = 'records/records.jsonl.gz'
let records: Buffer
const cleanup: string[] = []

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run `npm run build` first')
  records = await readFile(path.resolve(import.meta.dirname, '../fixtures/records.jsonl.gz'))
})

afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true })
})

async function score(step: Partial<Step> & { inputs: Step['inputs'] }) {
  const given = step.inputs
  const result = await runStep({
    repositoryPrivate: false,
    artifactUrl: 'http://127.0.0.1:9/unused',
    ...step,
    inputs: folders => ({
      mode: 'score',
      records: RECORDS,
      'upload-artifact': 'false',
      ...(typeof given === 'function' ? given(folders) : given)
    }),
    workspaceFiles: { [RECORDS]: records, ...step.workspaceFiles }
  })
  cleanup.push(result.workspace, result.runnerTemp)
  return result
}

describe('the output folder in the action', () => {
  it('is refused where a symbolic link in the workspace leads out of it, and nothing is written there', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'electorate-outside-'))
    cleanup.push(outside)
    const step = await score({
      inputs: { 'output-dir': 'linked/roll' },
      prepare: ({ workspace }) => symlink(outside, path.join(workspace, 'linked'))
    })
    expect(step.code).toBe(1)
    expect(step.stdout).toMatch(
      /^::error::output-dir: "linked\/roll" \(really .*electorate-outside-.*\/roll\) is outside the workspace/m
    )
    expect(await readdir(outside)).toEqual([])
  })

  it('is refused above the workspace', async () => {
    const step = await score({ inputs: { 'output-dir': '../roll' } })
    expect(step.code).toBe(1)
    expect(step.stdout).toMatch(/^::error::output-dir: "\.\.\/roll" is outside the workspace/m)
    expect(existsSync(path.join(step.workspace, '..', 'roll'))).toBe(false)
  })

  it("may be in the runner's temporary folder", async () => {
    const step = await score({
      inputs: ({ runnerTemp }) => ({ 'output-dir': path.join(runnerTemp, 'roll') }),
      keepRunnerTemp: true
    })
    expect(step.code, step.stdout).toBe(0)
    expect(step.outputs['output-dir']).toBe(path.join(step.runnerTemp, 'roll'))
    expect(existsSync(path.join(step.runnerTemp, 'roll', 'electorate.csv'))).toBe(true)
  })

  it('may be reached through a symbolic link that stays inside the workspace', async () => {
    const step = await score({
      inputs: { 'output-dir': 'linked/roll' },
      prepare: async ({ workspace }) => {
        await mkdir(path.join(workspace, 'real'))
        await symlink(path.join(workspace, 'real'), path.join(workspace, 'linked'))
      }
    })
    expect(step.code, step.stdout).toBe(0)
    expect(existsSync(path.join(step.workspace, 'real', 'roll', 'electorate.csv'))).toBe(true)
  })
})

describe('a config problem in the action', () => {
  it('is an error annotation on its line of the config file, each problem on its own', async () => {
    const config = 'monhts: 6\ncriteria:\n  - { commitz: 1 }\n'
    const step = await score({
      inputs: {},
      workspaceFiles: { '.github/electorate.yml': Buffer.from(config) }
    })
    expect(step.code).toBe(1)
    const annotations = step.stdout.split('\n').filter(line => line.includes('file='))
    expect(annotations).toEqual([
      expect.stringMatching(
        /^::error title=electorate config,file=\.github\/electorate\.yml,line=1::monhts: unknown key 'monhts'/
      ),
      expect.stringMatching(
        /^::error title=electorate config,file=\.github\/electorate\.yml,line=3::criteria\[0\]\.commitz: unknown metric/
      )
    ])
    // The step's failure still gives the whole message.
    expect(step.stdout).toMatch(/^::error::The config file has 2 errors:/m)
  })
})
