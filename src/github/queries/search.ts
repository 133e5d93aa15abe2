// A busy repository's pull requests or issues updated in the window, read as many creation-time slices
// side by side: one aliased `search` per slice (`s0`, `s1`, ...), each its own chain of pages.

export interface SearchKind {
  name: string
  /** `is:pr` or `is:issue`. */
  qualifier: string
  /** What each found item brings: its id and `createdAt` at least (the slices are cut by creation time). */
  fields: string
}

export interface SearchSlice {
  /** owner/name */
  repository: string
  /** Creation times, both ends included, as GitHub's ranges; null: open on that side. */
  from: string | null
  to: string | null
  after: string | null
}

export const PULL_REQUEST_SEARCH: SearchKind = {
  name: 'PullRequestSearch',
  qualifier: 'is:pr',
  fields: '... on PullRequest { id number createdAt updatedAt mergedAt }'
}

export const ISSUE_SEARCH: SearchKind = {
  name: 'IssueSearch',
  qualifier: 'is:issue',
  fields: '... on Issue { id number createdAt }'
}

/**
 * Search text for one slice. Creation time never changes, so an item updated while the slices are read
 * stays in its slice (and `updated:>=` still holds it): ordered by creation, no page of a slice shifts.
 */
export function searchText(kind: SearchKind, slice: SearchSlice, updatedSince: string): string {
  return [
    `repo:${slice.repository}`,
    kind.qualifier,
    `updated:>=${updatedSince}`,
    `created:${slice.from ?? '*'}..${slice.to ?? '*'}`,
    'sort:created-asc'
  ].join(' ')
}

export function searchDocument(
  kind: SearchKind,
  slices: SearchSlice[],
  updatedSince: string,
  first: number
): string {
  const fields = slices.map(
    (slice, i) =>
      `s${i}: search(type: ISSUE, query: ${JSON.stringify(searchText(kind, slice, updatedSince))}, first: ${first}, after: ${JSON.stringify(slice.after)}) {
    issueCount
    nodes { ${kind.fields} }
    pageInfo { hasNextPage endCursor }
  }`
  )
  return `query ${kind.name} {
  ${fields.join('\n  ')}
}`
}
