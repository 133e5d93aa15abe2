import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { UsageError, type Options } from '../options.js'
import { RECORDS_FILE } from '../records-file/format.js'
import { OUTPUT_FILES } from './write.js'

/**
 * Refuses a run that would replace a file it reads: re-scoring `records.jsonl.gz` into its own folder
 * with emails off would overwrite it with hashed addresses, and they would be lost for good.
 */
export async function refuseToOverwriteInputs(options: Options, recordsFiles: string[]): Promise<void> {
  const outputs = new Map<string, string>()
  for (const name of [...OUTPUT_FILES, RECORDS_FILE]) {
    for (const file of [name, `${name}.partial`]) {
      const where = path.join(options.outputDir, file)
      outputs.set(await canonical(where), where)
    }
  }
  const inputs: [string, string][] = [
    ...recordsFiles.map(file => ['records', file] as [string, string]),
    ...(options.previous === undefined ? [] : [['previous', options.previous] as [string, string]]),
    ['config', options.config.path]
  ]
  for (const [input, file] of inputs) {
    const output = outputs.get(await canonical(file))
    if (output !== undefined) {
      throw new UsageError(
        `${input}: ${file} is also an output of this run (output-dir ${options.outputDir}): a run never ` +
          'replaces a file it reads; write into another folder'
      )
    }
  }
}

/** The path with symbolic links resolved where it exists, as given where it does not. */
export async function canonical(file: string): Promise<string> {
  const resolved = path.resolve(file)
  return realpath(resolved).catch(async () => {
    const folder = await realpath(path.dirname(resolved)).catch(() => path.dirname(resolved))
    return path.join(folder, path.basename(resolved))
  })
}
