import { ACTOR_FIELDS } from './actor.js'
import type { ListQuery } from './lists.js'
import type { NodesQuery } from './nodes.js'

// Pull requests are listed cheaply (ids, updatedAt, mergedAt) and then fetched in batches of ids
// across repositories, so every query is full whatever the size of each repository.

const REVIEW_FIELDS = /* GraphQL */ `
  fragment ReviewFields on PullRequestReview {
    id
    state
    submittedAt
    body
    author {
      ...ActorFields
    }
  }
`

const REVIEWS_FIRST = 40
const FILES_FIRST = 100

/** What counts on any pull request updated in the window: its author and every review. */
const REVIEWED_FIELDS = /* GraphQL */ `
  fragment ReviewedFields on PullRequest {
    id
    url
    author {
      ...ActorFields
    }
    reviews(first: ${REVIEWS_FIRST}) {
      nodes {
        ...ReviewFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${REVIEW_FIELDS}
  ${ACTOR_FIELDS}
`

/** Merged pull requests: author, every review, and the changed files. */
export const MERGED_PULL_REQUESTS: NodesQuery = {
  name: 'MergedPullRequests',
  selection: /* GraphQL */ `
    ... on PullRequest {
      ...ReviewedFields
      mergedAt
      # Above 3,000 files GitHub answers files: null or only the first 3,000: the count tells which.
      changedFiles
      files(first: ${FILES_FIRST}) {
        nodes {
          path
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  fragments: REVIEWED_FIELDS
}

/** Pull requests that were not merged in the window: only their reviews can count. */
export const REVIEWED_PULL_REQUESTS: NodesQuery = {
  name: 'ReviewedPullRequests',
  selection: '...ReviewedFields',
  fragments: REVIEWED_FIELDS
}

/** The later pages of many pull requests' reviews, side by side. */
export const REVIEW_PAGES: ListQuery = {
  name: 'PullRequestReviewPages',
  on: 'PullRequest',
  field: (first, after) => `reviews(first: ${first}, after: ${after}) {
      nodes { ...ReviewFields }
      pageInfo { hasNextPage endCursor }
    }`,
  fragments: REVIEW_FIELDS + ACTOR_FIELDS
}

export const PULL_REQUEST_FILES = /* GraphQL */ `
  query PullRequestFiles($pullRequest: ID!, $first: Int!, $after: String) {
    node(id: $pullRequest) {
      ... on PullRequest {
        files(first: $first, after: $after) {
          nodes {
            path
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`

/** Inline comments of the few reviews whose substance decides whether they count (empty body). */
export const REVIEW_COMMENT_COUNTS: NodesQuery = {
  name: 'ReviewCommentCounts',
  selection: /* GraphQL */ `
    ... on PullRequestReview {
      id
      comments {
        totalCount
      }
    }
  `,
  fragments: ''
}
