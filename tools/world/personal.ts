import { commit, user } from './stewardship.js'
import { isoSeconds } from './time.js'
import type { World, WorldRepository } from './types.js'

// A personal project: a repository owned by a user account, not an organization. GitHub's
// `organization(login:)` knows no such owner, `repositoryOwner(login:)` and `repository(owner:, name:)` do.

/**
 * Adds (in place) the user `login` and their repository `login/tool`: a commit by `shared`, a person
 * of the organization, and two by the owner. Returns the repository's `owner/name`.
 */
export function addPersonalRepository(
  world: World,
  login: string,
  shared: string,
  window: { since: Date; until: Date }
): string {
  world.users.push(user(login, world.now))
  const at = (days: number) => isoSeconds(window.until.getTime() - days * 24 * 3600 * 1000)
  const repository: WorldRepository = {
    id: Buffer.from(`Repository:${login}/tool`).toString('base64'),
    owner: login,
    name: 'tool',
    isArchived: false,
    isFork: false,
    isPrivate: false,
    defaultBranch: 'main',
    createdAt: at(600),
    // Object ids of their own: commits are counted by oid, and the second organization's repository
    // uses the first three.
    commits: [commit(shared, at(30), 7), commit(login, at(15), 8), commit(login, at(500), 9)],
    pullRequests: [],
    issues: []
  }
  repository.commits.at(-1)!.parents = 0
  world.repositories.push(repository)
  return `${login}/tool`
}
