import { paginate, type ConnectionArgs } from '../pagination.js'
import type { PullRequestView, ReviewCommentView, ReviewView } from '../world-index.js'
import { connectionArgs, withArgs, type Args, type Fields, type RequestContext } from './fields.js'
import { actorOf } from './owners.js'
import { timelineItems } from './timeline.js'

/** Above this many changed files GitHub answers `files: null`, with no error. */
export const maxListedFiles = 3000

export interface ChangedFileView {
  __typename: 'PullRequestChangedFile'
  path: string
}

function reviewsOf(pr: PullRequestView, args: Args) {
  const { states, author } = args as { states?: string[] | null; author?: string | null }
  const wanted = pr.reviews.filter(
    r =>
      (!states || states.includes(r.review.state)) &&
      (!author || r.review.author?.toLowerCase() === author.toLowerCase())
  )
  return paginate(wanted, args as ConnectionArgs)
}

// GitHub has answered both ways above 3,000 files: null, or the first 3,000 (pytorch/pytorch#120499).
function filesOf(pr: PullRequestView, args: Args, context: RequestContext) {
  let files = pr.pullRequest.files
  if (files.length > maxListedFiles) {
    if (!context.filesCutAt3000) return null
    files = files.slice(0, maxListedFiles)
  }
  const views = files.map((path): ChangedFileView => ({ __typename: 'PullRequestChangedFile', path }))
  return paginate(views, args as ConnectionArgs)
}

export const pullRequestFields: Fields<PullRequestView> = {
  id: pr => pr.pullRequest.id,
  number: pr => pr.pullRequest.number,
  url: pr => pr.url,
  resourcePath: pr => new URL(pr.url).pathname,
  title: pr => pr.pullRequest.title,
  author: (pr, _a, { index }) => actorOf(pr.pullRequest.author, index),
  createdAt: pr => pr.pullRequest.createdAt,
  updatedAt: pr => pr.updatedAt,
  state: pr => pr.pullRequest.state,
  closed: pr => pr.pullRequest.state !== 'OPEN',
  merged: pr => pr.pullRequest.state === 'MERGED',
  mergedAt: pr => pr.pullRequest.mergedAt,
  closedAt: pr => pr.pullRequest.closedAt,
  changedFiles: pr => pr.pullRequest.files.length,
  files: withArgs(connectionArgs, filesOf),
  reviews: withArgs([...connectionArgs, 'states', 'author'], reviewsOf),
  comments: withArgs(connectionArgs, (pr, args) => paginate(pr.comments, args as ConnectionArgs)),
  timelineItems,
  repository: pr => pr.repository
}

// The world keeps paths only; line counts are fixed stand-ins.
export const changedFileFields: Fields<ChangedFileView> = {
  path: f => f.path,
  additions: () => 1,
  deletions: () => 0,
  changeType: () => 'MODIFIED'
}

export const reviewFields: Fields<ReviewView> = {
  id: r => r.review.id,
  author: (r, _a, { index }) => actorOf(r.review.author, index),
  state: r => r.review.state,
  submittedAt: r => r.review.submittedAt,
  publishedAt: r => r.review.submittedAt,
  createdAt: r => r.at,
  updatedAt: r => r.at,
  body: r => r.review.body,
  bodyText: r => r.review.body,
  url: r => r.url,
  comments: withArgs(connectionArgs, (r, args) => paginate(r.comments, args as ConnectionArgs)),
  pullRequest: r => r.pullRequest,
  repository: r => r.pullRequest.repository
}

export const reviewCommentFields: Fields<ReviewCommentView> = {
  id: c => c.comment.id,
  author: (c, _a, { index }) => actorOf(c.comment.author, index),
  createdAt: c => c.comment.createdAt,
  updatedAt: c => c.comment.createdAt,
  body: c => c.comment.body,
  bodyText: c => c.comment.body,
  url: c => c.url,
  pullRequestReview: c => c.review,
  pullRequest: c => c.review.pullRequest,
  repository: c => c.review.pullRequest.repository
}
