// The next pages of many lists of one kind in one query, aliased `r0`, `r1`, ...: each alias has its own
// cursor, so lists of different lengths go on side by side.

export interface ListQuery {
  name: string
  /** The type the lists hang off; default Repository. */
  on?: string
  /** The list's field for one page, e.g. `pullRequests(first: 100, after: "...") {...}`; `after` may be `null`. */
  field: (first: number, after: string) => string
  /** Variables the field uses, with their types, e.g. `$since: DateTime!`. */
  variables?: string
  /** Fragments the field spreads. */
  fragments?: string
}

export function listsDocument(
  query: ListQuery,
  lists: { id: string; after: string | null }[],
  first: number
): string {
  const fields = lists.map(
    (list, i) =>
      `r${i}: node(id: ${JSON.stringify(list.id)}) { ... on ${query.on ?? 'Repository'} { ${query.field(first, JSON.stringify(list.after))} } }`
  )
  return `query ${query.name}${query.variables ? `(${query.variables})` : ''} {
  ${fields.join('\n  ')}
}${query.fragments ?? ''}`
}

/** Ids of pull requests, most recently updated first: the listing pages on until they are older than the window. */
export const PULL_REQUEST_LISTS: ListQuery = {
  name: 'PullRequestLists',
  field: (first, after) =>
    `pullRequests(first: ${first}, after: ${after}, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { id number updatedAt mergedAt }
      pageInfo { hasNextPage endCursor }
    }`
}

/** Ids of issues updated since the window began, in creation order, where an update does not move them. */
export const ISSUE_LISTS: ListQuery = {
  name: 'IssueLists',
  variables: '$since: DateTime!',
  field: (first, after) =>
    `issues(first: ${first}, after: ${after}, filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes { id number }
      pageInfo { hasNextPage endCursor }
    }`
}
