import type { GitHubClient } from './client.js'
import {
  GitHubMissingError,
  GitHubTimeoutError,
  SMALLEST_REQUEST,
  TIMEOUTS_BEFORE_SHRINKING
} from './errors.js'
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
  const nodes = await queryNodesOrGone<N>(client, query, ids, label, variables)
  return nodes.map((node, i) => {
    if (!node) throw new Error(`${label}: GitHub returned nothing for ${ids[i]}`)
    return node
  })
}

/**
 * As queryNodes, but an id GitHub answers NOT_FOUND for (the item was deleted since it was listed) comes
 * back as null in its place, for the caller to leave out and say so.
 */
export async function queryNodesOrGone<N>(
  client: GitHubClient,
  query: NodesQuery,
  ids: string[],
  label: string,
  variables: object = {}
): Promise<(N | null)[]> {
  const groups: string[][] = []
  for (let i = 0; i < ids.length; i += IDS_PER_NODES_FIELD) groups.push(ids.slice(i, i + IDS_PER_NODES_FIELD))
  let data: Record<string, (N | null)[] | null>
  let gone = new Set<string>()
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
    // Only a node itself missing, `n0.3`: anything deeper is not a deletion of what was listed.
    if (error instanceof GitHubMissingError && error.data && error.onlyGone(path => path.length === 2)) {
      data = error.data as typeof data
      gone = new Set(error.errors.map(e => e.path!.join('.')))
    } else {
      if (!(error instanceof GitHubTimeoutError) || ids.length <= SMALLEST_REQUEST) throw error
      const half = Math.ceil(ids.length / 2)
      client.log.info(`${label}: GitHub timed out on ${ids.length} at once; asking for ${half} at a time`)
      const [first, second] = await Promise.all([
        queryNodesOrGone<N>(client, query, ids.slice(0, half), label, variables),
        queryNodesOrGone<N>(client, query, ids.slice(half), label, variables)
      ])
      return [...first, ...second]
    }
  }
  return groups.flatMap((group, i) => {
    const nodes = data[`n${i}`]
    // Pairing nodes with ids by position: a short list would credit items to the wrong ones.
    if (!nodes || nodes.length !== group.length)
      throw new Error(`${label}: GitHub returned ${nodes?.length ?? 'no'} nodes for ${group.length} ids`)
    return nodes.map((node, j) => {
      if (!node && !gone.has(`n${i}.${j}`))
        throw new Error(`${label}: GitHub returned nothing for ${group[j]}`)
      return node
    })
  })
}
