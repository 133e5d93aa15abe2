// What today's hand-run scripts would cost on the same world: per repository, one REST page of 100
// default-branch commits after another, then one user lookup per distinct author, strictly in sequence.
import { repositoriesInScope } from '../world/expected.js'
import type { World } from '../world/types.js'

export interface BaselineFigures {
  requests: number
  wallSeconds: number
}

export function baselineFigures(world: World, since: Date, until: Date, latencyMs: number): BaselineFigures {
  let requests = 0
  const authors = new Set<string>()
  for (const repository of repositoriesInScope(world, {})) {
    const commits = repository.commits.filter(c => {
      const at = Date.parse(c.committedDate)
      return at >= since.getTime() && at < until.getTime()
    })
    requests += Math.max(1, Math.ceil(commits.length / 100))
    for (const commit of commits) authors.add(commit.authors[0]!.email.toLowerCase())
  }
  requests += authors.size
  return { requests, wallSeconds: (requests * latencyMs) / 1000 }
}
