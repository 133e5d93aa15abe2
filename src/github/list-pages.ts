import { packBatches, QUERY_BUDGET } from './batches.js'
import type { GitHubClient } from './client.js'
import { GitHubTimeoutError, halved, SMALLEST_REQUEST, TIMEOUTS_BEFORE_SHRINKING } from './errors.js'
import type { Connection } from './paginate.js'
import { forbiddenFailure, forbiddenList } from './forbidden.js'
import { PRIORITY } from './priority.js'
import { listsDocument, type ListQuery } from './queries/lists.js'

/** One repository's list, to be read from its top (`after: null`) or on from a cursor. */
export interface ListCursor {
  repository: string // owner/name, for labels and errors
  id: string // the repository's node id
  after: string | null
}

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
      const after = connection.pageInfo.endCursor
      if (!after)
        throw new Error(`${query.name} of ${list.repository}: GitHub gave no cursor for the next page`)
      going.push({ ...list, after })
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
  // Each list costs the repository node and its page: two connection requests at most.
  const batches = packBatches(lists, () => 2, QUERY_BUDGET)
  return (await Promise.all(batches.map(batch => readPages<N>(client, query, batch, variables, 100)))).flat()
}

async function readPages<N>(
  client: GitHubClient,
  query: ListQuery,
  lists: ListCursor[],
  variables: object,
  first: number
): Promise<{ list: ListCursor; connection: Connection<N> }[]> {
  const label = `${query.name} of ${lists.map(list => list.repository).join(', ')}`
  let data: Record<string, Record<string, Connection<N> | null> | null>
  try {
    // Once nothing is left to make smaller, the full retry budget applies, as to any request.
    const smaller = lists.length > 1 || first > SMALLEST_REQUEST
    data = await client.query(listsDocument(query, lists, first), variables, label, {
      priority: PRIORITY.lists,
      ...(smaller ? { timeoutRetries: TIMEOUTS_BEFORE_SHRINKING } : {})
    })
  } catch (error) {
    const forbidden = forbiddenList(error)
    const at = forbidden && lists[Number(/^r(\d+)$/.exec(String(forbidden.path[0]))?.[1])]
    if (forbidden && at) throw forbiddenFailure(at.repository, forbidden.field)
    if (!(error instanceof GitHubTimeoutError)) throw error
    // Too much at once: fewer lists to a query, then smaller pages of a single list.
    if (lists.length > 1) {
      const half = Math.ceil(lists.length / 2)
      client.log.info(`${label}: GitHub timed out on ${lists.length} lists at once; asking for ${half}`)
      const parts = await Promise.all([
        readPages<N>(client, query, lists.slice(0, half), variables, first),
        readPages<N>(client, query, lists.slice(half), variables, first)
      ])
      return parts.flat()
    }
    if (first <= SMALLEST_REQUEST) throw error
    client.log.info(`${label}: GitHub timed out on pages of ${first}; asking for ${halved(first)}`)
    return readPages<N>(client, query, lists, variables, halved(first))
  }
  return lists.map((list, i) => {
    const repository = data[`r${i}`]
    const connection = repository ? Object.values(repository)[0] : null
    if (!connection) throw new Error(`${query.name} of ${list.repository}: GitHub returned no list`)
    return { list, connection }
  })
}
