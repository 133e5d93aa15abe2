import { notImplemented } from '../errors.js'
import { paginate, type ConnectionArgs } from '../pagination.js'
import type { CommentView, IssueView } from '../world-index.js'
import { connectionArgs, withArgs, type Fields } from './fields.js'
import { actorOf } from './owners.js'
import { timelineItems } from './timeline.js'

export const issueFields: Fields<IssueView> = {
  id: i => i.issue.id,
  number: i => i.issue.number,
  url: i => i.url,
  resourcePath: i => new URL(i.url).pathname,
  title: i => i.issue.title,
  author: (i, _a, { index }) => actorOf(i.issue.author, index),
  createdAt: i => i.issue.createdAt,
  updatedAt: i => i.updatedAt,
  state: i => i.issue.state,
  closed: i => i.issue.state === 'CLOSED',
  closedAt: i => i.issue.closedAt,
  comments: withArgs(connectionArgs, (i, args) => paginate(i.comments, args as ConnectionArgs)),
  timelineItems,
  repository: i => i.repository
}

export const issueCommentFields: Fields<CommentView> = {
  id: c => c.comment.id,
  author: (c, _a, { index }) => actorOf(c.comment.author, index),
  createdAt: c => c.comment.createdAt,
  updatedAt: c => c.comment.createdAt,
  body: c => c.comment.body,
  bodyText: c => c.comment.body,
  url: c => c.url,
  issue: c => {
    if (c.parent.__typename !== 'Issue') throw notImplemented('IssueComment.issue on a pull request comment')
    return c.parent
  },
  pullRequest: c => (c.parent.__typename === 'PullRequest' ? c.parent : null),
  repository: c => c.parent.repository
}
