import type { PersonHider } from '../email-privacy.js'
import type { CommitAuthor, CommitRecord } from '../records.js'
import type { ProfileBook } from './actors.js'
import { packBatches, QUERY_BUDGET } from './batches.js'
import type { GitHubClient } from './client.js'
import { allNodes, pages, type Connection } from './paginate.js'
import { COMMIT_AUTHORS, COMMIT_HISTORY, commitHistories } from './queries/commits.js'
import type { RepositoryOverview } from './scope.js'
import { repositoriesOf } from './labels.js'
import { PRIORITY } from './priority.js'
import { parseSignOffs } from './sign-offs.js'
import { utcSecond } from '../window.js'
import { inWindow, type Window } from './window-edges.js'

interface CommitAuthorNode {
  name: string | null
  email: string | null
  user: { login: string; name: string | null; email: string | null } | null
}

interface CommitNode {
  id: string
  oid: string
  url: string
  committedDate: string
  message: string
  parents: { totalCount: number }
  authors: Connection<CommitAuthorNode>
}

interface HistoryData {
  node: { defaultBranchRef: { target: { history?: Connection<CommitNode> } | null } | null } | null
}

/** Commits per page when a piece of history overflows its first page: one point (1 + 2 x 74 requests). */
const COMMITS_PER_PAGE = 74
/** A big history is cut into time slices expected to hold this many commits... */
const COMMITS_PER_SLICE = 75
/** ...asked with room for a busier slice than average; a slice busier still is paged on. */
const SLICE_FIRST = 94

/** One history query's worth of one repository: the whole window, or a time slice of a busy one. */
interface HistoryPiece {
  repository: RepositoryOverview
  since: string
  until: string
  first: number
}

export interface CommitContext {
  client: GitHubClient
  window: Window
  profiles: ProfileBook
  /** Set where the records carry no addresses: each author and sign-off as written down. */
  recordedPerson?: PersonHider
  /** Told each repository's commits once its whole history is read, while others are still asked for. */
  repositoryDone?: (records: CommitRecord[]) => void
}

/** Every commit on the default branches, committed in the window, with all of its authors. */
export async function gatherCommits(repositories: RepositoryOverview[], context: CommitContext) {
  const { client, window } = context
  const since = window.since.toISOString()
  const until = window.until.toISOString()
  const records = new Map<string, CommitRecord[]>()
  const seen = new Set<string>()

  const keep = async (repository: string, nodes: CommitNode[]) => {
    for (const node of nodes) {
      const key = `${repository}@${node.oid}`
      if (seen.has(key) || !inWindow(node.committedDate, window)) continue
      seen.add(key)
      const record = await commitRecord(repository, node, context)
      const kept = records.get(repository)
      if (kept) kept.push(record)
      else records.set(repository, [record])
    }
  }

  const follow = async (
    repository: RepositoryOverview,
    range: { since: string; until: string },
    after: string | null
  ) => {
    for await (const page of pages<CommitNode>(client, {
      document: COMMIT_HISTORY,
      variables: { repository: repository.id, ...range },
      label: `history of ${repository.nameWithOwner} from ${range.since} to ${range.until}`,
      connection: (data: HistoryData) => data.node?.defaultBranchRef?.target?.history,
      first: COMMITS_PER_PAGE,
      after
    }))
      await keep(repository.nameWithOwner, page)
  }

  const pieces: HistoryPiece[] = repositories.flatMap(repository => {
    const count = repository.defaultBranchRef?.target?.history?.totalCount ?? 0
    if (count === 0) return []
    if (count <= 100) return [{ repository, since, until, first: count }]
    return timeSlices(window, Math.ceil(count / COMMITS_PER_SLICE)).map(range => ({
      repository,
      ...range,
      first: SLICE_FIRST
    }))
  })
  // Busiest histories first: of all slices, theirs are the likeliest to overflow into a page more,
  // which must not be found only when everything else is done.
  const count = (piece: HistoryPiece) => piece.repository.defaultBranchRef?.target?.history?.totalCount ?? 0
  pieces.sort((a, b) => count(b) - count(a))
  const piecesLeft = new Map<string, number>()
  for (const { repository } of pieces)
    piecesLeft.set(repository.nameWithOwner, (piecesLeft.get(repository.nameWithOwner) ?? 0) + 1)
  const pieceDone = (repository: string) => {
    const left = piecesLeft.get(repository)! - 1
    piecesLeft.set(repository, left)
    if (left === 0) context.repositoryDone?.(records.get(repository) ?? [])
  }
  // Each commit costs two connection requests (authors, parents), each piece one more.
  const batches = packBatches(pieces, piece => 1 + 2 * piece.first, QUERY_BUDGET)
  await Promise.all(
    batches.map(async batch => {
      const data = await client.query<Record<string, HistoryData['node']>>(
        commitHistories(batch.map(piece => ({ ...piece, repository: piece.repository.id }))),
        {},
        `history of ${describePieces(batch)}`,
        { priority: PRIORITY.leaf }
      )
      await Promise.all(
        batch.map(async (piece, i) => {
          const history = data[`r${i}`]?.defaultBranchRef?.target?.history
          // The listing counted commits here: a history that is gone now would drop them unseen.
          if (!history) throw new Error(`${piece.repository.nameWithOwner}: GitHub returned no history`)
          await keep(piece.repository.nameWithOwner, history.nodes)
          // A slice busier than expected, or commits that landed since the listing counted them.
          if (history.pageInfo.hasNextPage)
            await follow(
              piece.repository,
              { since: piece.since, until: piece.until },
              history.pageInfo.endCursor
            )
          pieceDone(piece.repository.nameWithOwner)
        })
      )
    })
  )
  return [...records.values()].flat()
}

function describePieces(pieces: HistoryPiece[]): string {
  const names = repositoriesOf(pieces.map(piece => piece.repository.nameWithOwner))
  const repositories = new Set(pieces.map(piece => piece.repository.nameWithOwner)).size
  return pieces.length > repositories ? `${names} (${pieces.length} time slices)` : names
}

/** Cuts the window into n equal slices; GitHub's since/until include both ends, so neighbours share an edge. */
function timeSlices(window: Window, n: number): { since: string; until: string }[] {
  const start = window.since.getTime()
  const step = (window.until.getTime() - start) / n
  return Array.from({ length: n }, (_, i) => ({
    since: new Date(Math.floor(start + i * step)).toISOString(),
    until: new Date(i === n - 1 ? window.until.getTime() : Math.floor(start + (i + 1) * step)).toISOString()
  }))
}

async function commitRecord(
  repository: string,
  node: CommitNode,
  context: CommitContext
): Promise<CommitRecord> {
  const recorded: PersonHider = context.recordedPerson ?? (person => person)
  const authorNodes = [...node.authors.nodes]
  if (node.authors.pageInfo.hasNextPage) {
    authorNodes.push(
      ...(await allNodes<CommitAuthorNode>(context.client, {
        document: COMMIT_AUTHORS,
        variables: { commit: node.id },
        label: `authors of ${node.url}`,
        connection: (data: { node: { authors: Connection<CommitAuthorNode> } | null }) => data.node?.authors,
        first: 100,
        after: node.authors.pageInfo.endCursor
      }))
    )
  }
  const authors: CommitAuthor[] = authorNodes.map(author => {
    if (author.user) {
      const { login, name, email } = author.user
      context.profiles.user({ login, name: name ?? '', email: email ?? '' })
    }
    return recorded({ name: author.name ?? '', email: author.email ?? '', login: author.user?.login ?? null })
  })
  return {
    kind: 'commit',
    repository,
    oid: node.oid,
    url: node.url,
    at: utcSecond(node.committedDate),
    parents: node.parents.totalCount,
    authors,
    signoffs: parseSignOffs(node.message).map(recorded)
  }
}
