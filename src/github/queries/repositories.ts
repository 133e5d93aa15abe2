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
        number
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
        number
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`

/** The organization's repositories, a page of `selection` each, in name order. */
function organizationListing(name: string, extraVariables: string, selection: string): string {
  return /* GraphQL */ `
  query ${name}(
    $login: String!
    $first: Int!
    $after: String
    $isFork: Boolean
    $isArchived: Boolean
    $privacy: RepositoryPrivacy
    ${extraVariables}
  ) {
    organization(login: $login) {
      # As GitHub spells it, which the outputs write, whatever the case it was asked in.
      login
      # Forks, archived and private repositories are left out by GitHub (a null argument filters
      # nothing), so their pull requests and issues are never asked for.
      repositories(
        first: $first
        after: $after
        isFork: $isFork
        isArchived: $isArchived
        privacy: $privacy
        orderBy: { field: NAME, direction: ASC }
      ) {
        nodes {
          ${selection}
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`
}

export const ORGANIZATION_REPOSITORIES =
  organizationListing(
    'OrganizationRepositories',
    '$since: GitTimestamp!, $until: GitTimestamp!, $updatedSince: DateTime!',
    '...RepositoryOverview'
  ) + REPOSITORY_OVERVIEW

/** The listing's names alone, to name the repository at a place of a page whose answer left it null. */
export const ORGANIZATION_REPOSITORY_NAMES = organizationListing(
  'OrganizationRepositoryNames',
  '',
  'nameWithOwner'
)

/**
 * One aliased `repository(owner:, name:)` per explicitly named repository (`r0`, `r1`, ...), and one
 * `repositoryOwner(login:)` per organization given (`o0`, `o1`, ...): its spelling, and whether GitHub
 * knows it. An owner, not an organization: named repositories may be a personal account's.
 */
export function namedRepositories(
  names: { owner: string; name: string }[],
  organizations: string[] = []
): string {
  const fields = [
    ...names.map(
      ({ owner, name }, i) =>
        `r${i}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { ...RepositoryOverview }`
    ),
    ...organizations.map((login, i) => `o${i}: repositoryOwner(login: ${JSON.stringify(login)}) { login }`)
  ]
  // Organizations alone when every repository named is excluded: nothing then uses the window.
  if (names.length === 0) return `query NamedOrganizations {\n    ${fields.join('\n    ')}\n  }\n`
  return /* GraphQL */ `
  query NamedRepositories($since: GitTimestamp!, $until: GitTimestamp!, $updatedSince: DateTime!) {
    ${fields.join('\n    ')}
  }
  ${REPOSITORY_OVERVIEW}
`
}
