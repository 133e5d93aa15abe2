import { spawn } from 'node:child_process'
import path from 'node:path'

export const CLI = path.resolve('dist/cli.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the built CLI as a user would: a separate Node process, token from the environment. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; killAfterMs?: number }
): Promise<CliResult> {
  return runProgram(process.execPath, [CLI, ...args], options)
}

/** Runs a program with only PATH, HOME and the variables given, and collects what it prints. */
export function runProgram(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; killAfterMs?: number }
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A run that hangs is killed (code -1) rather than left spinning after its test has failed.
      timeout: options.killAfterMs,
      killSignal: 'SIGKILL'
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }))
  })
}
