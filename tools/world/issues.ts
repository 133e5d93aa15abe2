import { between, iso, pickPersona, pickRepository, type Forge } from './forge.js'
import type { Persona } from './people.js'
import { comment, event } from './pulls.js'
import { ISSUE_TITLES, LABELS } from './text.js'
import { DAY } from './time.js'
import type { WorldComment, WorldEvent, WorldIssue, WorldTriageEventType } from './types.js'

// Issues with triage by maintainers, a User-account bot and a Bot labeler, self-closes, deleted
// accounts, comments, and timeline events that are not triage.

const YEAR = 365 * DAY
const RARE: WorldTriageEventType[] = [
  'UNLABELED_EVENT',
  'UNASSIGNED_EVENT',
  'MILESTONED_EVENT',
  'DEMILESTONED_EVENT',
  'MARKED_AS_DUPLICATE_EVENT',
  'LOCKED_EVENT',
  'UNLOCKED_EVENT',
  'PINNED_EVENT',
  'UNPINNED_EVENT'
]

function issueAuthor(forge: Forge, personas: Persona[]): string | null {
  const roll = forge.random.next()
  if (roll < 0.05) return null
  if (roll < 0.08) return 'github-actions'
  if (roll < 0.1) return forge.userBot
  return pickPersona(forge.random, personas, 'issueWeight').login
}

export function makeIssue(forge: Forge, personas: Persona[], createdAt: number): WorldIssue {
  const { random, now } = forge
  const author = issueAuthor(forge, personas)
  const closedAt = random.chance(0.6)
    ? Math.min(now, createdAt + random.int(3600, 90 * 24 * 3600) * 1000)
    : null
  const end = closedAt ?? now
  const at = () => between(random, createdAt, end)
  const triager = () => (random.chance(0.02) ? null : pickPersona(random, personas, 'triageWeight').login)
  const events: WorldEvent[] = []
  if (random.chance(0.5))
    events.push(event(forge, 'LABELED_EVENT', 'github-actions', createdAt, random.pick(LABELS)))
  if (random.chance(0.1)) events.push(event(forge, 'LABELED_EVENT', forge.userBot, at(), 'stale'))
  if (random.chance(0.7)) {
    for (let n = random.int(1, 3); n > 0; n--) {
      const type = random.pick<WorldTriageEventType>(['LABELED_EVENT', 'ASSIGNED_EVENT', 'MILESTONED_EVENT'])
      events.push(
        event(forge, type, triager(), at(), type === 'LABELED_EVENT' ? random.pick(LABELS) : undefined)
      )
    }
  }
  if (random.chance(0.08)) events.push(event(forge, random.pick(RARE), triager(), at()))
  if (random.chance(0.2)) events.push(event(forge, 'CROSS_REFERENCED_EVENT', triager(), at()))
  if (random.chance(0.1)) events.push(event(forge, 'MENTIONED_EVENT', triager(), at()))
  if (random.chance(0.1)) events.push(event(forge, 'SUBSCRIBED_EVENT', triager(), at()))
  if (closedAt !== null) {
    // A quarter of issues are closed by their own author: that is not triage.
    const closer = random.chance(0.25) ? author : triager()
    events.push(event(forge, 'CLOSED_EVENT', closer, closedAt))
  }
  events.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const comments: WorldComment[] = []
  for (let n = random.int(0, 5); n > 0; n--) {
    const roll = random.next()
    const who =
      roll < 0.3
        ? author
        : roll < 0.32
          ? null
          : roll < 0.37
            ? 'github-actions'
            : pickPersona(random, personas, 'commentWeight').login
    comments.push(comment(forge, who, at(), 'Can you share the logs?'))
  }
  comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  return {
    id: '',
    number: 0,
    author,
    title: random.pick(ISSUE_TITLES),
    createdAt: iso(createdAt),
    state: closedAt === null ? 'OPEN' : 'CLOSED',
    closedAt: closedAt === null ? null : iso(closedAt),
    comments,
    events
  }
}

export function generateIssues(forge: Forge, personas: Persona[], team: number, perYear: number): void {
  const { random, start, now } = forge
  for (let n = Math.round((perYear * (now - start)) / YEAR); n > 0; n--) {
    pickRepository(forge, team).issues.push(makeIssue(forge, personas, between(random, start, now)))
  }
}
