import { between, iso, pickPersona, type Forge } from './forge.js'
import { makeIssue } from './issues.js'
import type { Persona } from './people.js'
import { event, makePullRequest, review } from './pulls.js'
import { DAY } from './time.js'
import { issueUpdatedAt, pullRequestUpdatedAt, type WorldEvent } from './types.js'

// The `huge` scale's Kubernetes-sized repository: the main repository of team 0 topped up to thousands
// of merged pull requests and thousands more open or closed ones that bots keep touching, with some
// pull requests of hundreds of reviews and issues of hundreds of events. Its lists are far longer than
// any one page chain should be.

export const BUSY = {
  merged: 4000,
  updated: 10_000,
  issuesUpdated: 3000,
  crowdedPullRequests: 30,
  noisyIssues: 30
}

export function placeBusyRepository(forge: Forge, personas: Persona[]): void {
  const { random, since, until, start } = forge
  const main = forge.repositories[0]
  const inWindow = (at: string | null) => at !== null && Date.parse(at) >= since && Date.parse(at) < until
  const reviewer = () => pickPersona(random, personas, 'reviewWeight').login
  const triager = () => pickPersona(random, personas, 'triageWeight').login

  let merged = main.pullRequests.filter(pr => inWindow(pr.mergedAt)).length
  for (; merged < BUSY.merged; merged++) {
    const mergedAt = between(random, since + 1000, until)
    const createdAt = mergedAt - random.int(3600, 30 * 24 * 3600) * 1000
    main.pullRequests.push(makePullRequest(forge, personas, 'MERGED', createdAt, mergedAt))
  }

  // Open and closed pull requests, some from long before the window, that a bot labels in the window.
  let updated = main.pullRequests.filter(pr => pullRequestUpdatedAt(pr) >= iso(since)).length
  for (; updated < BUSY.updated; updated++) {
    const createdAt = between(random, start, until - DAY)
    const open = random.chance(0.6)
    const closedAt = open ? null : Math.min(until - 1000, createdAt + random.int(3600, 90 * 24 * 3600) * 1000)
    const pr = makePullRequest(forge, personas, open ? 'OPEN' : 'CLOSED', createdAt, closedAt)
    const touched = between(random, Math.max(since, createdAt), until)
    pr.events.push(event(forge, 'LABELED_EVENT', forge.userBot, touched, 'lifecycle/stale'))
    main.pullRequests.push(pr)
  }

  for (let i = 0; i < BUSY.crowdedPullRequests; i++) {
    const mergedAt = between(random, since + 30 * DAY, until)
    const crowded = makePullRequest(forge, personas, 'MERGED', mergedAt - 25 * DAY, mergedAt)
    crowded.title = `api: graduate feature ${i + 1} (hundreds of reviews)`
    for (let n = random.int(150, 400); n > 0; n--) {
      const at = between(random, mergedAt - 25 * DAY, mergedAt)
      crowded.reviews.push(
        review(forge, reviewer(), n % 12 === 0 ? 'APPROVED' : 'COMMENTED', at, n % 4 === 0)
      )
    }
    crowded.reviews.sort((a, b) => (a.submittedAt ?? '9').localeCompare(b.submittedAt ?? '9'))
    main.pullRequests.push(crowded)
  }

  let issuesUpdated = main.issues.filter(issue => issueUpdatedAt(issue) >= iso(since)).length
  for (; issuesUpdated < BUSY.issuesUpdated; issuesUpdated++)
    main.issues.push(makeIssue(forge, personas, between(random, since - 90 * DAY, until - DAY)))

  for (let i = 0; i < BUSY.noisyIssues; i++) {
    const createdAt = between(random, since, until - 60 * DAY)
    const noisy = makeIssue(forge, personas, createdAt)
    noisy.title = `Tracking: flaky job ${i + 1} (hundreds of events)`
    const events: WorldEvent[] = []
    for (let n = random.int(150, 450); n > 0; n--) {
      const type = n % 3 === 0 ? 'MENTIONED_EVENT' : n % 2 === 0 ? 'LABELED_EVENT' : 'UNLABELED_EVENT'
      events.push(event(forge, type, triager(), between(random, createdAt, createdAt + 60 * DAY), 'flaky'))
    }
    noisy.events = [...noisy.events, ...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    main.issues.push(noisy)
  }
}
