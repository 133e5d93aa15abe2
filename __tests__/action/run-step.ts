// The built action (dist/index.js) run as the runner runs a step: inputs as INPUT_<NAME> variables, the
// command files, an event payload, the artifact service's environment.
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { artifactUploadEnvironment } from '../../tools/fake-artifact/environment.js'

const root = path.resolve(import.meta.dirname, '../..')
export const bundle = path.join(root, 'dist/index.js')

export interface StepResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  workspace: string
  runnerTemp: string
}

export interface RunnerFolders {
  workspace: string
  runnerTemp: string
}

export interface Step {
  /** The workflow's `with:`; a function when an input names one of the runner's folders. */
  inputs: Record<string, string> | ((folders: RunnerFolders) => Record<string, string>)
  repositoryPrivate: boolean
  artifactUrl: string
  /** Files an earlier step of the job put into the workspace (checkout, download-artifact), by path. */
  workspaceFiles?: Record<string, Buffer>
  /** Work on the folders before the step runs (a symbolic link an earlier step made). */
  prepare?: (folders: RunnerFolders) => Promise<void>
  /** Leave RUNNER_TEMP for the caller to read and remove (StepResult.runnerTemp). */
  keepRunnerTemp?: boolean
}

/** GITHUB_OUTPUT holds `name<<DELIMITER`, the value's lines, then `DELIMITER`, for each output. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heading = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!heading) continue
    const end = lines.indexOf(heading[2]!, i + 1)
    outputs[heading[1]!] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

/** What the runner sets for every declared input: its default, unless the workflow gives a value. */
async function runnerInputs(given: Record<string, string>): Promise<Record<string, string>> {
  const action = parseYaml(await readFile(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const env: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = given[name] ?? (input.default?.includes('${{') ? '' : (input.default ?? ''))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

/** Runs the bundle in a fresh workspace, which the caller removes. */
export async function runStep(step: Step): Promise<StepResult> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'electorate-workspace-'))
  for (const [name, bytes] of Object.entries(step.workspaceFiles ?? {})) {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true })
    await writeFile(path.join(workspace, name), bytes)
  }
  const runnerTemp = await mkdtemp(path.join(tmpdir(), 'electorate-runner-'))
  await step.prepare?.({ workspace, runnerTemp })
  const inputs = typeof step.inputs === 'function' ? step.inputs({ workspace, runnerTemp }) : step.inputs
  const outputFile = path.join(runnerTemp, 'output')
  const summaryFile = path.join(runnerTemp, 'step-summary')
  const eventFile = path.join(runnerTemp, 'event.json')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  await writeFile(
    eventFile,
    JSON.stringify({
      repository: {
        name: 'elections',
        full_name: 'kata-containers/elections',
        private: step.repositoryPrivate
      }
    })
  )
  // Built from nothing, not from process.env: these tests may themselves run inside a workflow.
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REPOSITORY: 'kata-containers/elections',
    RUNNER_TEMP: runnerTemp,
    ...artifactUploadEnvironment(step.artifactUrl),
    ...(await runnerInputs(inputs))
  }
  const child = spawn(process.execPath, [bundle], { cwd: workspace, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? -1)))
  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
  const summary = await readFile(summaryFile, 'utf8')
  if (!step.keepRunnerTemp) await rm(runnerTemp, { recursive: true, force: true })
  return { code, stdout, stderr, outputs, summary, workspace, runnerTemp }
}
