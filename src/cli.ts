import { qualifiedOf } from './electorate/people.js'
import { parseArgs } from 'node:util'
import { createCliLogger, redactor } from './cli-logger.js'
import { optionsFromInputs, removeRollAfterFailure } from './inputs.js'
import { FILE_GUIDE } from './output/readme-txt.js'
import { type RawInputs, SHARED_INPUTS, UsageError } from './options.js'
import { run } from './run.js'
import { VERSION } from './version.js'

const help = () => `Usage: electorate --organization ORG [options]
       electorate --from-records PATH [PATH ...] [--config PATH] [options]

Computes the electorate of ORG's technical-committee election from its GitHub activity and writes
the output folder (README.txt in it says what each file is and its columns):
${outputFileList()}

Options:
  --organization ORG,...   GitHub organization(s) to scan, comma or space separated (required but in
                           mode score); a user account with its --repositories named
  --repositories LIST      only these repositories (owner/name or name, comma or space separated)
  --since DATE             window start, inclusive (YYYY-MM-DD or ISO 8601 with offset)
  --until DATE             window end, exclusive (default: today 00:00 UTC)
  --months N               window length when --since is not given (default: config months, 12)
  --config PATH            config file (default: .github/electorate.yml; missing means defaults)
  --output-dir DIR         output folder, anywhere (default: electorate); only the files named above are replaced
  --previous PATH          an earlier electorate.csv: write changes.csv, who joined and who left and why
  --include-emails MODE    auto, true or false (default auto: true for the CLI)
  --graphql-url URL        GraphQL endpoint (default: $GITHUB_GRAPHQL_URL, else derived from
                           $GITHUB_API_URL as Octokit does, else https://api.github.com/graphql)
  --rate-limit-wait MIN    minutes the run may spend waiting for rate limits and retries, in all (default 60)
  --concurrency N          requests in flight at most, 1 to 20 (default 10)
  --candidates LOGINS      logins standing for election (comma or space separated): write candidates.csv
  --access                 also read who holds owner, member, team and collaborator roles, and write
                           access.csv (the token needs read:org); without it: the config's access
  --mode MODE              all (gather and score), gather (write records.jsonl.gz only) or score
  --from-records PATH ...  score these records files (shards of one window) with no API call and no token
  --records-caps CAPS      caps per records file, e.g. inflated=2GiB,line=16MiB,records=4000000 (the defaults)
  --debug                  debug logging and stack traces
  -h, --help               this text
  -V, --version            the version

The token is read from GITHUB_TOKEN or GH_TOKEN.
Exit codes: 0 done, 1 failed, 2 usage or config error.
`

/** Every file a run may write, from the table README.txt is made of, wrapped under the text above. */
function outputFileList(): string {
  const lines: string[] = []
  for (const name of Object.keys(FILE_GUIDE)) {
    const last = lines.length - 1
    if (last >= 0 && lines[last]!.length + name.length + 2 <= 100) lines[last] += `, ${name}`
    else lines.push(`  ${name}`)
  }
  return lines.join(',\n')
}

function parseFlags(argv: string[]) {
  const flags = Object.fromEntries(SHARED_INPUTS.map(name => [name, { type: 'string' as const }]))
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...flags,
        // A plain flag: present means on; off is the config's default.
        access: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
        debug: { type: 'boolean' },
        'from-records': { type: 'string', multiple: true }
      },
      strict: true,
      allowPositionals: true
    })
    const records = values['from-records'] ?? []
    // `--from-records a b c`: the paths after the flag, as a shell glob expands them.
    if (positionals.length > 0 && records.length === 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"`)
    }
    const flagValues = values as Record<string, string | boolean | undefined>
    return { ...flagValues, records: [...records, ...positionals] } as typeof flagValues & {
      records: string[]
    }
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''))
  }
}

export async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN || undefined
  const redact = redactor(token)
  let debug = env.RUNNER_DEBUG === '1'
  let raw: RawInputs = {}
  try {
    const values = parseFlags(argv)
    debug ||= values.debug === true
    if (values.help) {
      process.stdout.write(help())
      return 0
    }
    if (values.version) {
      process.stdout.write(`${VERSION}\n`)
      return 0
    }
    raw = Object.fromEntries(SHARED_INPUTS.map(name => [name, values[name] as string | undefined]))
    raw.access = values.access === true ? 'true' : undefined
    raw.records = values.records
    const options = optionsFromInputs(raw, {
      token,
      workspace: process.cwd(),
      includeEmailsAuto: true,
      graphqlUrlFromEnv: env.GITHUB_GRAPHQL_URL,
      apiUrlFromEnv: env.GITHUB_API_URL,
      now: new Date()
    })
    const log = createCliLogger({ debug, redact })
    const { electorate, outputs, gathered, records } = await run(options, log)
    if (!electorate || !outputs) {
      process.stdout.write(`${records.path}\n${gathered.records.length} records gathered\n`)
      return 0
    }
    const qualified = qualifiedOf(electorate.people).length
    process.stdout.write(
      `${outputs.dir}\n${qualified} qualified of ${electorate.people.length} contributors; ${electorate.unlinked.length} unlinked identities\n`
    )
    return 0
  } catch (error) {
    const err = error as Error
    const removed = await removeRollAfterFailure(raw, { workspace: process.cwd() })
    const usage = err instanceof UsageError
    process.stderr.write(redact(`electorate: ${usage ? '' : 'failed: '}${err.message}\n`))
    if (removed) process.stderr.write(redact(`note: ${removed}\n`))
    if (debug && err.stack) process.stderr.write(redact(`${err.stack}\n`))
    if (usage) process.stderr.write('Run electorate --help for the options.\n')
    return usage ? 2 : 1
  }
}

const code = await cli(process.argv.slice(2), process.env)
// After a failure other requests may still be retrying or waiting out a rate limit: nothing they
// bring can change the outcome, so the process ends now rather than when they give up.
if (code === 0) process.exitCode = code
else process.exit(code)
