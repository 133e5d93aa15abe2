import type { z } from 'zod'
import { UsageError } from '../options.js'
import {
  KEY_PERMISSIONS,
  loginsIn,
  organizationsOf,
  type AccessFacts,
  type ActivityRecord,
  type Gathered,
  type Profile
} from '../records.js'
import { DEFAULT_RECORDS_CAPS, type RecordsCaps } from './caps.js'
import { RECORDS_FORMAT, RECORDS_FORMAT_VERSION, type RecordsHeader } from './format.js'
import { gunzippedLines } from './lines.js'
import { firstProblem, headerLine, profileLine, recordLine } from './schema.js'

export interface RecordsShard {
  path: string
  toolVersion: string
  /** The web server the records' URLs are on (`https://github.com`); null when there are no records. */
  server: string | null
  gathered: Gathered
}

/** Reads one records file back into what gathering produced; any damage is a usage error naming the file. */
export async function readRecordsFile(
  path: string,
  caps: RecordsCaps = DEFAULT_RECORDS_CAPS
): Promise<RecordsShard> {
  const fail = (why: string) => new UsageError(`records file ${path}: ${why}`)
  let head: RecordsHeader | undefined
  let number = 0
  let expected = 1
  let inScope = new Set<string>()
  let server: string | null = null
  const records: ActivityRecord[] = []
  const profiles: Record<string, Profile> = {}
  try {
    for await (const line of gunzippedLines(path, caps, fail)) {
      number++
      if (head === undefined) {
        head = headerOf(parseLine(line, number, fail), fail)
        inScope = new Set(head.repositories.map(r => r.nameWithOwner))
        const announced = head.lines.records + head.lines.profiles
        if (announced > caps.records) {
          throw fail(
            `its header announces ${announced} record and profile lines, over the record cap of ` +
              `${caps.records} (records-caps records=COUNT raises it)`
          )
        }
        const stray = head.files?.find(files => !inScope.has(files.repository))
        if (stray) throw fail(`line 1: files of ${stray.repository}, which the header's scope does not hold`)
        if (head.access) checkRoles(head, head.access, inScope, fail)
        expected = 1 + announced
      } else if (number > expected) {
        throw fail(
          `line ${number} is past the ${expected} lines its header announces: the file is cut or altered`
        )
      } else if (number <= 1 + head.lines.records) {
        const record = checked(recordLine, parseLine(line, number, fail), number, fail) as ActivityRecord
        if (!inScope.has(record.repository)) {
          throw fail(
            `line ${number}: a record of ${record.repository}, which the header's scope does not hold`
          )
        }
        const url = new URL(record.url)
        server ??= url.origin
        if (
          url.origin !== server ||
          !url.pathname.toLowerCase().startsWith(`/${record.repository.toLowerCase()}/`)
        ) {
          throw fail(`line ${number}: url: ${record.url} is not an item of ${record.repository} on ${server}`)
        }
        records.push(record)
      } else {
        const { kind: _, ...profile } = checked(profileLine, parseLine(line, number, fail), number, fail)
        profiles[profile.login] = profile
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error
    const err = error as NodeJS.ErrnoException
    if (err.code === 'ENOENT') throw fail('no such file')
    throw fail(err.code?.startsWith('Z_') ? `not a whole gzip file (${err.message})` : err.message)
  }
  if (head === undefined) throw fail('empty')
  if (number !== expected) {
    throw fail(`holds ${number} lines, its header announces ${expected}: the file is cut or altered`)
  }
  // A shard speaks for the people its own records name (and those its config named): never for others'.
  const own = new Set([...loginsIn(records), ...(head.named ?? [])].map(login => login.toLowerCase()))
  const stranger = Object.keys(profiles).find(login => !own.has(login.toLowerCase()))
  if (stranger !== undefined) {
    throw fail(`carries a profile of ${stranger}, whom none of its records name`)
  }

  return {
    path,
    toolVersion: head.tool.version,
    server,
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
      ...(head.named ? { named: head.named } : {}),
      ...(head.emails === 'hidden' ? { emails: 'hidden' as const } : {}),
      ...(head.files && { files: head.files }),
      ...(head.access && { access: head.access })
    }
  }
}

function checked<T extends z.ZodType>(
  schema: T,
  value: unknown,
  number: number,
  fail: (why: string) => Error
): z.output<T> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw fail(`line ${number}: ${firstProblem(parsed.error)}`)
  // As written, not as zod rebuilt it: the keys' order is part of the records file's bytes.
  return value as z.output<T>
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
  return checked(headerLine, first, 1, fail) as RecordsHeader
}

function parseLine(line: string, number: number, fail: (why: string) => Error): unknown {
  try {
    return JSON.parse(line)
  } catch {
    throw fail(`line ${number} is not JSON`)
  }
}

/**
 * Roles as a gathering run keeps them (accessInScope): only of the header's organizations, teams under
 * their own organization, permissions and outside collaborators only on repositories in scope, and
 * those collaborators only with admin or maintain.
 */
function checkRoles(
  head: RecordsHeader,
  access: AccessFacts,
  inScope: Set<string>,
  fail: (why: string) => UsageError
): void {
  const organizations = organizationsOf(head)
  const named = new Set(organizations.map(o => o.toLowerCase()))
  for (const roles of access.organizations) {
    if (!named.has(roles.organization.toLowerCase()))
      throw fail(
        `line 1: the roles of ${roles.organization}, which is not among the header's organizations ` +
          `(${organizations.join(', ')})`
      )
    for (const team of roles.teams) {
      if (!team.slug.toLowerCase().startsWith(`${roles.organization.toLowerCase()}/`))
        throw fail(`line 1: the team ${team.slug} listed under ${roles.organization}`)
      const stray = team.repositories.find(r => !inScope.has(r.repository))
      if (stray)
        throw fail(
          `line 1: the team ${team.slug}'s permission on ${stray.repository}, which the header's scope does not hold`
        )
    }
  }
  for (const c of access.collaborators) {
    if (!inScope.has(c.repository))
      throw fail(`line 1: a collaborator of ${c.repository}, which the header's scope does not hold`)
    if (!KEY_PERMISSIONS.has(c.permission))
      throw fail(
        `line 1: the collaborator ${c.login} of ${c.repository} holds ${c.permission}: only admin and ` +
          'maintain are kept'
      )
  }
}
