import path from 'node:path'
import { endpointWarning, resolveGraphqlUrl } from './github/endpoint.js'
import { LOGIN } from './logins.js'
import { resolveOutputDir } from './output-dir.js'
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_CONFIG_PATH,
  DEFAULT_OUTPUT_DIR,
  type Mode,
  MODES,
  type Options,
  type RawInputs,
  UsageError
} from './options.js'
import { parseRecordsCaps } from './records-file/caps.js'
import { canonical } from './output/overwrites.js'
import { removeRoll } from './output/write.js'

export interface InputContext {
  token: string | undefined
  /** Folder that relative paths start from. */
  workspace: string
  /** Folders the output folder must lie in (the action's); absent: anywhere (the CLI). */
  outputRoots?: readonly string[]
  /** What `include-emails: auto` means for this entry (the action: the repository is private). */
  includeEmailsAuto: boolean
  /** `GITHUB_GRAPHQL_URL` of the runner, when set. */
  graphqlUrlFromEnv: string | undefined
  /** `GITHUB_API_URL` of the runner, when set: the endpoint is derived from it as Octokit does. */
  apiUrlFromEnv?: string | undefined
  now: Date
}

const blank = (value: string | undefined): value is undefined => value === undefined || value.trim() === ''

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (blank(value)) return undefined
  const n = Number(value.trim())
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${name}: expected a whole number from ${min} to ${max}, got "${value}"`)
  }
  return n
}

function includeEmails(value: string | undefined): boolean | 'auto' {
  const v = blank(value) ? 'auto' : value.trim().toLowerCase()
  if (v === 'auto') return 'auto'
  if (v === 'true') return true
  if (v === 'false') return false
  throw new UsageError(`include-emails: expected auto, true or false, got "${value}"`)
}

function access(value: string | undefined): boolean | undefined {
  const v = blank(value) ? undefined : value.trim().toLowerCase()
  if (v === undefined) return undefined
  if (v === 'true') return true
  if (v === 'false') return false
  throw new UsageError(`access: expected true or false, got "${value}"`)
}

function graphqlUrl(value: string | undefined, context: InputContext): string {
  const url = resolveGraphqlUrl({
    given: value,
    graphqlUrl: context.graphqlUrlFromEnv,
    apiUrl: context.apiUrlFromEnv
  })
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`graphql-url: "${url}" is not an https URL`)
  }
  // The token travels with every request: in clear text only to this machine itself.
  const loopback = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(parsed.hostname)
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new UsageError(`graphql-url: "${url}" is not an https URL (http:// only for a loopback host)`)
  }
  return url
}

/** Organizations separated by commas, spaces or new lines; each one a login, once. */
function organizations(value: string | undefined): string[] {
  const list: string[] = []
  for (const login of blank(value) ? [] : value.split(/[\s,]+/).filter(o => o !== '')) {
    if (!LOGIN.test(login)) {
      throw new UsageError(`organization: "${login}" is not a GitHub organization login`)
    }
    if (!list.some(o => o.toLowerCase() === login.toLowerCase())) list.push(login)
  }
  return list
}

/** Logins separated by commas, spaces or new lines; `@` before one is taken off. */
function candidates(value: string | undefined): string[] {
  const list = blank(value) ? [] : value.split(/[\s,]+/).filter(c => c !== '')
  return list.map(entry => {
    const login = entry.replace(/^@/, '')
    if (!LOGIN.test(login)) throw new UsageError(`candidates: "${entry}" is not a GitHub login`)
    return login
  })
}

function repositories(value: string | undefined): string[] {
  if (blank(value)) return []
  const list = value
    .split(/[\s,]+/)
    .map(r => r.trim())
    .filter(r => r !== '')
  for (const r of list) {
    if (!/^(?:[A-Za-z0-9-]+\/)?[A-Za-z0-9._-]+$/.test(r)) {
      throw new UsageError(`repositories: "${r}" is not a repository name (owner/name or name)`)
    }
  }
  return list
}

function outputDirOf(raw: RawInputs, context: Pick<InputContext, 'workspace' | 'outputRoots'>): string {
  const given = raw['output-dir']
  return resolveOutputDir(
    blank(given) ? DEFAULT_OUTPUT_DIR : given.trim(),
    context.workspace,
    context.outputRoots
  )
}

/**
 * After a failed run (exit 1 or 2), however early: the roll files of the folder the inputs name go, so
 * that an earlier roll never passes for this run's. A folder the run may not write to is never touched,
 * nor a file the inputs name (a previous roll inside the folder): nothing the user gave is lost.
 * Returns a sentence saying what went, or '' when nothing did.
 */
export async function removeRollAfterFailure(
  raw: RawInputs,
  context: Pick<InputContext, 'workspace' | 'outputRoots'>
): Promise<string> {
  let dir: string
  try {
    dir = outputDirOf(raw, context)
  } catch {
    return ''
  }
  const named = [raw.previous, raw.config, ...(raw.records ?? [])].flatMap(file =>
    blank(file) ? [] : [path.resolve(context.workspace, file.trim())]
  )
  const inputs = new Set(await Promise.all(named.map(canonical)))
  const removed = await removeRoll(dir, async file => inputs.has(await canonical(file))).catch(() => [])
  if (removed.length === 0) return ''
  return (
    `the earlier roll files of ${path.relative(context.workspace, dir) || '.'} were removed ` +
    `(${removed.join(', ')}), so that they are not taken for this run's`
  )
}

/** Records files mean score unless a mode says otherwise; score needs them, the others take none. */
function mode(value: string | undefined, records: string[]): Mode {
  const given = blank(value) ? undefined : value.trim().toLowerCase()
  if (given !== undefined && !(MODES as readonly string[]).includes(given)) {
    throw new UsageError(`mode: expected gather, score or all, got "${value}"`)
  }
  const chosen = (given ?? (records.length > 0 ? 'score' : 'all')) as Mode
  if (chosen === 'score' && records.length === 0) {
    throw new UsageError('mode score: no records files given (records input, or --from-records PATH)')
  }
  if (chosen !== 'score' && records.length > 0) {
    throw new UsageError(`mode ${chosen} gathers from GitHub: records files are only read in mode score`)
  }
  return chosen
}

/** The one way both entries turn their raw inputs into Options. */
export function optionsFromInputs(raw: RawInputs, context: InputContext): Options {
  const records = (raw.records ?? []).map(r => r.trim()).filter(r => r !== '')
  const chosenMode = mode(raw.mode, records)
  const organizationList = organizations(raw.organization)
  if (organizationList.length === 0 && chosenMode !== 'score') {
    throw new UsageError('organization: required (the GitHub organization to scan)')
  }
  if (blank(context.token) && chosenMode !== 'score') {
    // Not a usage error (exit 2) but a run that cannot reach GitHub (exit 1), as a rejected token is.
    throw new Error('no GitHub token: set github-token (action) or GITHUB_TOKEN / GH_TOKEN (CLI)')
  }
  const configGiven = !blank(raw.config)
  const endpoint = graphqlUrl(raw['graphql-url'], context)
  return {
    mode: chosenMode,
    records: records.map(r => path.resolve(context.workspace, r)),
    recordsCaps: parseRecordsCaps(raw['records-caps']),
    organizations: organizationList,
    repositories: repositories(raw.repositories),
    since: blank(raw.since) ? undefined : raw.since.trim(),
    until: blank(raw.until) ? undefined : raw.until.trim(),
    months: wholeNumber('months', raw.months, 1, 120),
    config: {
      path: path.resolve(context.workspace, configGiven ? raw.config!.trim() : DEFAULT_CONFIG_PATH),
      explicit: configGiven
    },
    outputDir: outputDirOf(raw, context),
    previous: blank(raw.previous) ? undefined : path.resolve(context.workspace, raw.previous.trim()),
    includeEmails: includeEmails(raw['include-emails']),
    includeEmailsAuto: context.includeEmailsAuto,
    graphqlUrl: endpoint,
    // A re-score with a token still sends it (to look up the config's accounts and the candidates).
    endpointWarning:
      chosenMode === 'score' && blank(context.token)
        ? undefined
        : endpointWarning(endpoint, context.graphqlUrlFromEnv),
    token: context.token ?? '',
    rateLimitWaitMinutes: wholeNumber('rate-limit-wait', raw['rate-limit-wait'], 0, 24 * 60) ?? 60,
    concurrency: wholeNumber('concurrency', raw.concurrency, 1, 20) ?? DEFAULT_CONCURRENCY,
    candidates: candidates(raw.candidates),
    ...(access(raw.access) !== undefined && { access: access(raw.access) }),
    now: context.now
  }
}
