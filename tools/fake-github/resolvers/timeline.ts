import { paginate, type ConnectionArgs } from '../pagination.js'
import {
  typeNameOfItemType,
  type EventView,
  type IssueView,
  type PullRequestView,
  type RepositoryView
} from '../world-index.js'
import { connectionArgs, withArgs, type Args, type Fields, type RequestContext } from './fields.js'
import { actorOf } from './owners.js'
import { WORLD_OTHER_EVENT_TYPES, WORLD_TRIAGE_EVENT_TYPES } from '../../world/types.js'

const eventTypes = [...WORLD_TRIAGE_EVENT_TYPES, ...WORLD_OTHER_EVENT_TYPES]

export const timelineItems = withArgs(
  [...connectionArgs, 'since', 'itemTypes', 'skip'],
  (parent: IssueView | PullRequestView, args: Args) => {
    const { since, itemTypes } = args as { since?: string | null; itemTypes?: string[] | null }
    const from = since ? Date.parse(since) : -Infinity
    const items = parent.timeline.filter(
      item => (!itemTypes || itemTypes.includes(item.itemType)) && Date.parse(item.at) >= from
    )
    return { ...paginate(items, args as ConnectionArgs), extra: { updatedAt: parent.updatedAt } }
  }
)

/** A transfer's source may be a repository the world does not hold: GitHub still names it. */
function fromRepository(e: EventView, context: RequestContext): RepositoryView | null {
  const name = e.event.detail
  if (!name) return null
  const known = context.index.repositoryByName.get(name.toLowerCase())
  if (known) return known
  const [owner = '', repo = ''] = name.split('/')
  const stray: RepositoryView = {
    __typename: 'Repository',
    repository: {
      id: `R_stray_${name}`,
      owner,
      name: repo,
      isArchived: false,
      isFork: false,
      isPrivate: false,
      defaultBranch: null,
      createdAt: context.index.world.now,
      commits: [],
      pullRequests: [],
      issues: []
    },
    nameWithOwner: name,
    commits: [],
    pullRequests: [],
    issues: [],
    pullRequestsByNumber: new Map(),
    issuesByNumber: new Map()
  }
  return stray
}

const eventFields: Fields<EventView> = {
  id: e => e.event.id,
  actor: (e, _a, { index }) => actorOf(e.event.actor, index),
  createdAt: e => e.event.createdAt
}

const labelFields: Fields<EventView> = {
  ...eventFields,
  label: e => ({ __typename: 'Label', name: e.event.detail ?? '' }),
  labelable: e => e.parent
}

export const labelTypeFields: Fields<{ name: string }> = { name: l => l.name }

export function eventTypeFields(): Record<string, Fields<EventView>> {
  const fields: Record<string, Fields<EventView>> = {}
  for (const type of eventTypes) fields[typeNameOfItemType(type)] = eventFields
  fields.LabeledEvent = labelFields
  fields.UnlabeledEvent = labelFields
  fields.ClosedEvent = { ...eventFields, closable: e => e.parent }
  fields.ReopenedEvent = { ...eventFields, closable: e => e.parent }
  fields.TransferredEvent = {
    ...eventFields,
    fromRepository: (e, _a, context) => fromRepository(e, context),
    issue: e => e.parent
  }
  return fields
}
