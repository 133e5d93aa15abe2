import type { Logger, Options } from '../options.js'
import { UsageError } from '../options.js'
import { organizationsOf, type Gathered } from '../records.js'
import { resolveWindow } from '../window.js'
import { mergeShards } from './merge.js'
import { readRecordsFile } from './read.js'

/**
 * What gathering produced, read back from records files instead of GitHub. The window, organization and
 * scope come from the records; an organization or window given beside them must agree, so that a
 * workflow never scores the wrong artifact under the right name.
 */
export async function gatheredFromRecords(
  options: Options,
  files: string[],
  months: number,
  log: Logger
): Promise<Gathered> {
  const shards = []
  for (const file of files) shards.push(await readRecordsFile(file, options.recordsCaps))
  const gathered = mergeShards(shards)
  log.info(
    `Scoring ${gathered.records.length} records of ${gathered.repositories.length} repositories from ` +
      `${files.length} records file${files.length === 1 ? '' : 's'}` +
      (options.token === ''
        ? ', without GitHub'
        : '; the token is used only to look up the accounts the config and candidates name')
  )

  if (options.organizations.length > 0) {
    const given = new Set(options.organizations.map(o => o.toLowerCase()))
    const recorded = new Set(organizationsOf(gathered).map(o => o.toLowerCase()))
    if (given.size !== recorded.size || [...given].some(o => !recorded.has(o))) {
      throw new UsageError(
        `organization: ${options.organizations.join(', ')} given, but the records are of ${gathered.organization}`
      )
    }
  }
  if (options.since !== undefined || options.until !== undefined) {
    const window = resolveWindow({
      since: options.since,
      until: options.until,
      months: options.months ?? months,
      now: options.now
    })
    if (window.since.toISOString() !== gathered.since || window.until.toISOString() !== gathered.until) {
      throw new UsageError(
        `since/until: the window given (${window.since.toISOString()} until ${window.until.toISOString()}) ` +
          `is not the records' (${gathered.since} until ${gathered.until})`
      )
    }
  }
  return gathered
}
