import { between, iso, pickPersona, pickRepository, type Forge } from './forge.js'
import type { Persona } from './people.js'
import { changedFiles, commitSubject, LABELS } from './text.js'
import { DAY } from './time.js'
import type { WorldComment, WorldEvent, WorldPullRequest, WorldReview, WorldReviewState } from './types.js'

// Pull requests with their reviews (maintainers, bots, self-reviews, pending, deleted accounts),
// conversation comments and events. Numbers and ids are given later, per repository.

const YEAR = 365 * DAY
const STATES: WorldReviewState[] = ['APPROVED', 'COMMENTED', 'CHANGES_REQUESTED', 'DISMISSED']
const STATE_WEIGHTS = [55, 30, 10, 5]

export function comment(
  forge: Forge,
  author: string | null,
  at: number,
  body = 'Thanks, looks good.'
): WorldComment {
  return { id: forge.nodeId('IssueComment'), author, createdAt: iso(at), body }
}

export function event(
  forge: Forge,
  type: WorldEvent['type'],
  actor: string | null,
  at: number,
  detail?: string
): WorldEvent {
  const e: WorldEvent = { id: forge.nodeId(type), type, actor, createdAt: iso(at) }
  if (detail !== undefined) e.detail = detail
  return e
}

export function review(
  forge: Forge,
  author: string | null,
  state: WorldReviewState,
  at: number | null,
  withText: boolean
): WorldReview {
  const comments: WorldComment[] = []
  if (withText && forge.random.chance(0.5))
    for (let i = forge.random.int(1, 3); i > 0; i--)
      comments.push({
        id: forge.nodeId('PullRequestReviewComment'),
        author,
        createdAt: iso(at ?? forge.now),
        body: 'nit'
      })
  return {
    id: forge.nodeId('PullRequestReview'),
    author,
    state,
    submittedAt: at === null ? null : iso(at),
    body: withText ? 'Please see inline.' : '',
    comments
  }
}

function reviewer(forge: Forge, personas: Persona[], author: string | null): string | null {
  const { random } = forge
  const roll = random.next()
  if (roll < 0.01) return null
  if (roll < 0.04 && author) return author
  return pickPersona(random, personas, 'reviewWeight').login
}

function pullAuthor(forge: Forge, personas: Persona[]): string | null {
  const roll = forge.random.next()
  if (roll < 0.01) return null
  if (roll < 0.04) return 'dependabot'
  if (roll < 0.06) return forge.userBot
  return pickPersona(forge.random, personas, 'commitsPerYear').login
}

export function makePullRequest(
  forge: Forge,
  personas: Persona[],
  state: WorldPullRequest['state'],
  createdAt: number,
  endedAt: number | null
): WorldPullRequest {
  const { random } = forge
  const author = pullAuthor(forge, personas)
  const end = endedAt ?? forge.now
  const reviews: WorldReview[] = []
  for (let n = [0, 1, 2, 3, 4, 6][random.weighted([15, 30, 30, 15, 7, 3])]; n > 0; n--) {
    const pending = random.chance(0.03)
    const state = pending ? 'PENDING' : STATES[random.weighted(STATE_WEIGHTS)]
    reviews.push(
      review(
        forge,
        reviewer(forge, personas, author),
        state,
        pending ? null : between(random, createdAt, end),
        random.chance(0.5)
      )
    )
  }
  if (random.chance(0.25))
    reviews.push(
      review(forge, 'copilot-pull-request-reviewer', 'COMMENTED', between(random, createdAt, end), true)
    )
  reviews.sort((a, b) => (a.submittedAt ?? '9').localeCompare(b.submittedAt ?? '9'))
  const comments: WorldComment[] = []
  for (let n = random.int(0, 3); n > 0; n--) {
    const who = random.chance(0.2) ? 'github-actions' : pickPersona(random, personas, 'commentWeight').login
    comments.push(comment(forge, who, between(random, createdAt, end), '/test'))
  }
  const events: WorldEvent[] = []
  if (random.chance(0.6))
    events.push(event(forge, 'LABELED_EVENT', 'github-actions', createdAt, random.pick(LABELS)))
  if (random.chance(0.1))
    events.push(
      event(
        forge,
        'ASSIGNED_EVENT',
        pickPersona(random, personas, 'triageWeight').login,
        between(random, createdAt, end)
      )
    )
  if (random.chance(0.1))
    events.push(event(forge, 'CROSS_REFERENCED_EVENT', author, between(random, createdAt, end)))
  if (state === 'CLOSED')
    events.push(event(forge, 'CLOSED_EVENT', pickPersona(random, personas, 'reviewWeight').login, end))
  return {
    id: '',
    number: 0,
    author,
    title: commitSubject(random),
    createdAt: iso(createdAt),
    state,
    mergedAt: state === 'MERGED' ? iso(end) : null,
    closedAt: state === 'OPEN' ? null : iso(end),
    files: changedFiles(random),
    reviews,
    comments,
    events
  }
}

/** `mergedPerYear` merged exactly inside the default window, at the same rate around it; some closed or open. */
export function generatePullRequests(
  forge: Forge,
  personas: Persona[],
  team: number,
  mergedPerYear: number
): void {
  const { random, start, since, until, now } = forge
  const periods = [
    { from: start, to: since, count: mergedPerYear * ((since - start) / YEAR) },
    { from: since + 1000, to: until, count: mergedPerYear },
    { from: until + 1000, to: now, count: mergedPerYear * ((now - until) / YEAR) }
  ]
  for (const { from, to, count } of periods) {
    if (to <= from) continue
    for (let n = Math.round(count); n > 0; n--) {
      const mergedAt = between(random, from, to)
      const createdAt = mergedAt - random.int(3600, 30 * 24 * 3600) * 1000
      pickRepository(forge, team).pullRequests.push(
        makePullRequest(forge, personas, 'MERGED', createdAt, mergedAt)
      )
    }
    for (let n = Math.round(count * 0.2); n > 0; n--) {
      const createdAt = between(random, from, to)
      const open = random.chance(0.3)
      const closedAt = open ? null : Math.min(now, createdAt + random.int(3600, 60 * 24 * 3600) * 1000)
      const pr = makePullRequest(forge, personas, open ? 'OPEN' : 'CLOSED', createdAt, closedAt)
      pickRepository(forge, team).pullRequests.push(pr)
    }
  }
}
