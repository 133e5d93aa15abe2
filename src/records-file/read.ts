import { createReadStream } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip } from 'node:zlib'
import { z } from 'zod'
import { UsageError } from '../options.js'
import type { ActivityRecord, Gathered, Profile } from '../records.js'
import { type ProfileLine, RECORDS_FORMAT, RECORDS_FORMAT_VERSION, type RecordsHeader } from './format.js'

const KINDS = new Set<string>(['commit', 'pull_request', 'review', 'triage', 'issue_comment'])

const counts = z.object({
  commits: z.number(),
  pullRequests: z.number(),
  reviews: z.number(),
  issues: z.number(),
  triageEvents: z.number(),
  issueComments: z.number()
})
const header = z.object({
  format: z.literal(RECORDS_FORMAT),
  version: z.number(),
  tool: z.object({ name: z.literal('electorate'), version: z.string() }),
  organization: z.string(),
  window: z.object({ since: z.iso.datetime(), until: z.iso.datetime() }),
  repositories: z.array(
    z.object({
      nameWithOwner: z.string(),
      isArchived: z.boolean(),
      isFork: z.boolean(),
      isPrivate: z.boolean(),
      defaultBranch: z.string().nullable(),
      counts
    })
  ),
  stats: z.object({
    requests: z.number(),
    points: z.number(),
    remaining: z.number().nullable(),
    resetAt: z.string().nullable()
  }),
  warnings: z.array(z.string()),
  deleted: z.array(z.string()).optional(),
  emails: z.enum(['plain', 'hidden']),
  lines: z.object({ records: z.number(), profiles: z.number() })
})

export interface RecordsShard {
  path: string
  toolVersion: string
  gathered: Gathered
}

/** Reads one records file back into what gathering produced; any damage is a usage error naming the file. */
export async function readRecordsFile(path: string): Promise<RecordsShard> {
  const fail = (why: string) => new UsageError(`records file ${path}: ${why}`)
  let head: RecordsHeader | undefined
  let number = 0
  let inScope = new Set<string>()
  const records: ActivityRecord[] = []
  const profiles: Record<string, Profile> = {}
  try {
    for await (const line of gunzippedLines(path)) {
      number++
      if (head === undefined) {
        head = headerOf(parseLine(line, number, fail), fail)
        inScope = new Set(head.repositories.map(r => r.nameWithOwner))
      } else if (number <= 1 + head.lines.records) {
        const record = parseLine(line, number, fail) as ActivityRecord
        if (!KINDS.has(record?.kind) || typeof record.at !== 'string' || typeof record.url !== 'string') {
          throw fail(`line ${number}: not an activity record`)
        }
        if (!inScope.has(record.repository)) {
          throw fail(
            `line ${number}: a record of ${record.repository}, which the header's scope does not hold`
          )
        }
        records.push(record)
      } else {
        const parsed = parseLine(line, number, fail) as ProfileLine
        if (parsed?.kind !== 'profile' || typeof parsed.login !== 'string') {
          throw fail(`line ${number}: not a profile`)
        }
        const { kind: _, ...profile } = parsed
        profiles[parsed.login] = profile
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error
    const err = error as NodeJS.ErrnoException
    if (err.code === 'ENOENT') throw fail('no such file')
    throw fail(err.code?.startsWith('Z_') ? `not a whole gzip file (${err.message})` : err.message)
  }
  if (head === undefined) throw fail('empty')
  const expected = 1 + head.lines.records + head.lines.profiles
  if (number !== expected) {
    throw fail(`holds ${number} lines, its header announces ${expected}: the file is cut or altered`)
  }

  return {
    path,
    toolVersion: head.tool.version,
    gathered: {
      organization: head.organization,
      since: head.window.since,
      until: head.window.until,
      repositories: head.repositories,
      records,
      profiles,
      warnings: head.warnings,
      ...(head.deleted ? { deleted: head.deleted } : {}),
      stats: head.stats,
      ...(head.emails === 'hidden' ? { emails: 'hidden' as const } : {})
    }
  }
}

function headerOf(line: unknown, fail: (why: string) => Error): RecordsHeader {
  const first = line as { format?: unknown; version?: unknown } | null
  if (first?.format !== RECORDS_FORMAT) throw fail('not an electorate records file (no header on line 1)')
  if (first.version !== RECORDS_FORMAT_VERSION) {
    throw fail(
      `records format version ${String(first.version)}, this electorate reads version ${RECORDS_FORMAT_VERSION}: ` +
        'score it with the electorate version that gathered it, or gather again'
    )
  }
  const parsed = header.safeParse(first)
  if (!parsed.success) throw fail(`line 1: bad header (${z.prettifyError(parsed.error).replace(/\n/g, ' ')})`)
  return parsed.data as RecordsHeader
}

function parseLine(line: string, number: number, fail: (why: string) => Error): unknown {
  try {
    return JSON.parse(line)
  } catch {
    throw fail(`line ${number} is not JSON`)
  }
}

/** The lines of a gzip file, read as a stream: the whole text never sits in memory at once. */
async function* gunzippedLines(path: string): AsyncGenerator<string> {
  const gunzip = createReadStream(path)
    .on('error', error => gunzip.destroy(error))
    .pipe(createGunzip())
  const decoder = new StringDecoder('utf8')
  let rest = ''
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.write(chunk)).split('\n')
    rest = lines.pop()!
    yield* lines
  }
  rest += decoder.end()
  if (rest !== '') yield rest
}
