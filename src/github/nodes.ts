import type { GitHubClient } from './client.js'
import { PRIORITY } from './priority.js'
import { IDS_PER_NODES_FIELD, nodesDocument, type NodesQuery } from './queries/nodes.js'

/** The nodes of `ids`, in order, in one query (null where GitHub has none). */
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
  const data = await client.query<Record<string, (N | null)[]>>(
    nodesDocument(query, groups.length),
    { ...variables, ...Object.fromEntries(groups.map((group, i) => [`ids${i}`, group])) },
    label,
    { priority }
  )
  return groups.flatMap((_, i) => data[`n${i}`] ?? [])
}
