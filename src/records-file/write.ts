import { createHash } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { constants, gzipSync } from 'node:zlib'
import type { Gathered } from '../records.js'
import { VERSION } from '../version.js'
import {
  type ProfileLine,
  RECORDS_FILE,
  RECORDS_FORMAT,
  RECORDS_FORMAT_VERSION,
  type RecordsHeader
} from './format.js'
import { inCanonicalOrder } from './order.js'

// Byte 9 of a gzip header names the operating system; zlib fills in the one it was built for.
const GZIP_OS_BYTE = 9
const GZIP_OS_UNIX = 3

/** The records file's text: header, records, profiles, one JSON value per line. */
export function recordsFileText(gathered: Gathered): string {
  const ordered = inCanonicalOrder(gathered)
  const profiles = Object.values(ordered.profiles).map(profile =>
    JSON.stringify({ kind: 'profile', ...profile } satisfies ProfileLine)
  )
  const header: RecordsHeader = {
    format: RECORDS_FORMAT,
    version: RECORDS_FORMAT_VERSION,
    tool: { name: 'electorate', version: VERSION },
    organization: ordered.organization,
    window: { since: ordered.since, until: ordered.until },
    repositories: ordered.repositories,
    stats: ordered.stats,
    warnings: ordered.warnings,
    lines: { records: ordered.lines.length, profiles: profiles.length }
  }
  return [JSON.stringify(header), ...ordered.lines, ...profiles].join('\n') + '\n'
}

/** Gzip with no file name and modification time 0 (zlib's defaults), and a fixed OS byte: same text, same bytes. */
export function gzipRecords(text: string): Buffer {
  const bytes = gzipSync(Buffer.from(text, 'utf8'), { level: constants.Z_BEST_COMPRESSION })
  bytes[GZIP_OS_BYTE] = GZIP_OS_UNIX
  return bytes
}

export async function removeStaleRecords(dir: string): Promise<void> {
  await rm(join(dir, RECORDS_FILE), { force: true })
  await rm(join(dir, RECORDS_FILE + '.partial'), { force: true })
}

/** Writes records.jsonl.gz into dir (which must exist), whole or not at all. */
export async function writeRecordsFile(
  dir: string,
  gathered: Gathered
): Promise<{ path: string; sha256: string }> {
  const bytes = gzipRecords(recordsFileText(gathered))
  const path = join(dir, RECORDS_FILE)
  await writeFile(path + '.partial', bytes)
  await rename(path + '.partial', path)
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') }
}
