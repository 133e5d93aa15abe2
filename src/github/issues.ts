import type { IssueCommentRecord, TriageRecord } from '../records.js'
import type { ActorNode, ProfileBook } from './actors.js'
import { QUERY_BUDGET } from './batches.js'
import type { GitHubClient } from './client.js'
import { repositoriesOf } from './labels.js'
import { nextPages, pageLists } from './list-pages.js'
import { DeletedMeanwhile } from './deleted.js'
import { queryNodesOrGone } from './nodes.js'
import { ISSUE_LISTS } from './queries/lists.js'
import { ISSUE_SEARCH } from './queries/search.js'
import { readTimeSlices, SPLIT_ABOVE } from './time-slices.js'
import type { Connection } from './paginate.js'
import { ISSUES, TIMELINE_PAGES, TRIAGE_TYPENAMES } from './queries/issues.js'
import type { IssueStub, RepositoryOverview } from './scope.js'
import { utcSecond } from '../window.js'
import { inWindow, type Window } from './window-edges.js'

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
  deleted: DeletedMeanwhile
}

type Queued = IssueStub & { repository: string }

/** Each issue costs one connection request (its timeline). */
const ISSUES_PER_QUERY = QUERY_BUDGET - 1

/** `LabeledEvent` -> `LABELED_EVENT` */
const TRIAGE_BY_TYPENAME = new Map([...TRIAGE_TYPENAMES].map(([event, typename]) => [typename, event]))

/** Triage events and comments in the window on every issue updated since the window began. */
export async function gatherIssues(repositories: RepositoryOverview[], context: IssueContext) {
  const { client, window } = context
  const since = window.since.toISOString()
  const records: (TriageRecord | IssueCommentRecord)[] = []
  const issuesSeen = new Map<string, number>()

  const timelinePage = nextPages<TimelineItemNode>(client, TIMELINE_PAGES, { since })
  const keep = async ({ repository, number }: Queued, issue: IssueNode) => {
    const items = [...issue.timelineItems.nodes]
    for (let page = issue.timelineItems.pageInfo; page.hasNextPage;) {
      const next = await timelinePage({ repository: issue.url, id: issue.id, after: page.endCursor })
      // Deleted while its later pages were read: nothing of it is kept, as if it had gone before.
      if (!next) return context.deleted.note('issue', repository, number)
      items.push(...next.nodes)
      page = next.pageInfo
    }
    issuesSeen.set(repository, (issuesSeen.get(repository) ?? 0) + 1)
    const issueAuthor = context.profiles.actor(issue.author)
    for (const item of items) {
      if (!inWindow(item.createdAt, window)) continue
      const at = utcSecond(item.createdAt!)
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

  const work: Promise<void>[] = []
  const queued: Queued[] = []
  /** Asks for the issues queued so far, a query's worth at a time (all of them at the end). */
  const flush = (all: boolean) => {
    while (queued.length >= ISSUES_PER_QUERY || (all && queued.length > 0)) {
      const chunk = queued.splice(0, ISSUES_PER_QUERY)
      const details = queryNodesOrGone<IssueNode>(
        client,
        ISSUES,
        chunk.map(c => c.id),
        `${chunk.length} issues of ${repositoriesOf(chunk.map(c => c.repository))}`,
        { since }
      ).then(nodes =>
        Promise.all(
          nodes.map((node, j) =>
            node ? keep(chunk[j], node) : context.deleted.note('issue', chunk[j].repository, chunk[j].number)
          )
        ).then(() => undefined)
      )
      details.catch(() => undefined) // awaited below; a failure meanwhile is not unhandled
      work.push(details)
    }
  }
  const listed = new Set<string>()
  const add = (repository: string, issues: IssueStub[]) => {
    // A busy repository's slices read its listing's first page again.
    const fresh = issues.filter(issue => !listed.has(issue.id))
    for (const issue of fresh) listed.add(issue.id)
    queued.push(...fresh.map(issue => ({ ...issue, repository })))
    flush(false)
    return true
  }

  for (const repository of repositories) add(repository.nameWithOwner, repository.issues.nodes)
  // The rest of every list, side by side: ids only, the issues themselves come in the batches above. A
  // busy repository's list is read as time slices side by side, not one long chain of pages.
  const going = repositories.filter(r => r.issues.pageInfo.hasNextPage)
  const busy = going.filter(r => r.issues.totalCount > SPLIT_ABOVE)
  await Promise.all([
    pageLists<IssueStub>(
      client,
      ISSUE_LISTS,
      going
        .filter(r => !busy.includes(r))
        .map(r => ({ repository: r.nameWithOwner, id: r.id, after: r.issues.pageInfo.endCursor! })),
      (list, issues) => add(list.repository, issues),
      { since }
    ),
    readTimeSlices<IssueStub & { createdAt: string }>(
      client,
      ISSUE_SEARCH,
      busy.map(r => ({ repository: r.nameWithOwner, estimate: r.issues.totalCount })),
      window,
      add
    )
  ])
  flush(true)
  await Promise.all(work)
  return { records, issuesSeen }
}
