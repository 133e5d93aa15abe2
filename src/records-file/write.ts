import { createHash } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
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
const NEWLINE = 0x0a
// Records compress about thirteen to one: output comes in few pieces.
const GZIP_OUTPUT_CHUNK = 1 << 20
// Lines are encoded into pieces of this size, each handed to deflate as soon as it is full.
const PIECE_BYTES = 1 << 23

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
 * byte: the same lines give the same bytes, however they are cut into pieces. Each piece is deflated on
 * libuv's pool while the next lines are encoded here, and the run scores the records meanwhile.
 */
export async function gzipLines(lines: Iterable<string>, pieceBytes = PIECE_BYTES): Promise<Buffer> {
  const gzip = createGzip({ level: GZIP_LEVEL, chunkSize: GZIP_OUTPUT_CHUNK })
  const output: Buffer[] = []
  gzip.on('data', (chunk: Buffer) => output.push(chunk))
  const ended = finished(gzip, { writable: false })
  // Encoded line by line into pieces: one string of a big organization's whole text would pass the
  // longest string V8 allows, and joining it first, then encoding it, took a quarter longer (94 MB).
  let piece = Buffer.allocUnsafe(pieceBytes)
  let used = 0
  for (const line of lines) {
    const bytes = Buffer.byteLength(line) + 1
    if (used + bytes > piece.length) {
      gzip.write(piece.subarray(0, used))
      piece = Buffer.allocUnsafe(Math.max(pieceBytes, bytes))
      used = 0
    }
    used += piece.write(line, used)
    piece[used++] = NEWLINE
  }
  gzip.end(piece.subarray(0, used))
  await ended
  const bytes = output.length === 1 ? output[0]! : Buffer.concat(output)
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
