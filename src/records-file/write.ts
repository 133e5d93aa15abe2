import { createHash } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { Gathered } from '../records.js'
import { VERSION } from '../version.js'
import { type LinesAhead, stretchEnd } from './lines-ahead.js'
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
const GZIP_OUTPUT_CHUNK_MIN = 1 << 16
const PIECE_BYTES = 1 << 23
const gzipAsync = promisify(gzip)

/**
 * The lines of the records file for records already in canonical order: header, records, profiles. The
 * records' lines come from `ahead` where it made them for exactly these records, as one Buffer a stretch.
 */
export function* recordsFileLines(gathered: Gathered, ahead?: LinesAhead): Generator<string | Buffer> {
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
  const { records } = gathered
  if (!ahead) for (const record of records) yield JSON.stringify(record)
  else
    for (let from = 0; from < records.length;) {
      const to = stretchEnd(records, from)
      const lines = ahead.take(records, from, to)
      if (lines) yield lines
      else for (let i = from; i < to; i++) yield JSON.stringify(records[i])
      from = to
    }
  for (const profile of profiles) yield JSON.stringify({ kind: 'profile', ...profile } satisfies ProfileLine)
}

/**
 * Gzip of the lines: a string is one line, a Buffer whole lines already encoded, each ending in a newline.
 * No file name, modification time 0 (zlib's defaults) and a fixed OS byte: the same lines give the same
 * bytes, however they are cut into pieces. Deflate runs in one piece on libuv's pool, so the run scores
 * the records meanwhile.
 */
export async function gzipLines(lines: Iterable<string | Buffer>, pieceBytes = PIECE_BYTES): Promise<Buffer> {
  // Encoded line by line into pieces: one string of a big organization's whole text would pass the
  // longest string V8 allows, and joining it first, then encoding it, took a quarter longer (94 MB).
  const pieces: Buffer[] = []
  let piece = Buffer.allocUnsafe(pieceBytes)
  let start = 0
  let used = 0
  for (const line of lines) {
    if (typeof line !== 'string') {
      if (used > start) pieces.push(piece.subarray(start, used))
      pieces.push(line)
      start = used
      continue
    }
    const bytes = Buffer.byteLength(line) + 1
    if (used + bytes > piece.length) {
      pieces.push(piece.subarray(start, used))
      piece = Buffer.allocUnsafe(Math.max(pieceBytes, bytes))
      start = used = 0
    }
    used += piece.write(line, used)
    piece[used++] = NEWLINE
  }
  pieces.push(piece.subarray(start, used))
  const text = Buffer.concat(pieces)
  // One input and an output buffer that holds all of it: zlib then deflates in one task on the pool. Fed
  // piece by piece through a stream, it came back to this thread after each piece and output buffer, and
  // waited there while scoring kept the thread busy: on the huge world the run then idled 0.45 s at the
  // end for the last pieces. Records compress about thirteen to one, so a quarter of the text suffices.
  const bytes = await gzipAsync(text, {
    level: GZIP_LEVEL,
    chunkSize: Math.max(GZIP_OUTPUT_CHUNK_MIN, Math.ceil(text.length / 4))
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
  gathered: Gathered,
  ahead?: LinesAhead
): Promise<{ path: string; sha256: string }> {
  const bytes = await gzipLines(recordsFileLines(gathered, ahead))
  const path = join(dir, RECORDS_FILE)
  await writeFile(path + '.partial', bytes)
  await rename(path + '.partial', path)
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') }
}
