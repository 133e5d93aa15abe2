import path from 'node:path'
import { mkdir } from 'node:fs/promises'
import { loadConfig, type LoadedConfig } from './config/load.js'
import { withoutEmails } from './email-privacy.js'
import type { Config } from './config/schema.js'
import { buildElectorate } from './electorate/electorate.js'
import { resolveIdentities } from './electorate/identities.js'
import type { Electorate } from './electorate/types.js'
import { createGitHubClient, type GitHubClient } from './github/client.js'
import { gather } from './github/gather.js'
import { createProgress, type GatherProgress } from './github/progress.js'
import { missingProfileWarnings, profilesOfNamedAccounts, withProfiles } from './named-accounts.js'
import { type Logger, type Options, UsageError } from './options.js'
import { type PreviousRoll, readPreviousRoll } from './output/previous-roll.js'
import type { ReportMeta } from './output/report.js'
import {
  removeStaleElectorate,
  writeFolderReadme,
  writeOutputs,
  type WrittenOutputs
} from './output/write.js'
import { RECORDS_FILE } from './records-file/format.js'
import { gatheredFromRecords } from './records-file/load.js'
import { recordsFilesOf } from './records-file/paths.js'
import { refuseToOverwriteInputs } from './output/overwrites.js'
import { inCanonicalOrder } from './records-file/order.js'
import { LinesAhead } from './records-file/lines-ahead.js'
import { removeStaleRecords, writeRecordsFile } from './records-file/write.js'
import type { Gathered } from './records.js'
import { candidateLogins, uncheckedCandidates } from './stewardship/candidate-accounts.js'
import { stewardshipOf } from './stewardship/stewardship.js'
import { VERSION } from './version.js'
import { formatInstant, futureWindowWarning, resolveWindow } from './window.js'

export interface RunResult {
  gathered: Gathered
  /** records.jsonl.gz in the output folder. */
  records: { path: string; sha256: string }
  /** Absent in mode gather, which writes the records file alone. */
  electorate?: Electorate
  outputs?: WrittenOutputs
}

function includeEmails(options: Options, config: Config): boolean {
  if (options.includeEmails !== 'auto') return options.includeEmails
  if (config.output.emails !== 'auto') return config.output.emails
  return options.includeEmailsAuto
}

/** Where the client tells of a pause of all requests: the progress report, once gathering starts. */
interface PauseListener {
  listener?: GatherProgress['paused']
}

function clientFor(options: Options, log: Logger, pauses: PauseListener): GitHubClient {
  if (options.endpointWarning) log.warning(options.endpointWarning)
  return createGitHubClient({
    url: options.graphqlUrl,
    token: options.token,
    concurrency: options.concurrency,
    rateLimitWaitMinutes: options.rateLimitWaitMinutes,
    log,
    onPause: until => pauses.listener?.(until)
  })
}

async function gatherFromGitHub(
  options: Options,
  config: Config,
  client: GitHubClient,
  pauses: PauseListener,
  log: Logger,
  recording: { hideEmails: boolean; ahead: LinesAhead }
): Promise<Gathered> {
  const window = resolveWindow({
    since: options.since,
    until: options.until,
    months: options.months ?? config.months,
    now: options.now
  })
  await removeStaleRecords(options.outputDir)
  log.info(
    `Electorate of ${options.organizations.join(', ')} from ${formatInstant(window.since)} until ${formatInstant(window.until)} (exclusive)`
  )
  const future = futureWindowWarning(window, options.now)
  if (future) log.warning(future)
  const progress = createProgress({ stats: client.stats, write: line => log.info(line) })
  pauses.listener = until => progress.paused(until)
  return gather(
    {
      organizations: options.organizations,
      repositories: options.repositories,
      since: window.since,
      until: window.until,
      config,
      access: options.access ?? config.access,
      hideEmails: recording.hideEmails
    },
    client,
    log,
    progress,
    records => recording.ahead.add(records)
  )
    .then(gathered => (future ? { ...gathered, warnings: [...gathered.warnings, future] } : gathered))
    .finally(() => progress.stop())
}

/** The whole pipeline: config and window, gather (or read records files), resolve and score, write. */
export async function run(options: Options, log: Logger): Promise<RunResult> {
  const startedAt = Date.now()
  const recordsFiles = options.mode === 'score' ? await recordsFilesOf(options.records, process.cwd()) : []
  await refuseToOverwriteInputs(options, recordsFiles)
  // Read before the output folder is cleared: the earlier roll may lie in it.
  const previous = options.previous === undefined ? undefined : await readPreviousRoll(options.previous)
  // Before anything can fail, a bad config included: a failed run must not leave an earlier roll behind.
  await removeStaleElectorate(options.outputDir)
  const loaded = await loadConfig(options.config.path, { explicit: options.config.explicit })
  // A re-score without a token asks GitHub nothing; every other run checks the config's accounts first.
  const pauses: PauseListener = {}
  const client = options.token === '' ? undefined : clientFor(options, log, pauses)
  const named = client && (await profilesOfNamedAccounts(loaded, client))
  const candidates = await candidateLogins([...options.candidates, ...loaded.config.candidates], client)
  const emails = includeEmails(options, loaded.config)
  // Records gathered online are encoded for the records file while gathering waits on GitHub.
  let ahead: LinesAhead | undefined
  let gathered: Gathered
  if (options.mode === 'score') {
    gathered = await gatheredFromRecords(options, recordsFiles, loaded.config.months, log)
    if ((options.access ?? loaded.config.access) && !gathered.access)
      throw new UsageError(
        'access: the records files hold no roles (they were gathered with access off); gather again ' +
          'with access on to write access.csv'
      )
    // Only now: the records read may lie in the output folder itself.
    await removeStaleRecords(options.outputDir)
  } else {
    ahead = new LinesAhead()
    // Where the outputs carry no emails the records file, which travels with them, carries none either.
    gathered = await gatherFromGitHub(options, loaded.config, client!, pauses, log, {
      hideEmails: !emails,
      ahead
    })
  }
  if (named) gathered = withProfiles(gathered, named)
  else {
    const missing = missingProfileWarnings(loaded, gathered)
    missing.forEach(warning => log.warning(warning))
    gathered = { ...gathered, warnings: [...gathered.warnings, ...missing] }
  }
  if (!client) {
    const unchecked = uncheckedCandidates(candidates, gathered)
    unchecked.forEach(warning => log.warning(warning))
    gathered = { ...gathered, warnings: [...gathered.warnings, ...unchecked] }
  }
  // One order for records however they were gathered: an online run and a re-score give the same bytes.
  gathered = inCanonicalOrder(gathered)
  // Scoring from the same hidden records keeps an online run and a re-score alike.
  if (emails && gathered.emails === 'hidden')
    log.warning(
      'The records were gathered without emails (for a public artifact): no email columns are written'
    )
  // Records read back hidden stay hidden, though emails are asked for: the profiles looked up meanwhile too.
  if (!emails || gathered.emails === 'hidden') gathered = withoutEmails(gathered)

  await mkdir(options.outputDir, { recursive: true })
  // Compressed on libuv's pool while the electorate is scored here.
  const recordsWritten = writeRecordsFile(options.outputDir, gathered, ahead)
  if (options.mode === 'gather') {
    const records = await recordsWritten
    await writeFolderReadme(options.outputDir, [RECORDS_FILE], {
      toolVersion: VERSION,
      organization: gathered.organization,
      since: formatInstant(new Date(gathered.since)),
      until: formatInstant(new Date(gathered.until)),
      includeEmails: emails
    })
    return { gathered, records }
  }

  // What was gathered is kept whole for a re-score: if scoring or writing fails, the file is finished first.
  const scored = scoreAndWrite(options, gathered, loaded, {
    candidates,
    emails,
    previous,
    startedAt,
    records: recordsWritten,
    log
  })
  const done = await scored.catch(async error => {
    await recordsWritten.catch(() => undefined)
    throw error
  })
  return { gathered, records: await recordsWritten, ...done }
}

/** The electorate, the stewardship files and the output folder; the records file is deflated meanwhile. */
async function scoreAndWrite(
  options: Options,
  gathered: Gathered,
  loaded: LoadedConfig,
  context: {
    candidates: string[]
    emails: boolean
    previous: PreviousRoll | undefined
    startedAt: number
    records: ReturnType<typeof writeRecordsFile>
    log: Logger
  }
): Promise<{ electorate: Electorate; outputs: WrittenOutputs }> {
  const { log, startedAt } = context
  const identities = resolveIdentities(gathered, loaded.config)
  const electorate = buildElectorate(gathered, loaded.config, identities)
  const stewardship = stewardshipOf(
    gathered,
    electorate,
    loaded.config,
    { candidates: context.candidates, access: options.access ?? loaded.config.access },
    identities
  )
  stewardship.warnings.forEach(warning => log.warning(warning))
  const meta: ReportMeta = {
    toolVersion: VERSION,
    organization: gathered.organization,
    since: gathered.since,
    until: gathered.until,
    repositories: gathered.repositories,
    config: loaded.config,
    configSha256: loaded.sha256,
    configPath: loaded.path && shownPath(loaded.path),
    stats: gathered.stats,
    warnings: [...gathered.warnings, ...stewardship.warnings],
    deleted: gathered.deleted,
    run: { startedAt: new Date(startedAt).toISOString(), durationMs: Date.now() - startedAt }
  }
  const outputs = await log.group('Write the output folder', () =>
    writeOutputs(options.outputDir, electorate, meta, {
      includeEmails: context.emails && gathered.emails !== 'hidden',
      previous: context.previous,
      stewardship,
      written: context.records.then(records => ({ [RECORDS_FILE]: records }))
    })
  )
  return { electorate, outputs }
}

/**
 * A path as the outputs show it: relative to the working folder (the workspace in the action) with `/`,
 * so that they name no folder of the machine and read the same wherever the run was; absolute outside it.
 */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file
  return relative.split(path.sep).join('/')
}
