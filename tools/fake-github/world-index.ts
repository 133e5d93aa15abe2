import {
  issueUpdatedAt,
  pullRequestUpdatedAt,
  type World,
  type WorldComment,
  type WorldCommit,
  type WorldEvent,
  type WorldIssue,
  type WorldOrganization,
  type WorldPullRequest,
  type WorldRepository,
  type WorldReview,
  type WorldTeam,
  type WorldUser
} from '../world/types.js'

// "Views" are what the resolvers receive: a world object plus the links GraphQL walks (parent, repository).
// `__typename` lets graphql-js resolve interfaces and unions (Node, Actor, timeline items).

export interface OrganizationView {
  __typename: 'Organization'
  id: string
  login: string
  name: string
  repositories: RepositoryView[]
  world: WorldOrganization
}

export interface TeamView {
  __typename: 'Team'
  id: string
  team: WorldTeam
  organization: OrganizationView
}

export interface RepositoryView {
  __typename: 'Repository'
  repository: WorldRepository
  nameWithOwner: string
  /** Newest first by committed date, as `history` serves them. */
  commits: CommitView[]
  pullRequests: PullRequestView[]
  issues: IssueView[]
  pullRequestsByNumber: Map<number, PullRequestView>
  issuesByNumber: Map<number, IssueView>
}

export interface CommitView {
  __typename: 'Commit'
  id: string
  commit: WorldCommit
  repository: RepositoryView
  /** Index in `repository.commits`: the commit's history is the list from here on. */
  position: number
  /** committedDate in epoch milliseconds, for the history's since/until. */
  at: number
}

export interface PullRequestView {
  __typename: 'PullRequest'
  pullRequest: WorldPullRequest
  repository: RepositoryView
  url: string
  updatedAt: string
  reviews: ReviewView[]
  comments: CommentView[]
  /** Comments, reviews and events, oldest first. */
  timeline: TimelineItemView[]
}

export interface IssueView {
  __typename: 'Issue'
  issue: WorldIssue
  repository: RepositoryView
  url: string
  updatedAt: string
  comments: CommentView[]
  /** Comments and events, oldest first. */
  timeline: TimelineItemView[]
}

export interface ReviewView {
  __typename: 'PullRequestReview'
  itemType: 'PULL_REQUEST_REVIEW'
  at: string
  review: WorldReview
  pullRequest: PullRequestView
  url: string
  comments: ReviewCommentView[]
}

export interface ReviewCommentView {
  __typename: 'PullRequestReviewComment'
  comment: WorldComment
  review: ReviewView
  url: string
}

export interface CommentView {
  __typename: 'IssueComment'
  itemType: 'ISSUE_COMMENT'
  at: string
  comment: WorldComment
  parent: IssueView | PullRequestView
  url: string
}

export interface EventView {
  /** e.g. `LabeledEvent` for `LABELED_EVENT`. */
  __typename: string
  itemType: WorldEvent['type']
  at: string
  event: WorldEvent
  parent: IssueView | PullRequestView
}

export type TimelineItemView = CommentView | ReviewView | EventView

export interface ActorView {
  __typename: 'User' | 'Bot'
  id: string
  user: WorldUser
}

export type NodeView =
  | OrganizationView
  | RepositoryView
  | CommitView
  | PullRequestView
  | IssueView
  | ReviewView
  | ReviewCommentView
  | CommentView
  | EventView
  | ActorView
  | TeamView

export interface WorldIndex {
  world: World
  /** The world's first organization. */
  organization: OrganizationView
  /** Every organization by lower-cased login. */
  organizations: Map<string, OrganizationView>
  repositories: RepositoryView[]
  /** Lower-cased `owner/name`. */
  repositoryByName: Map<string, RepositoryView>
  /** Lower-cased login; deleted accounts are absent. */
  actorByLogin: Map<string, ActorView>
  nodeById: Map<string, NodeView>
  viewer: ActorView
}

const web = 'https://github.com'

export function typeNameOfItemType(itemType: string): string {
  return itemType
    .toLowerCase()
    .split('_')
    .map(word => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}

const byAt = (a: { at: string }, b: { at: string }): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)

export function indexWorld(world: World): WorldIndex {
  const nodeById = new Map<string, NodeView>()
  const register = <T extends NodeView>(id: string, view: T): T => {
    if (nodeById.has(id)) throw new Error(`world has two nodes with id ${id}`)
    nodeById.set(id, view)
    return view
  }

  const actorByLogin = new Map<string, ActorView>()
  for (const user of world.users) {
    const view: ActorView = {
      __typename: user.type,
      id: `${user.type === 'Bot' ? 'BOT' : 'U'}_${user.login}`,
      user
    }
    actorByLogin.set(user.login.toLowerCase(), register(view.id, view))
  }

  const repositories = world.repositories.map(repository => indexRepository(repository, register))
  const organizations = new Map<string, OrganizationView>()
  for (const worldOrganization of [world.organization, ...(world.moreOrganizations ?? [])]) {
    const login = worldOrganization.login.toLowerCase()
    const view: OrganizationView = register(worldOrganization.id, {
      __typename: 'Organization',
      id: worldOrganization.id,
      login: worldOrganization.login,
      name: worldOrganization.name,
      world: worldOrganization,
      repositories: repositories.filter(r => r.repository.owner.toLowerCase() === login)
    })
    for (const team of worldOrganization.teams ?? [])
      register(team.id, { __typename: 'Team', id: team.id, team, organization: view })
    organizations.set(login, view)
  }

  const viewer: ActorView = {
    __typename: 'User',
    id: 'U_fake-viewer',
    user: { login: 'fake-viewer', type: 'User', name: '', email: '', createdAt: world.now }
  }
  return {
    world,
    organization: organizations.get(world.organization.login.toLowerCase())!,
    organizations,
    repositories,
    repositoryByName: new Map(
      repositories.flatMap(r =>
        [r.nameWithOwner, ...(r.repository.formerNames ?? [])].map(name => [name.toLowerCase(), r] as const)
      )
    ),
    actorByLogin,
    nodeById,
    viewer
  }
}

function indexRepository(
  repository: WorldRepository,
  register: <T extends NodeView>(id: string, view: T) => T
): RepositoryView {
  const nameWithOwner = `${repository.owner}/${repository.name}`
  const repoUrl = `${web}/${nameWithOwner}`
  const view: RepositoryView = register(repository.id, {
    __typename: 'Repository',
    repository,
    nameWithOwner,
    commits: [],
    pullRequests: [],
    issues: [],
    pullRequestsByNumber: new Map(),
    issuesByNumber: new Map()
  })

  const newestFirst = [...repository.commits].sort((a, b) =>
    a.committedDate !== b.committedDate
      ? a.committedDate < b.committedDate
        ? 1
        : -1
      : a.oid.localeCompare(b.oid)
  )
  view.commits = newestFirst.map((commit, position) =>
    register(`C_${repository.id}_${commit.oid}`, {
      __typename: 'Commit',
      id: `C_${repository.id}_${commit.oid}`,
      commit,
      repository: view,
      position,
      at: Date.parse(commit.committedDate)
    })
  )

  const eventViews = (events: WorldEvent[], parent: IssueView | PullRequestView): EventView[] =>
    events.map(event =>
      register(event.id, {
        __typename: typeNameOfItemType(event.type),
        itemType: event.type,
        at: event.createdAt,
        event,
        parent
      })
    )
  const commentViews = (comments: WorldComment[], parent: IssueView | PullRequestView): CommentView[] =>
    comments.map(comment =>
      register(comment.id, {
        __typename: 'IssueComment',
        itemType: 'ISSUE_COMMENT',
        at: comment.createdAt,
        comment,
        parent,
        url: `${parent.url}#issuecomment-${comment.id}`
      })
    )

  for (const pullRequest of [...repository.pullRequests].sort((a, b) => a.number - b.number)) {
    const pr: PullRequestView = register(pullRequest.id, {
      __typename: 'PullRequest',
      pullRequest,
      repository: view,
      url: `${repoUrl}/pull/${pullRequest.number}`,
      updatedAt: pullRequestUpdatedAt(pullRequest),
      reviews: [],
      comments: [],
      timeline: []
    })
    pr.reviews = pullRequest.reviews.map(review => {
      const reviewView: ReviewView = register(review.id, {
        __typename: 'PullRequestReview',
        itemType: 'PULL_REQUEST_REVIEW',
        at: review.submittedAt ?? pullRequest.createdAt,
        review,
        pullRequest: pr,
        url: `${pr.url}#pullrequestreview-${review.id}`,
        comments: []
      })
      reviewView.comments = review.comments.map(comment =>
        register(comment.id, {
          __typename: 'PullRequestReviewComment',
          comment,
          review: reviewView,
          url: `${pr.url}#discussion_r${comment.id}`
        })
      )
      return reviewView
    })
    pr.comments = commentViews(pullRequest.comments, pr)
    pr.timeline = [...pr.comments, ...pr.reviews, ...eventViews(pullRequest.events, pr)].sort(byAt)
    view.pullRequests.push(pr)
    view.pullRequestsByNumber.set(pullRequest.number, pr)
  }

  for (const worldIssue of [...repository.issues].sort((a, b) => a.number - b.number)) {
    const issue: IssueView = register(worldIssue.id, {
      __typename: 'Issue',
      issue: worldIssue,
      repository: view,
      url: `${repoUrl}/issues/${worldIssue.number}`,
      updatedAt: issueUpdatedAt(worldIssue),
      comments: [],
      timeline: []
    })
    issue.comments = commentViews(worldIssue.comments, issue)
    issue.timeline = [...issue.comments, ...eventViews(worldIssue.events, issue)].sort(byAt)
    view.issues.push(issue)
    view.issuesByNumber.set(worldIssue.number, issue)
  }
  return view
}

/**
 * Deletes a pull request or issue as GitHub does: its id, its number and its place in every list are
 * gone, and so are the reviews, comments and events that hung from it.
 */
export function deleteItem(
  index: WorldIndex,
  nameWithOwner: string,
  kind: 'pullRequest' | 'issue',
  number: number
): void {
  const repository = index.repositoryByName.get(nameWithOwner.toLowerCase())
  const byNumber = kind === 'pullRequest' ? repository?.pullRequestsByNumber : repository?.issuesByNumber
  const item = byNumber?.get(number)
  if (!repository || !byNumber || !item)
    throw new Error(`the world has no ${kind} ${nameWithOwner}#${number}`)
  byNumber.delete(number)
  if (item.__typename === 'PullRequest') {
    repository.pullRequests = repository.pullRequests.filter(pr => pr !== item)
    for (const review of item.reviews)
      for (const comment of review.comments) index.nodeById.delete(comment.comment.id)
  } else repository.issues = repository.issues.filter(issue => issue !== item)
  for (const entry of item.timeline)
    index.nodeById.delete(
      'event' in entry ? entry.event.id : 'review' in entry ? entry.review.id : entry.comment.id
    )
  index.nodeById.delete(itemId(item))
}

export const itemId = (item: PullRequestView | IssueView): string =>
  item.__typename === 'PullRequest' ? item.pullRequest.id : item.issue.id
