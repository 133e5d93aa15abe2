import { TRIAGE_EVENTS, type TriageEvent } from '../../records.js'
import { ACTOR_FIELDS } from './actor.js'
import type { ListQuery } from './lists.js'
import type { NodesQuery } from './nodes.js'

// Issues updated in the window and their triage events and comments. The timeline's `itemTypes`
// keep every other kind of event (mentions, cross-references, ...) off the wire.

const TIMELINE_FIRST = 100

/** `LABELED_EVENT` -> `LabeledEvent`: the timeline item type of each triage event of the contract. */
export const TRIAGE_TYPENAMES = new Map<TriageEvent, string>(
  TRIAGE_EVENTS.map(event => [
    event,
    event
      .toLowerCase()
      .split('_')
      .map(word => word[0]!.toUpperCase() + word.slice(1))
      .join('')
  ])
)

const TIMELINE_ITEM_FIELDS = /* GraphQL */ `
  fragment TimelineItemFields on IssueTimelineItems {
    __typename
    ${[...TRIAGE_TYPENAMES.values()].map(typename => `... on ${typename} { createdAt actor { ...ActorFields } }`).join('\n    ')}
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

/** The later pages of many issues' timelines, side by side. */
export const TIMELINE_PAGES: ListQuery = {
  name: 'IssueTimelinePages',
  on: 'Issue',
  variables: '$since: DateTime!',
  field: (first, after) => `timelineItems(first: ${first}, after: ${after} ${TIMELINE_ARGUMENTS}) {
      nodes { ...TimelineItemFields }
      pageInfo { hasNextPage endCursor }
    }`,
  fragments: TIMELINE_ITEM_FIELDS + ACTOR_FIELDS
}
