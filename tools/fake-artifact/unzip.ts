import { crc32, inflateRawSync } from 'node:zlib'

// Just enough of the zip format to read back what @actions/artifact uploads: entries stored or
// deflated, no zip64, no encryption. Anything else is an error, never a silently wrong file.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50
const LOCAL_FILE_HEADER = 0x04034b50
const STORED = 0
const DEFLATED = 8

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, zip.length - 22 - 0xffff)
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at
  }
  throw new Error('not a zip: no end of central directory record')
}

/** The files of a zip, by their path inside it; directory entries are left out. */
export function unzip(zip: Buffer): Record<string, Buffer> {
  const end = endOfCentralDirectory(zip)
  const entries = zip.readUInt16LE(end + 10)
  const directoryOffset = zip.readUInt32LE(end + 16)
  if (entries === 0xffff || directoryOffset === 0xffffffff)
    throw new Error('zip64 archives are not supported')

  const files: Record<string, Buffer> = {}
  let at = directoryOffset
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY)
      throw new Error(`zip: bad central directory entry ${i}`)
    const flags = zip.readUInt16LE(at + 8)
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const compressedSize = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const localOffset = zip.readUInt32LE(at + 42)
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + extraLength + commentLength

    if (name.endsWith('/')) continue
    if (flags & 0x1) throw new Error(`zip: ${name} is encrypted`)
    if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER)
      throw new Error(`zip: bad local header for ${name}`)
    // The local header's own name and extra lengths may differ from the central directory's.
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28)
    const data = zip.subarray(dataStart, dataStart + compressedSize)
    let content: Buffer
    if (method === STORED) content = Buffer.from(data)
    else if (method === DEFLATED) content = inflateRawSync(data)
    else throw new Error(`zip: ${name} uses compression method ${method}`)

    if (content.length !== size) throw new Error(`zip: ${name} is ${content.length} bytes, expected ${size}`)
    if (crc32(content) !== crc) throw new Error(`zip: ${name} fails its CRC-32 check`)
    files[name] = content
  }
  return files
}
