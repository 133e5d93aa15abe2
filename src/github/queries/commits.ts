import { PROFILE_EMAIL } from './actor.js'

// Default-branch history. `authors` lists the git author and every Co-authored-by trailer as
// GitHub resolves them; `parents { totalCount }` tells merge commits apart.
const AUTHORS_FIRST = 10

const COMMIT_AUTHOR_FIELDS = /* GraphQL */ `
  fragment CommitAuthorFields on GitActor {
    name
    email
    user {
      login
      name
      ${PROFILE_EMAIL}
    }
  }
`

export const COMMIT_FIELDS = /* GraphQL */ `
  fragment CommitFields on Commit {
    id
    oid
    url
    committedDate
    message
    parents {
      totalCount
    }
    authors(first: ${AUTHORS_FIRST}) {
      nodes {
        ...CommitAuthorFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${COMMIT_AUTHOR_FIELDS}
`

export const COMMIT_HISTORY = /* GraphQL */ `
  query CommitHistory(
    $repository: ID!
    $since: GitTimestamp!
    $until: GitTimestamp!
    $first: Int!
    $after: String
  ) {
    node(id: $repository) {
      ... on Repository {
        defaultBranchRef {
          target {
            ... on Commit {
              history(first: $first, after: $after, since: $since, until: $until) {
                nodes {
                  ...CommitFields
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          }
        }
      }
    }
  }
  ${COMMIT_FIELDS}
`

/** First history pages of several pieces of history in one query, aliased `r0`, `r1`, ... */
export function commitHistories(
  pieces: { repository: string; first: number; since: string; until: string }[]
): string {
  const fields = pieces.map(
    ({ repository, first, since, until }, i) => `r${i}: node(id: ${JSON.stringify(repository)}) {
      ... on Repository {
        defaultBranchRef {
          target {
            ... on Commit {
              history(first: ${first}, since: ${JSON.stringify(since)}, until: ${JSON.stringify(until)}) {
                nodes { ...CommitFields }
                pageInfo { hasNextPage endCursor }
              }
            }
          }
        }
      }
    }`
  )
  return /* GraphQL */ `
  query CommitHistories {
    ${fields.join('\n    ')}
  }
  ${COMMIT_FIELDS}
`
}

export const COMMIT_AUTHORS = /* GraphQL */ `
  query CommitAuthors($commit: ID!, $first: Int!, $after: String) {
    node(id: $commit) {
      ... on Commit {
        authors(first: $first, after: $after) {
          nodes {
            ...CommitAuthorFields
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
  ${COMMIT_AUTHOR_FIELDS}
`
