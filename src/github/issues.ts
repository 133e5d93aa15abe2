import type { IssueCommentRecord, TriageEvent, TriageRecord } from '../records.js'
import { TRIAGE_EVENTS } from '../records.js'
import type { ActorNode, ProfileBook } from './actors.js'
import { QUERY_BUDGET } from './batches.js'
import type { GitHubClient } from './client.js'
import { repositoriesOf } from './labels.js'
import { queryNodes } from './nodes.js'
import { allNodes, pages, type Connection } from './paginate.js'
import { ISSUE_TIMELINE, ISSUES, REPOSITORY_ISSUES } from './queries/issues.js'
import type { RepositoryOverview } from './scope.js'
import { inWindow, utc, type Window } from './window-edges.js'

interface TimelineItemNode {
  __typename: string
  createdAt?: string
  actor?: ActorNode | null
  author?: ActorNode | null
}

interface IssueNode {
  id: string
  url: string
  author: ActorNode | null
  timelineItems: Connection<TimelineItemNode>
}

export interface IssueContext {
  client: GitHubClient
  window: Window
  profiles: ProfileBook
}

/** Each issue costs one connection request (its timeline). */
const ISSUES_PER_QUERY = QUERY_BUDGET - 1

/** `LabeledEvent` -> `LABELED_EVENT` */
const TRIAGE_BY_TYPENAME = new Map<string, TriageEvent>(
  TRIAGE_EVENTS.map(event => [
    event
      .toLowerCase()
      .split('_')
      .map(word => word[0].toUpperCase() + word.slice(1))
      .join(''),
    event
  ])
)

/** Triage events and comments in the window on every issue updated since the window began. */
export async function gatherIssues(repositories: RepositoryOverview[], context: IssueContext) {
  const { client, window } = context
  const since = window.since.toISOString()
  const records: (TriageRecord | IssueCommentRecord)[] = []
  const issuesSeen = new Map<string, number>()

  const keep = async (repository: string, issue: IssueNode) => {
    issuesSeen.set(repository, (issuesSeen.get(repository) ?? 0) + 1)
    const issueAuthor = context.profiles.actor(issue.author)
    const items = [...issue.timelineItems.nodes]
    if (issue.timelineItems.pageInfo.hasNextPage) {
      items.push(
        ...(await allNodes<TimelineItemNode>(client, {
          document: ISSUE_TIMELINE,
          variables: { issue: issue.id, since },
          label: `timeline of ${issue.url}`,
          connection: (data: { node: { timelineItems: Connection<TimelineItemNode> } | null }) =>
            data.node?.timelineItems,
          first: 100,
          after: issue.timelineItems.pageInfo.endCursor
        }))
      )
    }
    for (const item of items) {
      if (!inWindow(item.createdAt, window)) continue
      const at = utc(item.createdAt!)
      const event = TRIAGE_BY_TYPENAME.get(item.__typename)
      if (event) {
        const actor = context.profiles.actor(item.actor)
        records.push({ kind: 'triage', repository, url: issue.url, at, actor, issueAuthor, event })
      } else if (item.__typename === 'IssueComment') {
        const author = context.profiles.actor(item.author)
        records.push({ kind: 'issue_comment', repository, url: issue.url, at, author, issueAuthor })
      }
    }
  }

  const listed = repositories.flatMap(r =>
    r.issues.nodes.map(issue => ({ id: issue.id, repository: r.nameWithOwner }))
  )
  const batches: Promise<void>[] = []
  for (let i = 0; i < listed.length; i += ISSUES_PER_QUERY) {
    const chunk = listed.slice(i, i + ISSUES_PER_QUERY)
    batches.push(
      queryNodes<IssueNode>(
        client,
        ISSUES,
        chunk.map(c => c.id),
        `${chunk.length} issues of ${repositoriesOf(chunk.map(c => c.repository))}`,
        { since }
      )
        .then(nodes =>
          Promise.all(
            nodes.map((node, j) => {
              if (!node)
                throw new Error(`GitHub returned nothing for issue ${chunk[j].id} of ${chunk[j].repository}`)
              return keep(chunk[j].repository, node)
            })
          )
        )
        .then(() => undefined)
    )
  }
  const rest = repositories
    .filter(r => r.issues.pageInfo.hasNextPage)
    .map(async repository => {
      for await (const page of pages<IssueNode>(client, {
        document: REPOSITORY_ISSUES,
        variables: { repository: repository.id, since },
        label: `issues of ${repository.nameWithOwner}`,
        connection: (data: { node: { issues: Connection<IssueNode> } | null }) => data.node?.issues,
        first: 100,
        after: repository.issues.pageInfo.endCursor
      }))
        await Promise.all(page.map(issue => keep(repository.nameWithOwner, issue)))
    })
  await Promise.all([...batches, ...rest])
  return { records, issuesSeen }
}
