import { qualifiedOf } from './electorate/people.js'
import path from 'node:path'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { actionLogger } from './action-logger.js'
import { artifactName, retentionDays } from './artifact-inputs.js'
import { ConfigError } from './config/problems.js'
import { optionsFromInputs, removeRollAfterFailure } from './inputs.js'
import { type RawInputs, SHARED_INPUTS } from './options.js'
import { uploadOutputFolder } from './output/artifact.js'
import { README_TXT } from './output/readme-txt.js'
import { run } from './run.js'

export async function main(): Promise<void> {
  let raw: RawInputs = {}
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const outputRoots = [workspace, process.env.RUNNER_TEMP || workspace]
  try {
    const token = core.getInput('github-token')
    if (token) core.setSecret(token)
    raw = Object.fromEntries(SHARED_INPUTS.map(name => [name, core.getInput(name)]))
    raw.records = core.getInput('records').split(/[\n,]+/)
    const options = optionsFromInputs(raw, {
      token,
      workspace,
      outputRoots,
      // Anyone can download a public repository's artifacts: emails only where the repository is private.
      includeEmailsAuto: github.context.payload.repository?.private === true,
      graphqlUrlFromEnv: process.env.GITHUB_GRAPHQL_URL,
      apiUrlFromEnv: process.env.GITHUB_API_URL,
      now: new Date()
    })
    const upload = core.getBooleanInput('upload-artifact')
    const name = artifactName(core.getInput('artifact-name'))
    const retention = retentionDays(core.getInput('retention-days'))

    const { electorate, outputs, gathered, records } = await run(options, actionLogger)
    // Mode gather: the records file is the whole result, for a later job in mode score.
    const result = outputs
      ? { dir: outputs.dir, files: Object.values(outputs.files).map(f => f.path), summary: outputs.summary }
      : {
          dir: path.dirname(records.path),
          files: [records.path, path.join(path.dirname(records.path), README_TXT)],
          summary:
            `Gathered ${gathered.records.length} records of ${gathered.repositories.length} repositories of ` +
            `${gathered.organization} into ${path.basename(records.path)}, to be scored in mode score.\n`
        }
    const qualified = electorate && qualifiedOf(electorate.people).length
    if (electorate && outputs) {
      core.setOutput('electorate-count', qualified)
      core.setOutput('contributors-count', electorate.people.length)
      core.setOutput('csv-path', outputs.electorateCsv)
    }
    core.setOutput('output-dir', result.dir)
    await core.summary.addRaw(result.summary, true).write()

    if (upload) {
      const id = await uploadOutputFolder(
        { name, dir: result.dir, files: result.files, retentionDays: retention },
        actionLogger
      )
      core.setOutput('artifact-id', id === null ? '' : String(id))
    }
    const counts = electorate ? `${qualified} qualified of ${electorate.people.length} contributors; ` : ''
    core.info(`${counts}files in ${result.dir}`)
  } catch (error) {
    const err = error as Error
    const removed = await removeRollAfterFailure(raw, { workspace, outputRoots })
    if (removed) core.warning(removed)
    if (err.stack) core.debug(err.stack)
    // On the run's page each problem then shows on its line of the config file.
    if (err instanceof ConfigError) {
      const file = path.relative(process.env.GITHUB_WORKSPACE || process.cwd(), err.file)
      for (const problem of err.problems)
        core.error(problem.text, { title: 'electorate config', file, startLine: problem.line })
    }
    core.setFailed(err.message)
  }
}
