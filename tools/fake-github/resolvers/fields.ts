import type { WorldIndex } from '../world-index.js'

export type Args = Record<string, unknown>

export interface RateLimitReport {
  cost: number
  limit: number
  remaining: number
  used: number
  resetAt: string
  nodeCount: number
}

/** What every resolver of one request sees. */
export interface RequestContext {
  index: WorldIndex
  /** `rateLimit(dryRun: true)`: price the query, resolve nothing else. */
  dryRun: boolean
  /** The token's missing permission, when it lacks the one to read members and teams. */
  tokenLacksMembers?: 'classic' | 'fine-grained'
  rateLimit: RateLimitReport
  /** Lower-cased `owner/name` whose pull requests and issues the token may not read. */
  forbiddenRepository?: string
  /** Above 3,000 files, list the first 3,000 rather than answer null. */
  filesCutAt3000?: boolean
  /** `repositoryOwner` of an unknown login: NOT_FOUND rather than GitHub's plain null. */
  repositoryOwnerNotFound?: boolean
}

export type Resolve<S> = (source: S, args: Args, context: RequestContext) => unknown

/** A field that takes arguments names the ones it honours; any other argument given is an error. */
export interface FieldSpec<S> {
  args: readonly string[]
  resolve: Resolve<S>
}

export type Fields<S> = Record<string, Resolve<S> | FieldSpec<S>>

export const withArgs = <S>(args: readonly string[], resolve: Resolve<S>): FieldSpec<S> => ({ args, resolve })

export const connectionArgs = ['first', 'last', 'after', 'before'] as const
