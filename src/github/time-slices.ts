import type { GitHubClient } from './client.js'
import { GitHubTimeoutError, halved, SMALLEST_REQUEST, TIMEOUTS_BEFORE_SHRINKING } from './errors.js'
import type { Connection } from './paginate.js'
import { PRIORITY } from './priority.js'
import { searchDocument, type SearchKind, type SearchSlice } from './queries/search.js'
import type { Window } from './window-edges.js'

// A busy repository's list of pull requests or issues is one chain of pages, as long as the repository is
// busy: Kubernetes' 10,000 pull requests a year would be a hundred pages in a row. Read instead as slices
// of creation time, side by side, each slice is cut until it fits in about one page, so the chain is a few
// rounds long whatever the size of the repository.

/** Search never reaches past its 1,000th result: a slice that holds more is cut, never paged. */
const SEARCH_CAP = 1000
const PAGE = 100
/** Slices are cut to hold about half a page, so that nearly all end in their first page. */
const PER_SLICE = 50
/** Aliased searches per query: each is one connection request of up to 100 small items. */
const SLICES_PER_QUERY = 50
/** Items created this long before the window and updated in it fall in the first slice, open below. */
const LEAD_MS = 90 * 86_400_000
const SECOND = 1000

/** A list expected to hold more items than this is cut in time slices; a few pages in a row are no chain. */
export const SPLIT_ABOVE = 400

export interface SplitList {
  /** owner/name */
  repository: string
  /**
   * Items in the list (updated since the window began), when known: how finely to cut at first. Unknown,
   * one slice over all time is read first, and its count of results tells.
   */
  estimate: number | null
}

interface Found {
  id: string
  createdAt: string
}

interface SearchConnection<N> extends Connection<N> {
  issueCount: number
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

/**
 * Every item of each list updated since the window began, each handed to `onNodes` once: slices by
 * creation time read side by side; a slice that holds more than its first page is cut again from where
 * its first page ended, in pieces of about PER_SLICE items, until each fits (a single second that holds
 * more than a page is paged on). Neighbouring slices share their edge second, so an item on it is asked
 * for twice and handed on once.
 */
export async function readTimeSlices<N extends Found>(
  client: GitHubClient,
  kind: SearchKind,
  lists: SplitList[],
  window: Window,
  onNodes: (repository: string, nodes: N[]) => void
): Promise<void> {
  const updatedSince = iso(window.since.getTime())
  const seen = new Set<string>()
  let going = lists.flatMap(list =>
    cut(
      list.repository,
      null,
      null,
      window.since.getTime() - LEAD_MS,
      window.until.getTime(),
      list.estimate ?? 0
    )
  )
  while (going.length > 0) {
    const answers = (
      await Promise.all(batches(going).map(batch => searchSlices<N>(client, kind, batch, updatedSince)))
    ).flat()
    going = []
    for (const { slice, connection } of answers) {
      const fresh = connection.nodes.filter(node => !seen.has(node.id))
      for (const node of fresh) seen.add(node.id)
      onNodes(slice.repository, fresh)
      if (!connection.pageInfo.hasNextPage) continue
      going.push(...rest(slice, connection, window))
    }
  }
}

/** What is left of a slice after a page that did not end it: the rest of its time cut in pieces, or its next page. */
function rest<N extends Found>(
  slice: SearchSlice,
  connection: SearchConnection<N>,
  window: Window
): SearchSlice[] {
  const last = connection.nodes.at(-1)
  if (!last) throw new Error(`search of ${slice.repository}: GitHub said more items follow but gave none`)
  const from = Date.parse(last.createdAt)
  const to = slice.to === null ? null : Date.parse(slice.to)
  if (to === null || to > from) {
    const left = connection.issueCount - connection.nodes.length
    const end = Math.max(to ?? window.until.getTime(), from + SECOND)
    const pieces = cut(slice.repository, iso(from), slice.to, from, end, left)
    // Narrower than the slice: its first page ended past where it began, or it was cut in two or more.
    if (pieces.length > 1 || pieces[0]!.from !== slice.from) return pieces
  }
  // A page all of one second, or of an open end that cannot be cut finer: only paging reads it, and only
  // up to search's cap.
  if (connection.issueCount >= SEARCH_CAP)
    throw new Error(
      `search of ${slice.repository}: ${connection.issueCount} items created from ${last.createdAt} on, more than GitHub's search returns`
    )
  const after = connection.pageInfo.endCursor
  if (!after) throw new Error(`search of ${slice.repository}: GitHub gave no cursor for the next page`)
  return [{ ...slice, after }]
}

/**
 * [from, to] (null: open) cut into pieces of about PER_SLICE of `items`, at whole seconds between `start`
 * and `end`; each piece ends on the second the next one begins at.
 */
function cut(
  repository: string,
  from: string | null,
  to: string | null,
  start: number,
  end: number,
  items: number
): SearchSlice[] {
  const seconds = Math.floor((end - start) / SECOND)
  const pieces = Math.max(1, Math.min(Math.ceil(items / PER_SLICE), seconds))
  const edges = Array.from({ length: pieces - 1 }, (_, i) =>
    iso(start + Math.floor((seconds * (i + 1)) / pieces) * SECOND)
  )
  const starts = [from, ...edges]
  const ends = [...edges, to]
  return starts.map((pieceFrom, i) => ({ repository, from: pieceFrom, to: ends[i]!, after: null }))
}

function batches(slices: SearchSlice[]): SearchSlice[][] {
  const out: SearchSlice[][] = []
  for (let i = 0; i < slices.length; i += SLICES_PER_QUERY) out.push(slices.slice(i, i + SLICES_PER_QUERY))
  return out
}

async function searchSlices<N>(
  client: GitHubClient,
  kind: SearchKind,
  slices: SearchSlice[],
  updatedSince: string,
  first = PAGE
): Promise<{ slice: SearchSlice; connection: SearchConnection<N> }[]> {
  const repositories = [...new Set(slices.map(slice => slice.repository))].join(', ')
  const label = `${kind.name} of ${repositories} (${slices.length} time slices)`
  let data: Record<string, SearchConnection<N> | null>
  try {
    // Once nothing is left to make smaller, the full retry budget applies, as to any request.
    const smaller = slices.length > 1 || first > SMALLEST_REQUEST
    data = await client.query(searchDocument(kind, slices, updatedSince, first), {}, label, {
      priority: PRIORITY.lists,
      ...(smaller ? { timeoutRetries: TIMEOUTS_BEFORE_SHRINKING } : {})
    })
  } catch (error) {
    if (!(error instanceof GitHubTimeoutError)) throw error
    // Too much at once: fewer slices to a query, then smaller pages of a single slice.
    if (slices.length > 1) {
      const half = Math.ceil(slices.length / 2)
      client.log.info(`${label}: GitHub timed out on ${slices.length} slices at once; asking for ${half}`)
      const parts = await Promise.all([
        searchSlices<N>(client, kind, slices.slice(0, half), updatedSince, first),
        searchSlices<N>(client, kind, slices.slice(half), updatedSince, first)
      ])
      return parts.flat()
    }
    if (first <= SMALLEST_REQUEST) throw error
    client.log.info(`${label}: GitHub timed out on pages of ${first}; asking for ${halved(first)}`)
    return searchSlices<N>(client, kind, slices, updatedSince, halved(first))
  }
  return slices.map((slice, i) => {
    const connection = data[`s${i}`]
    if (!connection) throw new Error(`${label}: GitHub returned no search results`)
    return { slice, connection }
  })
}
