import { withoutEmails } from '../email-privacy.js'
import { UsageError } from '../options.js'
import type { Gathered } from '../records.js'
import type { RecordsShard } from './read.js'

/**
 * One Gathered from the shards of a gathering split across jobs: the same window, repositories that no
 * two shards share, the same tool version. Shards may come from several organizations (a foundation's
 * election); `organization` then names them all, sorted, separated by ", ".
 */
export function mergeShards(shards: RecordsShard[]): Gathered {
  if (shards.length === 0) throw new UsageError('records: no records file given')
  // Argument order must not change the result: shards in the order of their first repository.
  const ordered = [...shards].sort((a, b) => firstRepository(a).localeCompare(firstRepository(b)))
  const [first] = ordered as [RecordsShard, ...RecordsShard[]]
  if (ordered.length === 1) return first.gathered

  const owner = new Map<string, RecordsShard>()
  for (const shard of ordered) {
    const { since, until } = shard.gathered
    if (since !== first.gathered.since || until !== first.gathered.until) {
      throw new UsageError(
        `records: ${first.path} covers ${first.gathered.since} until ${first.gathered.until} but ` +
          `${shard.path} covers ${since} until ${until}; shards of one election share one window`
      )
    }
    if (shard.toolVersion !== first.toolVersion) {
      throw new UsageError(
        `records: ${first.path} was gathered by electorate ${first.toolVersion} but ${shard.path} by ` +
          `${shard.toolVersion}; gather every shard with the same version`
      )
    }
    for (const repository of shard.gathered.repositories) {
      const key = repository.nameWithOwner.toLowerCase()
      const other = owner.get(key)
      if (other) {
        throw new UsageError(
          `records: ${repository.nameWithOwner} is in both ${other.path} and ${shard.path}; ` +
            'each repository belongs to one shard'
        )
      }
      owner.set(key, shard)
    }
  }

  // One shard gathered for a public artifact hides the addresses of all: a mix could not be scored alike.
  const hidden = ordered.some(shard => shard.gathered.emails === 'hidden')
  const gathered = ordered.map(shard => (hidden ? withoutEmails(shard.gathered) : shard.gathered))
  const organizations = [...new Set(gathered.map(g => g.organization))].sort()
  return {
    organization: organizations.join(', '),
    since: first.gathered.since,
    until: first.gathered.until,
    repositories: gathered.flatMap(g => g.repositories),
    records: gathered.flatMap(g => g.records),
    // A login seen by two shards: its profile from the first shard, so the choice does not depend on the order given.
    profiles: Object.assign({}, ...gathered.toReversed().map(g => g.profiles)) as Gathered['profiles'],
    warnings: gathered.flatMap(g => g.warnings),
    ...(gathered.some(g => g.deleted) ? { deleted: gathered.flatMap(g => g.deleted ?? []) } : {}),
    ...(hidden ? { emails: 'hidden' as const } : {}),
    // Each shard spends its own token's budget: what remains of one says nothing of the others.
    stats: {
      requests: gathered.reduce((sum, g) => sum + g.stats.requests, 0),
      points: gathered.reduce((sum, g) => sum + g.stats.points, 0),
      remaining: null,
      resetAt: null
    }
  }
}

function firstRepository(shard: RecordsShard): string {
  return shard.gathered.repositories.map(r => r.nameWithOwner).sort((a, b) => a.localeCompare(b))[0] ?? ''
}
