import { TRIAGE_EVENTS } from '../../records.js'
import { ACTOR_FIELDS } from './actor.js'
import type { NodesQuery } from './nodes.js'

// Issues updated in the window and their triage events and comments. The timeline's `itemTypes`
// keep every other kind of event (mentions, cross-references, ...) off the wire.

const TIMELINE_FIRST = 100

const TIMELINE_ITEM_FIELDS = /* GraphQL */ `
  fragment TimelineItemFields on IssueTimelineItems {
    __typename
    ... on LabeledEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on UnlabeledEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on AssignedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on UnassignedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on MilestonedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on DemilestonedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on ClosedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on ReopenedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on MarkedAsDuplicateEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on TransferredEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on LockedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on UnlockedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on PinnedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on UnpinnedEvent {
      createdAt
      actor {
        ...ActorFields
      }
    }
    ... on IssueComment {
      createdAt
      author {
        ...ActorFields
      }
    }
  }
`

// The triage events of the contract, and comments: every other kind of timeline item stays off the wire.
const TIMELINE_ARGUMENTS = `since: $since
          itemTypes: [${[...TRIAGE_EVENTS, 'ISSUE_COMMENT'].join(', ')}]`

const ISSUE_FIELDS = /* GraphQL */ `
  fragment IssueFields on Issue {
    id
    url
    author {
      ...ActorFields
    }
    timelineItems(
      first: ${TIMELINE_FIRST}
      ${TIMELINE_ARGUMENTS}
    ) {
      nodes {
        ...TimelineItemFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${TIMELINE_ITEM_FIELDS}
  ${ACTOR_FIELDS}
`

export const ISSUES: NodesQuery = {
  name: 'Issues',
  selection: '...IssueFields',
  fragments: ISSUE_FIELDS,
  variables: '$since: DateTime!'
}

export const ISSUE_TIMELINE = /* GraphQL */ `
  query IssueTimeline($issue: ID!, $since: DateTime!, $first: Int!, $after: String) {
    node(id: $issue) {
      ... on Issue {
        timelineItems(
          first: $first
          after: $after
          ${TIMELINE_ARGUMENTS}
        ) {
          nodes {
            ...TimelineItemFields
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
  ${TIMELINE_ITEM_FIELDS}
  ${ACTOR_FIELDS}
`
