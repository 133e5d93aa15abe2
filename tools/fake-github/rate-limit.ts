import type { RateLimitReport } from './resolvers/fields.js'

export interface RateLimitOptions {
  /** Points per window; default 5,000 like a personal token. */
  limit?: number
  /** Points already used when the server starts. */
  used?: number
  /** Seconds until the first window resets (default 3,600), and how far ahead an exhausting fault puts it. */
  resetInSeconds?: number
}

const hour = 3600

/** The primary rate limit: points per window, charged before a query runs, as GitHub reports them. */
export class RateLimitWindow {
  readonly limit: number
  private used: number
  private resetAtMs: number
  private readonly resetInSeconds: number

  constructor(options: RateLimitOptions = {}, now = Date.now()) {
    this.limit = options.limit ?? 5000
    this.used = options.used ?? 0
    this.resetInSeconds = options.resetInSeconds ?? hour
    this.resetAtMs = now + this.resetInSeconds * 1000
  }

  private roll(now: number): void {
    if (now < this.resetAtMs) return
    this.used = 0
    this.resetAtMs = now + hour * 1000
  }

  /** Spend every point left until the reset, `resetInSeconds` from now. */
  exhaust(now = Date.now()): void {
    this.used = this.limit
    this.resetAtMs = now + this.resetInSeconds * 1000
  }

  canAfford(cost: number, now = Date.now()): boolean {
    this.roll(now)
    return this.used + cost <= this.limit
  }

  charge(cost: number, now = Date.now()): void {
    this.roll(now)
    this.used += cost
  }

  report(cost: number, nodeCount: number, now = Date.now()): RateLimitReport {
    this.roll(now)
    return {
      cost,
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      used: this.used,
      resetAt: new Date(Math.ceil(this.resetAtMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      nodeCount
    }
  }

  headers(now = Date.now()): Record<string, string> {
    this.roll(now)
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.limit - this.used)),
      'x-ratelimit-used': String(this.used),
      'x-ratelimit-reset': String(Math.ceil(this.resetAtMs / 1000)),
      'x-ratelimit-resource': 'graphql'
    }
  }
}
