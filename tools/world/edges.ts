import { makeCommit } from './commits.js'
import { between, iso, pickPersona, type Forge } from './forge.js'
import { makeIssue } from './issues.js'
import type { Persona } from './people.js'
import { comment, event, makePullRequest, review } from './pulls.js'
import { hugeChangeSet } from './text.js'
import { DAY } from './time.js'
import type { WorldEvent, WorldPullRequest, WorldReview } from './types.js'

/**
 * Items exactly on the default window's edges (`edgeWindow(now)`): `edge-since` makes one of each
 * metric at `since` (all count), `edge-until` the same at `until` (none count; only when until <= now).
 */
export function placeEdgeItems(forge: Forge, personas: Persona[]): void {
  const main = forge.repositories[0]
  const maintainer = personas[0].login
  const target: WorldPullRequest = {
    ...bare(forge, maintainer, forge.since - 2 * DAY),
    state: 'OPEN',
    files: ['README.md']
  }
  const issue = makeIssue(forge, personas, forge.since - 2 * DAY)
  issue.author = pickPersona(forge.random, personas, 'issueWeight').login
  main.pullRequests.push(target)
  main.issues.push(issue)
  for (const [login, at] of [
    ['edge-since', forge.since],
    ['edge-until', forge.until]
  ] as const) {
    if (at > forge.now) continue
    const author = { name: login, email: `${login}@edge.example`, login }
    main.commits.push(makeCommit(forge, at, [author], { signoff: author }))
    main.pullRequests.push({
      ...bare(forge, login, at - DAY),
      state: 'MERGED',
      mergedAt: iso(at),
      closedAt: iso(at),
      files: ['.github/workflows/edge.yaml']
    })
    target.reviews.push(review(forge, login, 'APPROVED', at, false))
    issue.events.push(event(forge, 'LABELED_EVENT', login, at, 'bug'))
    issue.comments.push(comment(forge, login, at))
  }
}

function bare(forge: Forge, author: string | null, createdAt: number): WorldPullRequest {
  return {
    id: '',
    number: 0,
    author,
    title: 'Edge of the window',
    createdAt: iso(createdAt),
    state: 'OPEN',
    mergedAt: null,
    closedAt: null,
    files: [],
    reviews: [],
    comments: [],
    events: []
  }
}

/** One pull request with 250 reviews, one with more than 3,000 files, one issue with 400 events, transfers. */
export function placeStressItems(forge: Forge, personas: Persona[]): void {
  const { random } = forge
  const main = forge.repositories[0]
  const middle = forge.since + Math.floor((forge.until - forge.since) / 2000) * 1000
  const reviewer = () => pickPersona(random, personas, 'reviewWeight').login

  const busy = makePullRequest(forge, personas, 'MERGED', middle - 20 * DAY, middle)
  busy.title = 'runtime: rework the sandbox API (250 reviews)'
  busy.reviews = []
  for (let i = 0; i < 250; i++) {
    const at = between(random, middle - 20 * DAY, middle)
    busy.reviews.push(review(forge, reviewer(), i % 10 === 0 ? 'APPROVED' : 'COMMENTED', at, i % 3 === 0))
  }
  busy.reviews.sort(bySubmittedAt)
  main.pullRequests.push(busy)

  const huge = makePullRequest(forge, personas, 'MERGED', middle - 5 * DAY, middle + DAY)
  huge.title = 'vendor: update all Go modules (over 3,000 files)'
  huge.author = personas[1].login
  huge.files = hugeChangeSet()
  main.pullRequests.push(huge)

  const noisy = makeIssue(forge, personas, middle - 60 * DAY)
  noisy.title = 'Tracking: flaky tests (400 timeline events)'
  const events: WorldEvent[] = []
  for (let i = 0; i < 400; i++) {
    const at = between(random, middle - 60 * DAY, middle + 60 * DAY)
    const type = i % 4 === 3 ? 'CROSS_REFERENCED_EVENT' : i % 2 === 0 ? 'LABELED_EVENT' : 'UNLABELED_EVENT'
    events.push(event(forge, type, pickPersona(random, personas, 'triageWeight').login, at, 'flaky'))
  }
  noisy.events = events.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  noisy.state = 'OPEN'
  noisy.closedAt = null
  main.issues.push(noisy)

  for (let i = 0; i < 3; i++) {
    const createdAt = between(random, forge.since, forge.until - 30 * DAY)
    const moved = makeIssue(forge, personas, createdAt)
    moved.title = 'Moved from the tests repository'
    const actor = pickPersona(random, personas, 'triageWeight').login
    moved.events.unshift(
      event(forge, 'TRANSFERRED_EVENT', actor, createdAt + 3600_000, `${forge.organization}/tests`)
    )
    main.issues.push(moved)
  }
}

const bySubmittedAt = (a: WorldReview, b: WorldReview) =>
  (a.submittedAt ?? '9').localeCompare(b.submittedAt ?? '9')
