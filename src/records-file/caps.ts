import { UsageError } from '../options.js'

// A records file may come from another job's artifact: a few kilobytes of gzip can inflate to gigabytes.
// Each file is read against three caps, far above what a real organization needs: a year of an
// organization thirty times the size of Kata Containers is about 300,000 records and 150 MiB of text,
// its longest line (the header, or a pull request of 3,000 files) under 1 MiB.

export interface RecordsCaps {
  /** Bytes of text a file may inflate to. */
  inflated: number
  /** Bytes one line may hold. */
  line: number
  /** Record and profile lines a file may hold. */
  records: number
}

export const DEFAULT_RECORDS_CAPS: RecordsCaps = {
  inflated: 2 * 1024 ** 3,
  line: 16 * 1024 ** 2,
  records: 4_000_000
}

const UNITS: Record<string, number> = { '': 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }

/** `inflated=4GiB,line=32MiB,records=8000000`: the caps named, the others at their defaults. */
export function parseRecordsCaps(text: string | undefined): RecordsCaps {
  const caps = { ...DEFAULT_RECORDS_CAPS }
  for (const part of (text ?? '').split(/[\s,]+/).filter(p => p !== '')) {
    const match = /^(inflated|line|records)=(\d+)(|kib|mib|gib)$/i.exec(part)
    const value = match && Number(match[2]) * UNITS[match[3]!.toLowerCase()]!
    if (!match || !Number.isSafeInteger(value) || value! < 1 || (match[1] === 'records' && match[3] !== '')) {
      throw new UsageError(
        `records-caps: expected inflated=SIZE, line=SIZE or records=COUNT (SIZE in bytes, or with KiB, MiB ` +
          `or GiB), got "${part}"`
      )
    }
    caps[match[1]!.toLowerCase() as keyof RecordsCaps] = value!
  }
  return caps
}

/** A cap as a person reads it: 16 MiB, 2 GiB, 1000 bytes. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024]
  ] as const)
    if (bytes % size === 0) return `${bytes / size} ${unit}`
  return `${bytes} bytes`
}
