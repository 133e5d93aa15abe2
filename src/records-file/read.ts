import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
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
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message)
  }
  let text: string
  try {
    text = gunzipSync(bytes).toString('utf8')
  } catch (error) {
    throw fail(`not a whole gzip file (${(error as Error).message})`)
  }
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()

  const first = parseLine(lines[0] ?? '', 1, fail) as { format?: unknown; version?: unknown }
  if (first?.format !== RECORDS_FORMAT) throw fail('not an electorate records file (no header on line 1)')
  if (first.version !== RECORDS_FORMAT_VERSION) {
    throw fail(
      `records format version ${String(first.version)}, this electorate reads version ${RECORDS_FORMAT_VERSION}: ` +
        'score it with the electorate version that gathered it, or gather again'
    )
  }
  const parsed = header.safeParse(first)
  if (!parsed.success) throw fail(`line 1: bad header (${z.prettifyError(parsed.error).replace(/\n/g, ' ')})`)
  const head: RecordsHeader = parsed.data as RecordsHeader
  const expected = 1 + head.lines.records + head.lines.profiles
  if (lines.length !== expected) {
    throw fail(`holds ${lines.length} lines, its header announces ${expected}: the file is cut or altered`)
  }

  const inScope = new Set(head.repositories.map(r => r.nameWithOwner))
  const records: ActivityRecord[] = []
  for (let i = 1; i <= head.lines.records; i++) {
    const record = parseLine(lines[i]!, i + 1, fail) as ActivityRecord
    if (!KINDS.has(record?.kind) || typeof record.at !== 'string' || typeof record.url !== 'string') {
      throw fail(`line ${i + 1}: not an activity record`)
    }
    if (!inScope.has(record.repository)) {
      throw fail(`line ${i + 1}: a record of ${record.repository}, which the header's scope does not hold`)
    }
    records.push(record)
  }
  const profiles: Record<string, Profile> = {}
  for (let i = 1 + head.lines.records; i < lines.length; i++) {
    const line = parseLine(lines[i]!, i + 1, fail) as ProfileLine
    if (line?.kind !== 'profile' || typeof line.login !== 'string') throw fail(`line ${i + 1}: not a profile`)
    const { kind: _, ...profile } = line
    profiles[line.login] = profile
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
      stats: head.stats
    }
  }
}

function parseLine(line: string, number: number, fail: (why: string) => Error): unknown {
  try {
    return JSON.parse(line)
  } catch {
    throw fail(`line ${number} is not JSON`)
  }
}
