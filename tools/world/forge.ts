import type { Persona } from './people.js'
import type { Random } from './random.js'
import { isoSeconds } from './time.js'
import type { WorldRepository } from './types.js'

// What every part of the generator shares while it builds one world.

export interface RepositoryDraft extends WorldRepository {
  /** Share of the team's activity that lands here. */
  weight: number
  team: number
}

export interface Forge {
  random: Random
  organization: string
  /** Milliseconds: the observation moment, the default window, and where history starts. */
  now: number
  since: number
  until: number
  start: number
  /** Multiplies each persona's commits per year (the scale's pace). */
  activity: number
  repositories: RepositoryDraft[]
  userBot: string
  nodeId(kind: string, key?: string): string
}

export function createNodeIds(): (kind: string, key?: string) => string {
  let counter = 0
  return (kind, key) => Buffer.from(`${kind}:${key ?? ++counter}`).toString('base64')
}

/** A whole second uniformly in [from, to); `from` when the range is empty. */
export function between(random: Random, from: number, to: number): number {
  if (to <= from) return from
  return from + Math.floor((random.next() * (to - from)) / 1000) * 1000
}

export const iso = isoSeconds

type Weight = 'reviewWeight' | 'triageWeight' | 'commentWeight' | 'issueWeight' | 'commitsPerYear'

/** Picks a persona with an account, in proportion to one of its weights. */
export function pickPersona(random: Random, personas: Persona[], weight: Weight): Persona {
  let byWeight = pools.get(personas)
  if (!byWeight) pools.set(personas, (byWeight = new Map()))
  let pool = byWeight.get(weight)
  if (!pool) {
    const candidates = personas.filter(p => p.login && p[weight] > 0)
    pool = { candidates, weights: candidates.map(p => p[weight]) }
    byWeight.set(weight, pool)
  }
  return pool.candidates[random.weighted(pool.weights)]
}

const pools = new WeakMap<Persona[], Map<Weight, { candidates: Persona[]; weights: number[] }>>()

/** A team's repository with a default branch, in proportion to its weight. */
export function pickRepository(forge: Forge, team: number): RepositoryDraft {
  // Asked once per generated item: the team's candidates are found once, not among all repositories each time.
  let byTeam = teamPools.get(forge.repositories)
  if (!byTeam) teamPools.set(forge.repositories, (byTeam = new Map()))
  let pool = byTeam.get(team)
  if (!pool) {
    const candidates = forge.repositories.filter(r => r.team === team && r.defaultBranch)
    pool = { candidates, weights: candidates.map(r => r.weight) }
    byTeam.set(team, pool)
  }
  return pool.candidates[forge.random.weighted(pool.weights)]
}

const teamPools = new WeakMap<
  RepositoryDraft[],
  Map<number, { candidates: RepositoryDraft[]; weights: number[] }>
>()
