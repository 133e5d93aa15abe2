import { loadConfig } from './config/load.js'
import type { Config } from './config/schema.js'
import { buildElectorate } from './electorate/electorate.js'
import type { Electorate } from './electorate/types.js'
import { createGitHubClient } from './github/client.js'
import { gather } from './github/gather.js'
import type { Logger, Options } from './options.js'
import type { ReportMeta } from './output/report.js'
import { removeStaleElectorate, writeOutputs, type WrittenOutputs } from './output/write.js'
import type { Gathered } from './records.js'
import { VERSION } from './version.js'
import { formatInstant, resolveWindow } from './window.js'

export interface RunResult {
  gathered: Gathered
  electorate: Electorate
  outputs: WrittenOutputs
}

function includeEmails(options: Options, config: Config): boolean {
  if (options.includeEmails !== 'auto') return options.includeEmails
  if (config.output.emails !== 'auto') return config.output.emails
  return options.includeEmailsAuto
}

/** The whole pipeline: config and window, gather, resolve and score, write. */
export async function run(options: Options, log: Logger): Promise<RunResult> {
  const startedAt = Date.now()
  const loaded = await loadConfig(options.config.path, { explicit: options.config.explicit })
  const window = resolveWindow({
    since: options.since,
    until: options.until,
    months: options.months ?? loaded.config.months,
    now: options.now
  })
  // Before any request: a failed run must not leave an earlier run's roll behind.
  await removeStaleElectorate(options.outputDir)
  log.info(
    `Electorate of ${options.organization} from ${formatInstant(window.since)} until ${formatInstant(window.until)} (exclusive)`
  )

  const client = createGitHubClient({
    url: options.graphqlUrl,
    token: options.token,
    concurrency: options.concurrency,
    rateLimitWaitMinutes: options.rateLimitWaitMinutes,
    log
  })
  const gathered = await gather(
    {
      organization: options.organization,
      repositories: options.repositories,
      since: window.since,
      until: window.until,
      config: loaded.config
    },
    client,
    log
  )

  const electorate = buildElectorate(gathered, loaded.config)
  const meta: ReportMeta = {
    toolVersion: VERSION,
    organization: gathered.organization,
    since: gathered.since,
    until: gathered.until,
    repositories: gathered.repositories,
    config: loaded.config,
    configSha256: loaded.sha256,
    configPath: loaded.path,
    stats: gathered.stats,
    warnings: gathered.warnings,
    run: { startedAt: new Date(startedAt).toISOString(), durationMs: Date.now() - startedAt }
  }
  const outputs = await log.group('Write the output folder', () =>
    writeOutputs(options.outputDir, electorate, meta, {
      includeEmails: includeEmails(options, loaded.config)
    })
  )
  return { gathered, electorate, outputs }
}
