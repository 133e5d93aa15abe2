import { FakeGitHubError } from './errors.js'

export interface ConnectionArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
  skip?: number | null
}

export interface Edge<T> {
  cursor: string
  node: T
  /** Fields of the edge itself (`role`, `permission`), served as they are. */
  extra?: Record<string, unknown>
}

export interface PageInfo {
  hasNextPage: boolean
  hasPreviousPage: boolean
  startCursor: string | null
  endCursor: string | null
}

/** What every `...Connection` type resolves from; extra counts (issueCount) ride along in `extra`. */
export interface ConnectionView<T> {
  __connection: true
  totalCount: number
  /** Items left once `after`/`before` are applied. */
  filteredCount: number
  edges: Edge<T>[]
  pageInfo: PageInfo
  extra?: Record<string, unknown>
}

// A cursor names an item of its list and that item's position. Like GitHub's, which encode the item's sort
// key and id, no two pages' cursors are the same text: the benchmark's critical path follows each cursor
// back to the one answer that gave it, and a "position 99" shared by every list would tie requests to the
// wrong answers. The item is found again where it now is, so an item deleted before it (or moved) shifts
// no page, as with GitHub's; an item made afresh for each answer is found by its position.
let pagesServed = 0
const itemKeys = new WeakMap<object, number>()
let keysGiven = 0
function keyOf(item: unknown): number {
  if (typeof item !== 'object' || item === null) return 0
  let key = itemKeys.get(item)
  if (key === undefined) itemKeys.set(item, (key = ++keysGiven))
  return key
}
const encodeCursor = (position: number, page: number, item: unknown): string =>
  Buffer.from(`cursor:v2:${position}:${page}:${keyOf(item)}`).toString('base64')

function decodeCursor(cursor: string, all: readonly unknown[]): number {
  const match = /^cursor:v2:(\d+)(?::\d+)?(?::(\d+))?$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))
  const position = match ? Number(match[1]) : NaN
  const key = Number(match?.[2] ?? 0)
  if (key !== 0 && keyOf(all[position]) !== key) {
    const now = all.findIndex(item => typeof item === 'object' && item !== null && itemKeys.get(item) === key)
    if (now !== -1) return now
  }
  if (!Number.isSafeInteger(position) || position >= all.length + 1)
    throw new FakeGitHubError(
      `\`${cursor}\` does not appear to be a valid cursor.`,
      'INVALID_CURSOR_ARGUMENTS'
    )
  return position
}

/** Relay slicing over an already filtered and ordered list; the query checks have vetted first/last. */
export function paginate<T>(
  all: readonly T[],
  args: ConnectionArgs,
  edgeFields?: (node: T) => Record<string, unknown>
): ConnectionView<T> {
  let start = args.after ? decodeCursor(args.after, all) + 1 : 0
  let end = args.before ? Math.min(decodeCursor(args.before, all), all.length) : all.length
  start = Math.min(start + (args.skip ?? 0), all.length)
  end = Math.max(end, start)
  const filteredCount = end - start
  let from = start
  let to = end
  if (args.first != null) to = Math.min(to, from + args.first)
  if (args.last != null) from = Math.max(from, to - args.last)
  if (args.first == null && args.last == null) to = from
  const page = ++pagesServed
  const edges = all.slice(from, to).map((node, i) => ({
    cursor: encodeCursor(from + i, page, node),
    node,
    ...(edgeFields && { extra: edgeFields(node) })
  }))
  return {
    __connection: true,
    totalCount: all.length,
    filteredCount,
    edges,
    pageInfo: {
      hasNextPage: to < end,
      hasPreviousPage: from > start,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null
    }
  }
}
