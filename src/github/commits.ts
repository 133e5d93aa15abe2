import type { CommitAuthor, CommitRecord } from '../records.js'
import type { ProfileBook } from './actors.js'
import { ONE_POINT, packBatches } from './batches.js'
import type { GitHubClient } from './client.js'
import { allNodes, pages, type Connection } from './paginate.js'
import { COMMIT_AUTHORS, COMMIT_HISTORY, commitHistories } from './queries/commits.js'
import type { RepositoryOverview } from './scope.js'
import { parseSignOffs } from './sign-offs.js'
import { inWindow, utc, type Window } from './window-edges.js'

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

/** Each commit costs two connection requests (authors, parents): 74 commits fit in one point. */
const COMMITS_PER_POINT = Math.floor((ONE_POINT - 1) / 2)
/** A big history is cut into time slices that each hold about this many commits, fetched side by side. */
const COMMITS_PER_SLICE = 60

export interface CommitContext {
  client: GitHubClient
  window: Window
  profiles: ProfileBook
}

/** Every commit on the default branches, committed in the window, with all of its authors. */
export async function gatherCommits(repositories: RepositoryOverview[], context: CommitContext) {
  const { client, window } = context
  const since = window.since.toISOString()
  const until = window.until.toISOString()
  const records: CommitRecord[] = []
  const seen = new Set<string>()

  const keep = async (repository: string, nodes: CommitNode[]) => {
    for (const node of nodes) {
      const key = `${repository}@${node.oid}`
      if (seen.has(key) || !inWindow(node.committedDate, window)) continue
      seen.add(key)
      records.push(await commitRecord(repository, node, context))
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
      first: COMMITS_PER_POINT,
      after
    }))
      await keep(repository.nameWithOwner, page)
  }

  const sized = repositories
    .map(repository => ({ repository, count: repository.defaultBranchRef?.target?.history?.totalCount ?? 0 }))
    .filter(({ count }) => count > 0)
  const small = sized.filter(({ count }) => count <= COMMITS_PER_POINT)
  const big = sized.filter(({ count }) => count > COMMITS_PER_POINT)

  const smallBatches = packBatches(small, ({ count }) => 1 + 2 * count, ONE_POINT)
  const batched = smallBatches.map(async batch => {
    const data = await client.query<Record<string, HistoryData['node']>>(
      commitHistories(batch.map(({ repository, count }) => ({ repository: repository.id, first: count }))),
      { since, until },
      `history of ${batch.map(({ repository }) => repository.nameWithOwner).join(', ')}`
    )
    await Promise.all(
      batch.map(async ({ repository }, i) => {
        const history = data[`r${i}`]?.defaultBranchRef?.target?.history
        if (!history) return
        await keep(repository.nameWithOwner, history.nodes)
        // New commits may have landed since the listing counted them.
        if (history.pageInfo.hasNextPage)
          await follow(repository, { since, until }, history.pageInfo.endCursor)
      })
    )
  })

  const sliced = big.flatMap(({ repository, count }) =>
    timeSlices(window, Math.ceil(count / COMMITS_PER_SLICE)).map(range => follow(repository, range, null))
  )

  await Promise.all([...batched, ...sliced])
  return records
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
    return { name: author.name ?? '', email: author.email ?? '', login: author.user?.login ?? null }
  })
  return {
    kind: 'commit',
    repository,
    oid: node.oid,
    url: node.url,
    at: utc(node.committedDate),
    parents: node.parents.totalCount,
    authors,
    signoffs: parseSignOffs(node.message)
  }
}
