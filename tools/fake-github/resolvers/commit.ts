import { paginate, type ConnectionArgs } from '../pagination.js'
import type { WorldCommitAuthor } from '../../world/types.js'
import type { CommitView } from '../world-index.js'
import { connectionArgs, withArgs, type Args, type Fields } from './fields.js'
import { actorOf, webUrl } from './owners.js'

export interface GitActorView {
  __typename: 'GitActor'
  author: WorldCommitAuthor
  date: string
}

const gitActors = (c: CommitView): GitActorView[] =>
  c.commit.authors.map(author => ({ __typename: 'GitActor', author, date: c.commit.authoredDate }))

/** First index at or after `from` in commits (newest first) whose time is at or before `time`. */
function firstAtOrBefore(commits: CommitView[], from: number, time: number): number {
  let lo = from
  let hi = commits.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (commits[mid]!.at > time) lo = mid + 1
    else hi = mid
  }
  return lo
}

function historyOf(c: CommitView, args: Args) {
  const { since, until } = args as { since?: string | null; until?: string | null }
  const commits = c.repository.commits
  // Newest first, so the window is one run of the list: both ends inclusive, like GitHub's.
  const start = until ? firstAtOrBefore(commits, c.position, Date.parse(until)) : c.position
  const end = since ? firstAtOrBefore(commits, start, Date.parse(since) - 1) : commits.length
  return paginate(commits.slice(start, end), args as ConnectionArgs)
}

const headline = (message: string): string => message.split('\n', 1)[0] ?? ''

export const commitFields: Fields<CommitView> = {
  id: c => c.id,
  oid: c => c.commit.oid,
  abbreviatedOid: c => c.commit.oid.slice(0, 7),
  url: c => `${webUrl}/${c.repository.nameWithOwner}/commit/${c.commit.oid}`,
  resourcePath: c => `/${c.repository.nameWithOwner}/commit/${c.commit.oid}`,
  committedDate: c => c.commit.committedDate,
  authoredDate: c => c.commit.authoredDate,
  message: c => c.commit.message,
  messageHeadline: c => headline(c.commit.message),
  messageBody: c => c.commit.message.slice(headline(c.commit.message).length).replace(/^\n+/, '').trimEnd(),
  repository: c => c.repository,
  // The world keeps a parent count, not parent ids: the next commits in the history stand in for them.
  parents: withArgs(connectionArgs, (c, args) =>
    paginate(
      Array.from({ length: c.commit.parents }, (_, i) => c.repository.commits[c.position + 1 + i] ?? c),
      args as ConnectionArgs
    )
  ),
  author: c => gitActors(c)[0] ?? null,
  authors: withArgs(connectionArgs, (c, args) => paginate(gitActors(c), args as ConnectionArgs)),
  history: withArgs([...connectionArgs, 'since', 'until'], historyOf)
}

export const gitActorFields: Fields<GitActorView> = {
  name: g => g.author.name,
  email: g => g.author.email,
  date: g => g.date,
  // GitActor.user can only be a User: an email that links to a bot account resolves to none.
  user: (g, _a, { index }) => {
    const actor = actorOf(g.author.login, index)
    return actor?.__typename === 'User' ? actor : null
  }
}
