import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { formatSize, type RecordsCaps } from './caps.js'

const NEWLINE = 0x0a

/**
 * The lines of a gzip file, read as a stream, each scanned once: neither the whole text nor a line
 * joined over and over sits in memory. Past the inflated-size or line-length cap it throws at once.
 */
export async function* gunzippedLines(
  path: string,
  caps: Pick<RecordsCaps, 'inflated' | 'line'>,
  fail: (why: string) => Error
): AsyncGenerator<string> {
  const gunzip = createReadStream(path)
    .on('error', error => gunzip.destroy(error))
    .pipe(createGunzip())
  let pieces: Buffer[] = []
  let pending = 0
  let inflated = 0
  let number = 1
  const tooLong = () =>
    fail(
      `line ${number} is longer than the line-length cap of ${formatSize(caps.line)} ` +
        `(records-caps line=SIZE raises it)`
    )
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    inflated += chunk.length
    if (inflated > caps.inflated) {
      throw fail(
        `inflates past the inflated-size cap of ${formatSize(caps.inflated)} at line ${number} ` +
          `(records-caps inflated=SIZE raises it)`
      )
    }
    let start = 0
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      if (pending + end - start > caps.line) throw tooLong()
      const line =
        pieces.length === 0
          ? chunk.toString('utf8', start, end)
          : Buffer.concat([...pieces, chunk.subarray(start, end)]).toString('utf8')
      pieces = []
      pending = 0
      start = end + 1
      yield line
      number++
    }
    if (start < chunk.length) {
      pending += chunk.length - start
      if (pending > caps.line) throw tooLong()
      pieces.push(chunk.subarray(start))
    }
  }
  if (pending > 0) yield Buffer.concat(pieces).toString('utf8')
}
