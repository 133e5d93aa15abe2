import { FakeGitHubError } from '../errors.js'
import { forbiddenExtensions, forbiddenMessage } from '../github-answers.js'
import { paginate, type ConnectionArgs } from '../pagination.js'
import type { IssueView, PullRequestView, RepositoryView } from '../world-index.js'
import { connectionArgs, withArgs, type Args, type Fields, type RequestContext } from './fields.js'
import { sortByOrder, type Order } from './order.js'
import { actorOf, webUrl } from './owners.js'
import { notImplemented } from '../errors.js'
import { objectAt } from './git-objects.js'

export interface RefView {
  __typename: 'Ref'
  name: string
  repository: RepositoryView
}

const issueOrderKeys = {
  CREATED_AT: (item: PullRequestView | IssueView) =>
    (item.__typename === 'PullRequest' ? item.pullRequest : item.issue).createdAt,
  UPDATED_AT: (item: PullRequestView | IssueView) => item.updatedAt
}

function refuseForbidden(repository: RepositoryView, context: RequestContext): void {
  if (context.forbiddenRepository === repository.nameWithOwner.toLowerCase())
    throw new FakeGitHubError(forbiddenMessage, 'FORBIDDEN', forbiddenExtensions)
}

function pullRequestsOf(repository: RepositoryView, args: Args, context: RequestContext) {
  refuseForbidden(repository, context)
  const { states, orderBy } = args as { states?: string[] | null; orderBy?: Order | null }
  const ordered = sortByOrder(repository.pullRequests, orderBy, 'Repository.pullRequests', issueOrderKeys)
  return paginate(
    ordered.filter(pr => !states || states.includes(pr.pullRequest.state)),
    args as ConnectionArgs
  )
}

function issuesOf(repository: RepositoryView, args: Args, context: RequestContext) {
  refuseForbidden(repository, context)
  const { states, orderBy, filterBy } = args as {
    states?: string[] | null
    orderBy?: Order | null
    filterBy?: Record<string, unknown> | null
  }
  for (const [key, value] of Object.entries(filterBy ?? {}))
    if (value != null && value !== false && key !== 'since' && key !== 'states')
      throw notImplemented(`Repository.issues(filterBy: {${key}})`)
  const since = filterBy?.since as string | null | undefined
  const filterStates = filterBy?.states as string[] | null | undefined
  const ordered = sortByOrder(repository.issues, orderBy, 'Repository.issues', issueOrderKeys)
  const wanted = ordered.filter(
    issue =>
      (!states || states.includes(issue.issue.state)) &&
      (!filterStates || filterStates.includes(issue.issue.state)) &&
      (!since || Date.parse(issue.updatedAt) >= Date.parse(since))
  )
  return paginate(wanted, args as ConnectionArgs)
}

export const repositoryFields: Fields<RepositoryView> = {
  id: r => r.repository.id,
  name: r => r.repository.name,
  nameWithOwner: r => r.nameWithOwner,
  owner: (r, _a, { index }) =>
    index.organizations.get(r.repository.owner.toLowerCase()) ?? actorOf(r.repository.owner, index),
  url: r => `${webUrl}/${r.nameWithOwner}`,
  resourcePath: r => `/${r.nameWithOwner}`,
  isArchived: r => r.repository.isArchived,
  isFork: r => r.repository.isFork,
  isPrivate: r => r.repository.isPrivate,
  isEmpty: r => r.repository.defaultBranch === null || r.commits.length === 0,
  visibility: r => (r.repository.isPrivate ? 'PRIVATE' : 'PUBLIC'),
  createdAt: r => r.repository.createdAt,
  defaultBranchRef: r =>
    r.repository.defaultBranch === null
      ? null
      : ({ __typename: 'Ref', name: r.repository.defaultBranch, repository: r } satisfies RefView),
  pullRequests: withArgs([...connectionArgs, 'states', 'orderBy'], pullRequestsOf),
  issues: withArgs([...connectionArgs, 'states', 'orderBy', 'filterBy'], issuesOf),
  object: withArgs(['expression'], (r, args) => objectAt(r, String(args.expression))),
  pullRequest: withArgs(['number'], (r, args) => {
    const pr = r.pullRequestsByNumber.get(args.number as number)
    if (!pr)
      throw new FakeGitHubError(
        `Could not resolve to a PullRequest with the number of ${String(args.number)}.`,
        'NOT_FOUND'
      )
    return pr
  }),
  issue: withArgs(['number'], (r, args) => {
    const issue = r.issuesByNumber.get(args.number as number)
    if (!issue)
      throw new FakeGitHubError(
        `Could not resolve to an Issue with the number of ${String(args.number)}.`,
        'NOT_FOUND'
      )
    return issue
  })
}

export const refFields: Fields<RefView> = {
  id: ref => `REF_${ref.repository.repository.id}_${ref.name}`,
  name: ref => ref.name,
  prefix: () => 'refs/heads/',
  repository: ref => ref.repository,
  target: ref => ref.repository.commits[0] ?? null
}
