import { createHash } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { Gathered } from '../records.js'
import { VERSION } from '../version.js'
import {
  type ProfileLine,
  RECORDS_FILE,
  RECORDS_FORMAT,
  RECORDS_FORMAT_VERSION,
  type RecordsHeader
} from './format.js'

// Byte 9 of a gzip header names the operating system; zlib fills in the one it was built for.
const GZIP_OS_BYTE = 9
const GZIP_OS_UNIX = 3
// Level 9 takes twice as long for 4% fewer bytes on records files.
const GZIP_LEVEL = 6
const CHUNK_MIN = 1 << 16
// Well under V8's longest string (2^29 characters), and one batch for most organizations.
const BATCH_CHARS = 1 << 26
const gzipAsync = promisify(gzip)

/** The lines of the records file for records already in canonical order: header, records, profiles. */
export function* recordsFileLines(gathered: Gathered): Generator<string> {
  const profiles = Object.values(gathered.profiles)
  const header: RecordsHeader = {
    format: RECORDS_FORMAT,
    version: RECORDS_FORMAT_VERSION,
    tool: { name: 'electorate', version: VERSION },
    organization: gathered.organization,
    window: { since: gathered.since, until: gathered.until },
    repositories: gathered.repositories,
    stats: gathered.stats,
    warnings: gathered.warnings,
    ...(gathered.deleted ? { deleted: gathered.deleted } : {}),
    emails: gathered.emails ?? 'plain',
    ...(gathered.named?.length ? { named: gathered.named } : {}),
    ...(gathered.files && { files: gathered.files }),
    ...(gathered.access && { access: gathered.access }),
    lines: { records: gathered.records.length, profiles: profiles.length }
  }
  yield JSON.stringify(header)
  for (const record of gathered.records) yield JSON.stringify(record)
  for (const profile of profiles) yield JSON.stringify({ kind: 'profile', ...profile } satisfies ProfileLine)
}

/**
 * Gzip of the lines, one per line. No file name, modification time 0 (zlib's defaults) and a fixed OS
 * byte: the same lines give the same bytes. Deflate runs in one piece on libuv's pool, so the run
 * scores the records while they are compressed.
 */
export async function gzipLines(lines: Iterable<string>, batchChars = BATCH_CHARS): Promise<Buffer> {
  // Joined a batch at a time: a whole big organization's text could pass the longest string V8 allows.
  const parts: Buffer[] = []
  let batch: string[] = []
  let joined = 0
  for (const line of lines) {
    batch.push(line, '\n')
    joined += line.length + 1
    if (joined >= batchChars) {
      parts.push(Buffer.from(batch.join(''), 'utf8'))
      batch = []
      joined = 0
    }
  }
  parts.push(Buffer.from(batch.join(''), 'utf8'))
  const text = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
  const bytes = await gzipAsync(text, {
    level: GZIP_LEVEL,
    // Records compress about thirteen to one: a quarter of the text holds all of it in one output buffer.
    chunkSize: Math.max(CHUNK_MIN, Math.ceil(text.length / 4))
  })
  bytes[GZIP_OS_BYTE] = GZIP_OS_UNIX
  return bytes
}

export async function removeStaleRecords(dir: string): Promise<void> {
  await rm(join(dir, RECORDS_FILE), { force: true })
  await rm(join(dir, RECORDS_FILE + '.partial'), { force: true })
}

/** Writes records.jsonl.gz into dir (which must exist), whole or not at all; records in canonical order. */
export async function writeRecordsFile(
  dir: string,
  gathered: Gathered
): Promise<{ path: string; sha256: string }> {
  const bytes = await gzipLines(recordsFileLines(gathered))
  const path = join(dir, RECORDS_FILE)
  await writeFile(path + '.partial', bytes)
  await rename(path + '.partial', path)
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') }
}
