import type { GitHubClient } from './client.js'
import { GitHubTimeoutError, SMALLEST_REQUEST, TIMEOUTS_BEFORE_SHRINKING } from './errors.js'
import { PRIORITY } from './priority.js'
import { IDS_PER_NODES_FIELD, nodesDocument, type NodesQuery } from './queries/nodes.js'

/**
 * The nodes of `ids`, in order, in one query; a batch that keeps timing out (the query ran too long) is
 * asked again as two halves, down to batches of about ten. An id GitHub has no node for fails the run:
 * the item was counted when listed, and would otherwise be lost unseen.
 */
export async function queryNodes<N>(
  client: GitHubClient,
  query: NodesQuery,
  ids: string[],
  label: string,
  variables: object = {}
): Promise<N[]> {
  const groups: string[][] = []
  for (let i = 0; i < ids.length; i += IDS_PER_NODES_FIELD) groups.push(ids.slice(i, i + IDS_PER_NODES_FIELD))
  let data: Record<string, (N | null)[] | null>
  try {
    data = await client.query<Record<string, (N | null)[] | null>>(
      nodesDocument(query, groups.length),
      { ...variables, ...Object.fromEntries(groups.map((group, i) => [`ids${i}`, group])) },
      label,
      {
        priority: PRIORITY.details,
        ...(ids.length > SMALLEST_REQUEST ? { timeoutRetries: TIMEOUTS_BEFORE_SHRINKING } : {})
      }
    )
  } catch (error) {
    if (!(error instanceof GitHubTimeoutError) || ids.length <= SMALLEST_REQUEST) throw error
    const half = Math.ceil(ids.length / 2)
    client.log.info(`${label}: GitHub timed out on ${ids.length} at once; asking for ${half} at a time`)
    const [first, second] = await Promise.all([
      queryNodes<N>(client, query, ids.slice(0, half), label, variables),
      queryNodes<N>(client, query, ids.slice(half), label, variables)
    ])
    return [...first, ...second]
  }
  return groups.flatMap((group, i) => {
    const nodes = data[`n${i}`]
    // Pairing nodes with ids by position: a short list would credit items to the wrong ones.
    if (!nodes || nodes.length !== group.length)
      throw new Error(`${label}: GitHub returned ${nodes?.length ?? 'no'} nodes for ${group.length} ids`)
    return nodes.map((node, j) => {
      if (!node) throw new Error(`${label}: GitHub returned nothing for ${group[j]}`)
      return node
    })
  })
}
