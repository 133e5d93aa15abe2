import { packBatches, QUERY_BUDGET } from './batches.js'
import type { GitHubClient } from './client.js'
import {
  GitHubMissingError,
  GitHubTimeoutError,
  halved,
  SMALLEST_REQUEST,
  TIMEOUTS_BEFORE_SHRINKING
} from './errors.js'
import { cursorAfter, type Connection } from './paginate.js'
import { forbiddenFailure, forbiddenList } from './forbidden.js'
import { PRIORITY } from './priority.js'
import { listsDocument, type ListQuery } from './queries/lists.js'

/** One list, to be read from its top (`after: null`) or on from a cursor. */
export interface ListCursor {
  repository: string // owner/name, or the URL of the item the list is of, for labels and errors
  id: string // the node id of what the list hangs off
  after: string | null
}

type PagesData<N> = Record<string, Record<string, Connection<N> | null> | null>

/**
 * The rest of many repositories' lists of one kind, advanced together: each round reads the next page
 * of every list still going, as many lists to a query as the budget allows, so ten repositories' long
 * lists take the requests of one. `onPage` takes each page in turn and says whether its list goes on.
 */
export async function pageLists<N>(
  client: GitHubClient,
  query: ListQuery,
  lists: ListCursor[],
  onPage: (list: ListCursor, nodes: N[]) => boolean,
  variables: object = {}
): Promise<void> {
  let going = lists
  while (going.length > 0) {
    const pages = await readLists<N>(client, query, going, variables)
    going = []
    for (const { list, connection } of pages) {
      if (!onPage(list, connection.nodes) || !connection.pageInfo.hasNextPage) continue
      // Checked where the page was read (fromData).
      going.push({ ...list, after: connection.pageInfo.endCursor })
    }
  }
}

/** One page of each list, as many lists to a query as the budget allows. */
export async function readLists<N>(
  client: GitHubClient,
  query: ListQuery,
  lists: ListCursor[],
  variables: object = {}
): Promise<{ list: ListCursor; connection: Connection<N> }[]> {
  const batches = packBatches(lists, () => LIST_WEIGHT, QUERY_BUDGET)
  const pages = await Promise.all(batches.map(batch => readPages<N>(client, query, batch, variables, 100)))
  return pages.flat().map(({ list, connection }) => {
    if (!connection) throw new Error(`${query.name} of ${list.repository}: GitHub returned no list`)
    return { list, connection }
  })
}

/** Each list costs the node it hangs off and its page: two connection requests at most. */
const LIST_WEIGHT = 2

const labelOf = (query: ListQuery, lists: ListCursor[]) =>
  `${query.name} of ${lists.map(list => list.repository).join(', ')}`

interface ReadOptions<N> {
  /** A list's node gone (deleted since it was listed) gives null for its page rather than failing. */
  goneIsNull?: boolean
  /** The request already on its way for these lists; else it is sent here. */
  sent?: Promise<PagesData<N>>
}

/** The next page of each list. */
async function readPages<N>(
  client: GitHubClient,
  query: ListQuery,
  lists: ListCursor[],
  variables: object,
  first: number,
  { goneIsNull = false, sent }: ReadOptions<N> = {}
): Promise<{ list: ListCursor; connection: Connection<N> | null }[]> {
  let data: PagesData<N>
  try {
    // Once nothing is left to make smaller, the full retry budget applies, as to any request.
    const smaller = lists.length > 1 || first > SMALLEST_REQUEST
    data = await (sent ??
      client.query<PagesData<N>>(listsDocument(query, lists, first), variables, labelOf(query, lists), {
        priority: PRIORITY.lists,
        ...(smaller ? { timeoutRetries: TIMEOUTS_BEFORE_SHRINKING } : {})
      }))
  } catch (error) {
    const label = labelOf(query, lists)
    // Only a list's node itself missing, `r3`: anything deeper is not a deletion of what was listed.
    if (
      goneIsNull &&
      error instanceof GitHubMissingError &&
      error.data &&
      error.onlyGone(path => path.length === 1)
    ) {
      const gone = new Set(error.errors.map(e => String(e.path![0])))
      return fromData(query, lists, error.data as PagesData<N>, gone)
    }
    const forbidden = forbiddenList(error)
    const at = forbidden && lists[Number(/^r(\d+)$/.exec(String(forbidden.path[0]))?.[1])]
    if (forbidden && at) throw forbiddenFailure(at.repository, forbidden.field)
    if (!(error instanceof GitHubTimeoutError)) throw error
    // Too much at once: fewer lists to a query, then smaller pages of a single list.
    if (lists.length > 1) {
      const half = Math.ceil(lists.length / 2)
      client.log.info(`${label}: GitHub timed out on ${lists.length} lists at once; asking for ${half}`)
      const parts = await Promise.all([
        readPages<N>(client, query, lists.slice(0, half), variables, first, { goneIsNull }),
        readPages<N>(client, query, lists.slice(half), variables, first, { goneIsNull })
      ])
      return parts.flat()
    }
    if (first <= SMALLEST_REQUEST) throw error
    client.log.info(`${label}: GitHub timed out on pages of ${first}; asking for ${halved(first)}`)
    return readPages<N>(client, query, lists, variables, halved(first), { goneIsNull })
  }
  return fromData(query, lists, data, new Set())
}

function fromData<N>(
  query: ListQuery,
  lists: ListCursor[],
  data: PagesData<N>,
  gone: Set<string>
): { list: ListCursor; connection: Connection<N> | null }[] {
  return lists.map((list, i) => {
    const node = data[`r${i}`]
    if (!node && gone.has(`r${i}`)) return { list, connection: null }
    const connection = node ? Object.values(node)[0] : null
    if (!connection) throw new Error(`${query.name} of ${list.repository}: GitHub returned no list`)
    if (connection.pageInfo.hasNextPage)
      cursorAfter(`${query.name} of ${list.repository}`, connection.pageInfo, list.after)
    return { list, connection }
  })
}

/**
 * The next page of one list at a time, asked for as answers show that lists go on (a pull request's
 * reviews, an issue's timeline), read many to a request: a page asked for while a request of them waits
 * for a slot joins it. Resolves to null when the list's node is gone (deleted since it was listed).
 */
export function nextPages<N>(
  client: GitHubClient,
  query: ListQuery,
  variables: object = {}
): (list: ListCursor) => Promise<Connection<N> | null> {
  let waiting: ListCursor[] | null = null
  let answers: Promise<{ list: ListCursor; connection: Connection<N> | null }[]>
  return list => {
    if (!list.after)
      return Promise.reject(
        new Error(`${query.name} of ${list.repository}: GitHub gave no cursor for the next page`)
      )
    if (!waiting || waiting.length * LIST_WEIGHT + LIST_WEIGHT > QUERY_BUDGET) {
      const lists: ListCursor[] = (waiting = [])
      const sent = client.queryWhenSent<PagesData<N>>(
        () => {
          // Sent now: what is asked for from here on waits for the next request.
          if (waiting === lists) waiting = null
          return { document: listsDocument(query, lists, 100), variables, label: labelOf(query, lists) }
        },
        { priority: PRIORITY.chain, timeoutRetries: TIMEOUTS_BEFORE_SHRINKING }
      )
      answers = readPages<N>(client, query, lists, variables, 100, { goneIsNull: true, sent })
      // Awaited by each list's caller; a failure meanwhile is not unhandled.
      answers.catch(() => undefined)
    }
    const at = waiting!.push(list) - 1
    return answers.then(pages => pages[at]!.connection)
  }
}
