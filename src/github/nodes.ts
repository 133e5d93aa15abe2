import type { GitHubClient } from './client.js'
import { GitHubTimeoutError } from './errors.js'
import { PRIORITY } from './priority.js'
import { IDS_PER_NODES_FIELD, nodesDocument, type NodesQuery } from './queries/nodes.js'

/** 502/504 answers tolerated on one batch before it is split in two. */
const TIMEOUTS_PER_BATCH = 2
/** A batch this small that still times out is not too big: GitHub is down, and the run fails. */
const SMALLEST_SPLIT = 10

/**
 * The nodes of `ids`, in order (null where GitHub has none), in one query; a batch that keeps timing
 * out (the query ran too long) is asked again as two halves, down to batches of about ten.
 */
export async function queryNodes<N>(
  client: GitHubClient,
  query: NodesQuery,
  ids: string[],
  label: string,
  variables: object = {},
  priority: number = PRIORITY.details
): Promise<(N | null)[]> {
  const groups: string[][] = []
  for (let i = 0; i < ids.length; i += IDS_PER_NODES_FIELD) groups.push(ids.slice(i, i + IDS_PER_NODES_FIELD))
  let data: Record<string, (N | null)[] | null>
  try {
    data = await client.query<Record<string, (N | null)[] | null>>(
      nodesDocument(query, groups.length),
      { ...variables, ...Object.fromEntries(groups.map((group, i) => [`ids${i}`, group])) },
      label,
      { priority, ...(ids.length > SMALLEST_SPLIT ? { timeoutRetries: TIMEOUTS_PER_BATCH } : {}) }
    )
  } catch (error) {
    if (!(error instanceof GitHubTimeoutError) || ids.length <= SMALLEST_SPLIT) throw error
    const half = Math.ceil(ids.length / 2)
    client.log.info(`${label}: GitHub timed out on ${ids.length} at once; asking for ${half} at a time`)
    const [first, second] = await Promise.all([
      queryNodes<N>(client, query, ids.slice(0, half), label, variables, priority),
      queryNodes<N>(client, query, ids.slice(half), label, variables, priority)
    ])
    return [...first, ...second]
  }
  return groups.flatMap((group, i) => {
    const nodes = data[`n${i}`]
    // Pairing nodes with ids by position: a short list would credit items to the wrong ones.
    if (!nodes || nodes.length !== group.length)
      throw new Error(`${label}: GitHub returned ${nodes?.length ?? 'no'} nodes for ${group.length} ids`)
    return nodes
  })
}
