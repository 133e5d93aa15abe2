// `nodes(ids:)` takes at most 100 ids. A batch that the query budget allows to be larger is sent as
// several aliased `nodes` fields, `n0`, `n1`, ..., in one query.

export interface NodesQuery {
  name: string
  /** Selection on each node, e.g. `... on PullRequest { id url }`. */
  selection: string
  /** Fragments the selection uses. */
  fragments: string
  /** Variables besides the ids, e.g. `$since: DateTime!`. */
  variables?: string
}

export const IDS_PER_NODES_FIELD = 100

export function nodesDocument(query: NodesQuery, groups: number): string {
  const ids = Array.from({ length: groups }, (_, i) => `$ids${i}: [ID!]!`)
  const fields = Array.from({ length: groups }, (_, i) => `n${i}: nodes(ids: $ids${i}) {${query.selection}}`)
  return `query ${query.name}(${[...ids, ...(query.variables ? [query.variables] : [])].join(', ')}) {
  ${fields.join('\n  ')}
}
${query.fragments}`
}
