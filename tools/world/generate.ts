import { generateCommits } from './commits.js'
import { placeBusyRepository } from './busy.js'
import { placeEdgeItems, placeStressItems } from './edges.js'
import { between, createNodeIds, iso, type Forge, type RepositoryDraft } from './forge.js'
import { generateIssues } from './issues.js'
import { castTeam, userBotLogin, type Persona } from './people.js'
import { generatePullRequests } from './pulls.js'
import { seededRandom } from './random.js'
import { planRepositories } from './repositories.js'
import { edgeWindow, subtractUtcMonths } from './time.js'
import type { World, WorldRepository, WorldUser } from './types.js'

export type Scale = 'small' | 'kata' | 'large' | 'huge'

export const SCALES: readonly Scale[] = ['small', 'kata', 'large', 'huge']

export interface GenerateOptions {
  scale: Scale
  seed?: number
  /** The moment the world is observed at; activity runs up to it. */
  now?: string
  organization?: string
}

export const DEFAULT_NOW = '2026-04-07T00:00:00Z'

// `activity` multiplies every team's commits, pull requests and issues: `huge` is 20 teams at one and a
// half times Kata's pace (about 30 times Kata over 600 repositories), plus one Kubernetes-sized repository.
const VOLUME: Record<
  Scale,
  { teams: number; activity: number; mergedPerYear: number; issuesPerYear: number }
> = {
  small: { teams: 1, activity: 1, mergedPerYear: 15, issuesPerYear: 10 },
  kata: { teams: 1, activity: 1, mergedPerYear: 840, issuesPerYear: 350 },
  large: { teams: 10, activity: 1, mergedPerYear: 840, issuesPerYear: 350 },
  huge: { teams: 20, activity: 1.5, mergedPerYear: 840, issuesPerYear: 350 }
}

/**
 * A deterministic fake GitHub organization: the same options always give a deep-equal world. History
 * starts 18 months before the default window's `until` (`edgeWindow(now)`) and nothing happens after `now`.
 */
export function generateWorld(options: GenerateOptions): World {
  const { scale } = options
  const now = Date.parse(options.now ?? DEFAULT_NOW)
  if (Number.isNaN(now)) throw new Error(`now is not a date: ${options.now}`)
  const organization = options.organization ?? (scale === 'small' ? 'demo-org' : 'kata-containers')
  const { since, until } = edgeWindow(iso(now))
  const start = subtractUtcMonths(until.getTime(), 18)
  const random = seededRandom(options.seed ?? 1)
  const nodeId = createNodeIds()
  const forge: Forge = {
    random,
    organization,
    now,
    since: since.getTime(),
    until: until.getTime(),
    start,
    activity: VOLUME[scale].activity,
    repositories: [],
    userBot: userBotLogin(organization),
    nodeId
  }
  const users: WorldUser[] = []
  const taken = new Set<string>()
  const accountCreated = () => iso(between(random, Date.UTC(2012, 0, 1), start))
  const teams: Persona[][] = []
  for (let team = 0; team < VOLUME[scale].teams; team++) {
    forge.repositories.push(...planRepositories(scale, team, organization, accountCreated(), nodeId))
    teams.push(
      castTeam(
        {
          random,
          scale,
          team,
          userBot: forge.userBot,
          createdAt: accountCreated,
          taken,
          nextId: () => random.int(1e6, 2e8)
        },
        users
      )
    )
  }
  teams.forEach((personas, team) => {
    generateCommits(forge, personas, team)
    generatePullRequests(forge, personas, team, VOLUME[scale].mergedPerYear * forge.activity)
    generateIssues(forge, personas, team, VOLUME[scale].issuesPerYear * forge.activity)
  })
  placeEdgeItems(forge, teams[0])
  if (scale !== 'small') placeStressItems(forge, teams[0])
  if (scale === 'huge') placeBusyRepository(forge, teams[0])
  return {
    now: iso(now),
    organization: { login: organization, name: organization, id: nodeId('Organization', organization) },
    users,
    repositories: forge.repositories.map(finish)
  }
}

/** Newest commit first, the oldest one a root commit; issue and pull request numbers in creation order. */
function finish(draft: RepositoryDraft): WorldRepository {
  const { weight: _weight, team: _team, ...repository } = draft
  const key = `${repository.owner}/${repository.name}`
  repository.commits.sort(
    (a, b) => b.committedDate.localeCompare(a.committedDate) || a.oid.localeCompare(b.oid)
  )
  const root = repository.commits.at(-1)
  if (root && root.parents === 1) root.parents = 0
  const threads = [...repository.pullRequests, ...repository.issues].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt)
  )
  threads.forEach((thread, i) => {
    thread.number = i + 1
    const kind = 'mergedAt' in thread ? 'PullRequest' : 'Issue'
    thread.id = Buffer.from(`${kind}:${key}#${thread.number}`).toString('base64')
  })
  repository.pullRequests.sort((a, b) => a.number - b.number)
  repository.issues.sort((a, b) => a.number - b.number)
  return repository
}

export { edgeWindow } from './time.js'
export { identityHints } from './people.js'
