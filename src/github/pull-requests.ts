import type { Logger } from '../options.js'
import type { PullRequestRecord, ReviewRecord } from '../records.js'
import type { ActorNode, ProfileBook } from './actors.js'
import { QUERY_BUDGET } from './batches.js'
import { repositoriesOf } from './labels.js'
import { type ListCursor, nextPages, pageLists, readLists } from './list-pages.js'
import { DeletedMeanwhile, followUpGone } from './deleted.js'
import { queryNodes, queryNodesOrGone } from './nodes.js'
import { PULL_REQUEST_LISTS } from './queries/lists.js'
import { PULL_REQUEST_SEARCH } from './queries/search.js'
import { readTimeSlices, SPLIT_ABOVE } from './time-slices.js'
import type { GitHubClient } from './client.js'
import { allNodes, type Connection } from './paginate.js'
import {
  MERGED_PULL_REQUESTS,
  PULL_REQUEST_FILES,
  REVIEW_COMMENT_COUNTS,
  REVIEW_PAGES,
  REVIEWED_PULL_REQUESTS
} from './queries/pull-requests.js'
import type { PullRequestStub, RepositoryOverview } from './scope.js'
import { utcSecond } from '../window.js'
import { inWindow, type Window } from './window-edges.js'

interface ReviewNode {
  id: string
  state: 'PENDING' | ReviewRecord['state']
  submittedAt: string | null
  body: string
  author: ActorNode | null
}

interface PullRequestNode {
  id: string
  url: string
  mergedAt?: string | null
  author: ActorNode | null
  changedFiles?: number
  files?: Connection<{ path: string }> | null
  reviews: Connection<ReviewNode>
}

export interface PullRequestContext {
  client: GitHubClient
  window: Window
  profiles: ProfileBook
  log: Logger
  deleted: DeletedMeanwhile
}

/** Ids per `nodes(ids:)` query: merged ones cost two connection requests each (files, reviews). */
const MERGED_PER_QUERY = Math.floor((QUERY_BUDGET - 1) / 2)
const REVIEWED_PER_QUERY = QUERY_BUDGET - 1
const COUNTED_REVIEWS_PER_QUERY = QUERY_BUDGET - 1
/** GitHub lists the changed files of a pull request up to this many. */
const MAX_LISTED_FILES = 3000

/**
 * Pull requests merged in the window (with their files) and every review submitted in the window,
 * from every pull request updated since the window began.
 */
export async function gatherPullRequests(repositories: RepositoryOverview[], context: PullRequestContext) {
  const { client, window } = context
  const records: (PullRequestRecord | ReviewRecord)[] = []
  const repositoryOf = new Map<string, string>()
  const numberOf = new Map<string, number>()
  const gone = (id: string) => context.deleted.note('pull request', repositoryOf.get(id)!, numberOf.get(id)!)
  const doubtful: { record: ReviewRecord; id: string }[] = []
  const work: Promise<void>[] = []
  const merged: string[] = []
  const reviewed: string[] = []

  const fetchDetails = (ids: string[], isMerged: boolean) => {
    const label = `${ids.length} ${isMerged ? 'merged' : 'other'} pull requests of ${repositoriesOf(ids.map(id => repositoryOf.get(id)!))}`
    const details = queryNodesOrGone<PullRequestNode>(
      client,
      isMerged ? MERGED_PULL_REQUESTS : REVIEWED_PULL_REQUESTS,
      ids,
      label
    )
      .then(nodes =>
        Promise.all(
          nodes.map((node, i) => (node ? keep(node, repositoryOf.get(ids[i])!, isMerged) : gone(ids[i])))
        )
      )
      .then(() => undefined)
    // Handled when all work is awaited; a failure meanwhile must not count as unhandled.
    details.catch(() => undefined)
    work.push(details)
  }
  const flush = (all: boolean) => {
    while (merged.length >= MERGED_PER_QUERY || (all && merged.length > 0))
      fetchDetails(merged.splice(0, MERGED_PER_QUERY), true)
    while (reviewed.length >= REVIEWED_PER_QUERY || (all && reviewed.length > 0))
      fetchDetails(reviewed.splice(0, REVIEWED_PER_QUERY), false)
  }
  /** Asks for inline-comment counts as soon as a query's worth of reviews without a body is known. */
  const countInlineComments = (all: boolean) => {
    while (doubtful.length >= COUNTED_REVIEWS_PER_QUERY || (all && doubtful.length > 0)) {
      const chunk = doubtful.splice(0, COUNTED_REVIEWS_PER_QUERY)
      const counts = queryNodes<{ comments: { totalCount: number } }>(
        client,
        REVIEW_COMMENT_COUNTS,
        chunk.map(d => d.id),
        `inline comments of ${chunk.length} approvals without a body`
      ).then(nodes =>
        nodes.forEach((node, j) => {
          chunk[j].record.substantive = node.comments.totalCount > 0
        })
      )
      counts.catch(() => undefined)
      work.push(counts)
    }
  }
  /** Queues the pull requests updated since the window began; false once older ones are reached. */
  const add = (repository: string, stubs: PullRequestStub[]): boolean => {
    for (const stub of stubs) {
      if (Date.parse(stub.updatedAt) < window.since.getTime()) return false
      // A pull request updated while the list was paged shifts the pages: it may come round twice.
      if (repositoryOf.has(stub.id)) continue
      repositoryOf.set(stub.id, repository)
      numberOf.set(stub.id, stub.number)
      ;(inWindow(stub.mergedAt, window) ? merged : reviewed).push(stub.id)
    }
    flush(false)
    return true
  }

  const reviewPage = nextPages<ReviewNode>(client, REVIEW_PAGES)
  const keep = async (node: PullRequestNode, repository: string, isMerged: boolean) => {
    const reviews = [...node.reviews.nodes]
    let files: string[] | null = null
    try {
      for (let page = node.reviews.pageInfo; page.hasNextPage;) {
        const next = await reviewPage({ repository: node.url, id: node.id, after: page.endCursor })
        // Deleted while its later pages were read: nothing of it is kept, as if it had gone before.
        if (!next) return gone(node.id)
        reviews.push(...next.nodes)
        page = next.pageInfo
      }
      if (isMerged && node.mergedAt) files = await changedFilesOf(node, context)
    } catch (error) {
      // Deleted while its later pages were read: nothing of it is kept, as if it had gone before.
      if (!followUpGone(error)) throw error
      gone(node.id)
      return
    }
    const author = context.profiles.actor(node.author)
    if (isMerged && node.mergedAt) {
      records.push({
        kind: 'pull_request',
        repository,
        url: node.url,
        at: utcSecond(node.mergedAt),
        author,
        files
      })
    }

    const submitted = reviews
      .filter(
        (r): r is ReviewNode & { state: ReviewRecord['state']; submittedAt: string } =>
          r.state !== 'PENDING' && !!r.submittedAt
      )
      // Each time parsed once: every review is compared with all before it.
      .map(review => ({ review, time: Date.parse(review.submittedAt) }))
      .sort((a, b) => a.time - b.time)
    for (const { review, time } of submitted) {
      const reviewer = context.profiles.actor(review.author)
      if (!inWindow(review.submittedAt, window)) continue
      const approvalsBefore = approversBefore(submitted, review, time)
      const record: ReviewRecord = {
        kind: 'review',
        repository,
        url: node.url,
        at: utcSecond(review.submittedAt),
        reviewer,
        pullRequestAuthor: author,
        state: review.state,
        substantive: review.body.trim() !== '' ? true : null,
        approvalsBefore
      }
      // Only a bare approval after someone else's can be set aside (reviews.late-approvals): for those
      // alone the inline comments are counted, afterwards, in cheap batches.
      if (record.substantive === null && record.state === 'APPROVED' && approvalsBefore.length > 0)
        doubtful.push({ record, id: review.id })
      records.push(record)
    }
    countInlineComments(false)
  }

  // The listing gave each repository's first hundred; the rest of every list is read side by side, a busy
  // repository's as time slices side by side rather than one long chain of pages.
  const going = repositories.filter(
    r => add(r.nameWithOwner, r.pullRequests.nodes) && r.pullRequests.pageInfo.hasNextPage
  )
  const busy = going.filter(r => listedSince(r.pullRequests.nodes, window) > SPLIT_ABOVE)
  await Promise.all([
    pageLists<PullRequestStub>(
      client,
      PULL_REQUEST_LISTS,
      going
        .filter(r => !busy.includes(r))
        .map(r => ({ repository: r.nameWithOwner, id: r.id, after: r.pullRequests.pageInfo.endCursor! })),
      (list, stubs) => add(list.repository, stubs)
    ),
    readTimeSlices<PullRequestStub & { createdAt: string }>(
      client,
      PULL_REQUEST_SEARCH,
      // The listing's pace says a list is long, not how long: a first slice over all time tells.
      busy.map(r => ({ repository: r.nameWithOwner, estimate: null })),
      window,
      // Search's `updated:` is GitHub's own date filter; the window's edge is kept here as in the lists.
      (repository, stubs) =>
        void add(
          repository,
          stubs.filter(stub => Date.parse(stub.updatedAt) >= window.since.getTime())
        )
    )
  ])
  // What is queued need not wait for the re-read of the lists' tops: it can only add to the queue.
  flush(true)
  await catchUpdatedMeanwhile(repositories, client, add)
  flush(true)
  await Promise.all(work)
  countInlineComments(true)
  await Promise.all(work)
  return { records }
}

/**
 * Every changed file, or null when GitHub does not list them all: `files` null, or a list shorter than
 * `changedFiles` (GitHub lists at most 3,000). A list known to fall short is not paged at all.
 */
async function changedFilesOf(node: PullRequestNode, context: PullRequestContext): Promise<string[] | null> {
  const changed = node.changedFiles ?? 0
  let files: string[] | null = null
  if (node.files && changed <= MAX_LISTED_FILES) {
    files = node.files.nodes.map(f => f.path)
    if (node.files.pageInfo.hasNextPage) {
      const rest = await allNodes<{ path: string }>(context.client, {
        document: PULL_REQUEST_FILES,
        variables: { pullRequest: node.id },
        label: `files of ${node.url}`,
        connection: (data: { node: { files: Connection<{ path: string }> | null } | null }) =>
          data.node?.files,
        first: 100,
        after: node.files.pageInfo.endCursor
      })
      files.push(...rest.map(f => f.path))
    }
  }
  if (files && files.length >= changed) return files
  // The electorate's warning names it in the outputs; here it is news in the log.
  const listed = files ? `lists only ${files.length}` : 'does not list any'
  context.log.warning(
    `${node.url}: GitHub ${listed} of its ${changed} changed files (it lists 3,000 at most), so it cannot count toward ci`
  )
  return null
}

/**
 * About how many pull requests were updated since the window began, from the listing's first page (newest
 * updated first): its pace over the time it covers, kept up over the whole window.
 */
function listedSince(stubs: PullRequestStub[], window: Window): number {
  if (stubs.length === 0) return 0
  const end = Math.max(window.until.getTime(), Date.parse(stubs[0]!.updatedAt))
  const covered = Math.max(end - Date.parse(stubs.at(-1)!.updatedAt), 3_600_000)
  return Math.round((stubs.length * (end - window.since.getTime())) / covered)
}

/** Logins of the other people whose approvals of the pull request were submitted before this review. */
function approversBefore(
  reviews: { review: { state: string; author: ActorNode | null }; time: number }[],
  review: { author: ActorNode | null },
  at: number
) {
  const logins: string[] = []
  for (const { review: other, time } of reviews) {
    if (time >= at) break
    const login = other.author?.login
    // An app's approval (a Bot) is nobody's: it never makes a person's approval late.
    const byPerson = other.author?.__typename !== 'Bot'
    if (
      other.state === 'APPROVED' &&
      byPerson &&
      login &&
      login !== review.author?.login &&
      !logins.includes(login)
    )
      logins.push(login)
  }
  return logins
}

/**
 * The list is paged newest-updated first, so a pull request updated while its repository was being paged
 * moves ahead of the cursor and would be missed, with every review it had in the window. Once the pages
 * are done the top of each list is read again, down to the pull request the listing began with: anything
 * above it was updated since, and is queued unless it was seen. Paging on from the top is paging again,
 * open to the same slip, so the read is repeated until one ends within its first page, read without a cursor.
 */
async function catchUpdatedMeanwhile(
  repositories: RepositoryOverview[],
  client: GitHubClient,
  add: (repository: string, stubs: PullRequestStub[]) => boolean
): Promise<void> {
  const headOf = new Map(repositories.map(r => [r.nameWithOwner, r.pullRequests.nodes[0]?.updatedAt]))
  const topOf = async (list: ListCursor) =>
    (await readLists<PullRequestStub>(client, PULL_REQUEST_LISTS, [{ ...list, after: null }]))[0]!.connection

  const catchUp = async (list: ListCursor, first: Connection<PullRequestStub>) => {
    let top = first
    let head = headOf.get(list.repository)
    // The first pass takes ties with the listing's head too; a later pass only what came after the
    // previous one began, or a list whose top shares one second would be read again forever.
    for (let pass = 0; ; pass++) {
      const since = head
      /** Queues the stubs updated since `since`; false once one is older. */
      const newer = (stubs: PullRequestStub[]) => {
        const above =
          since === undefined
            ? stubs
            : stubs.filter(stub => stub.updatedAt > since || (pass === 0 && stub.updatedAt === since))
        add(list.repository, above)
        return above.length === stubs.length
      }
      if (!newer(top.nodes) || !top.pageInfo.hasNextPage) return
      head = top.nodes[0]?.updatedAt ?? head
      await pageLists<PullRequestStub>(
        client,
        PULL_REQUEST_LISTS,
        [{ ...list, after: top.pageInfo.endCursor }],
        (_, stubs) => newer(stubs)
      )
      top = await topOf(list)
    }
  }

  const tops = await readLists<PullRequestStub>(
    client,
    PULL_REQUEST_LISTS,
    repositories.map(r => ({ repository: r.nameWithOwner, id: r.id, after: null }))
  )
  await Promise.all(tops.map(({ list, connection }) => catchUp(list, connection)))
}
