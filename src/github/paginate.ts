import type { GitHubClient } from './client.js'
import { GitHubTimeoutError, halved, SMALLEST_REQUEST, TIMEOUTS_BEFORE_SHRINKING } from './errors.js'
import { PRIORITY } from './priority.js'

export interface PageInfo {
  hasNextPage: boolean
  endCursor: string | null
}

export interface Connection<N> {
  nodes: N[]
  pageInfo: PageInfo
}

export interface ConnectionRequest<N> {
  /** A document taking `$first: Int!` and `$after: String` for the connection it pages. */
  document: string
  variables: object
  label: string
  /** Picks the paged connection out of the response; null (its parent has gone) fails the run. */
  connection: (data: never) => Connection<N> | null | undefined
  first: number
  /** Continue after this cursor (the first page came from a batched query). */
  after?: string | null
  /** Of the pages after a cursor; default PRIORITY.chain. */
  priority?: number
}

/**
 * Every page of one connection, in order. A page that keeps timing out (502/504: the query ran
 * too long) is asked again with half as many items, down to SMALLEST_REQUEST.
 */
export async function* pages<N>(client: GitHubClient, request: ConnectionRequest<N>): AsyncGenerator<N[]> {
  let first = request.first
  let after = request.after ?? null
  for (;;) {
    let data: unknown
    try {
      data = await client.query(
        request.document,
        { ...request.variables, first, after },
        request.label,
        // A page after a cursor is a link in a chain, each waiting for the one before: chains are the
        // critical path, so their pages go before first pages and batches that nothing waits on.
        {
          priority: after === null ? PRIORITY.leaf : (request.priority ?? PRIORITY.chain),
          ...(first > SMALLEST_REQUEST ? { timeoutRetries: TIMEOUTS_BEFORE_SHRINKING } : {})
        }
      )
    } catch (error) {
      if (error instanceof GitHubTimeoutError && first > SMALLEST_REQUEST) {
        const smaller = halved(first)
        client.log.info(`${request.label}: GitHub timed out on pages of ${first}; asking for ${smaller}`)
        first = smaller
        continue
      }
      throw error
    }
    const connection = request.connection(data as never)
    // A list that vanishes or cannot go on would end the items early without an error: fail instead.
    if (!connection) throw new Error(`${request.label}: GitHub returned no list`)
    yield connection.nodes
    if (!connection.pageInfo.hasNextPage) return
    after = cursorAfter(request.label, connection.pageInfo, after)
  }
}

/**
 * Where the page after this one starts. A list GitHub says goes on but gives no cursor for would end
 * early without an error, and one that gives back the cursor just asked with would never end the run:
 * both fail it.
 */
export function cursorAfter(label: string, pageInfo: PageInfo, asked: string | null): string {
  if (!pageInfo.endCursor) throw new Error(`${label}: GitHub gave no cursor for the next page`)
  if (pageInfo.endCursor === asked)
    throw new Error(`${label}: GitHub gave the same cursor again for the next page`)
  return pageInfo.endCursor
}

/** Every node of one connection. */
export async function allNodes<N>(client: GitHubClient, request: ConnectionRequest<N>): Promise<N[]> {
  const nodes: N[] = []
  for await (const page of pages(client, request)) nodes.push(...page)
  return nodes
}
