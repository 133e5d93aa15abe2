import type { ActivityRecord } from '../records.js'

/** One repository's records of one kind: a stretch of the records file, its lines once encoded. */
interface Stretch {
  records: readonly ActivityRecord[]
  lines?: Buffer
}

/**
 * The records file's lines, made while gathering still waits on GitHub: each repository's records are
 * encoded once gathering has them final (sorted, addresses hidden where they must be), one stretch per
 * turn of the event loop so that answers keep being read. After the last answer only what finished last
 * is left to encode (on the huge world a third of a second less after the last answer).
 *
 * A stretch is used only for exactly the records it was made from, the same objects in the same order:
 * records changed, added or dropped since are encoded when the file is written, as without this.
 */
export class LinesAhead {
  private readonly stretches = new Map<ActivityRecord, Stretch>()
  private readonly waiting: Stretch[] = []
  private encoding = false

  /** Records of one repository, final and in canonical order. */
  add(records: readonly ActivityRecord[]): void {
    for (let from = 0; from < records.length;) {
      const to = stretchEnd(records, from)
      const stretch: Stretch = { records: records.slice(from, to) }
      this.stretches.set(records[from]!, stretch)
      this.waiting.push(stretch)
      from = to
    }
    if (!this.encoding) this.encodeNext()
  }

  /** The lines of records[from, to), or undefined if they were not added as one stretch. Handed out once. */
  take(records: readonly ActivityRecord[], from: number, to: number): Buffer | undefined {
    const stretch = this.stretches.get(records[from]!)
    if (!stretch || stretch.records.length !== to - from) return undefined
    for (let i = from; i < to; i++) if (records[i] !== stretch.records[i - from]) return undefined
    // Dropped once taken: 94 MB of lines on the huge world are not held while the electorate is scored.
    this.stretches.delete(records[from]!)
    return (stretch.lines ??= linesOf(stretch.records))
  }

  private encodeNext(): void {
    this.encoding = true
    setImmediate(() => {
      const stretch = this.waiting.shift()
      if (!stretch) {
        this.encoding = false
        return
      }
      if (this.stretches.get(stretch.records[0]!) === stretch) stretch.lines ??= linesOf(stretch.records)
      this.encodeNext()
    })
  }
}

/** Where the stretch that starts at `from` ends: the next record of another repository or kind. */
export function stretchEnd(records: readonly ActivityRecord[], from: number): number {
  const { repository, kind } = records[from]!
  let to = from + 1
  while (to < records.length && records[to]!.repository === repository && records[to]!.kind === kind) to++
  return to
}

function linesOf(records: readonly ActivityRecord[]): Buffer {
  let text = ''
  for (const record of records) text += JSON.stringify(record) + '\n'
  return Buffer.from(text)
}
