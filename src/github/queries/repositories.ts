// The repository listing doubles as a cheap probe: it sizes each repository's history and lists
// the ids of the pull requests and issues updated lately, one connection request per repository.
export const REPOSITORY_OVERVIEW = /* GraphQL */ `
  fragment RepositoryOverview on Repository {
    id
    nameWithOwner
    isArchived
    isFork
    isPrivate
    defaultBranchRef {
      name
      target {
        ... on Commit {
          history(since: $since, until: $until) {
            totalCount
          }
        }
      }
    }
    pullRequests(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes {
        id
        updatedAt
        mergedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    # Creation order: an issue updated while the list is paged keeps its place, so no page skips it.
    issues(first: 100, filterBy: { since: $updatedSince }, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`

export const ORGANIZATION_REPOSITORIES = /* GraphQL */ `
  query OrganizationRepositories(
    $login: String!
    $first: Int!
    $after: String
    $since: GitTimestamp!
    $until: GitTimestamp!
    $updatedSince: DateTime!
  ) {
    organization(login: $login) {
      repositories(first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
        nodes {
          ...RepositoryOverview
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
  ${REPOSITORY_OVERVIEW}
`

/** One aliased `repository(owner:, name:)` per explicitly named repository (`r0`, `r1`, ...). */
export function namedRepositories(names: { owner: string; name: string }[]): string {
  const fields = names.map(
    ({ owner, name }, i) =>
      `r${i}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { ...RepositoryOverview }`
  )
  return /* GraphQL */ `
  query NamedRepositories($since: GitTimestamp!, $until: GitTimestamp!, $updatedSince: DateTime!) {
    ${fields.join('\n    ')}
  }
  ${REPOSITORY_OVERVIEW}
`
}
