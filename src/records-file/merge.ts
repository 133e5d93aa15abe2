import { withoutEmails } from '../email-privacy.js'
import { UsageError } from '../options.js'
import { isDeepStrictEqual } from 'node:util'
import { byCodeUnits } from '../electorate/order.js'
import type { AccessFacts, Gathered, OrganizationAccess, Profile } from '../records.js'
import type { RecordsShard } from './read.js'

/**
 * One Gathered from the shards of a gathering split across jobs: the same window, repositories that no
 * two shards share, the same tool version. Shards may come from several organizations (a foundation's
 * election); `organization` then names them all, sorted, separated by ", ".
 */
export function mergeShards(shards: RecordsShard[]): Gathered {
  if (shards.length === 0) throw new UsageError('records: no records file given')
  // Argument order must not change the result: shards in the order of their first repository.
  const ordered = [...shards].sort((a, b) => byCodeUnits(firstRepository(a), firstRepository(b)))
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
    const server = ordered.find(other => other.server !== null)?.server ?? null
    if (shard.server !== null && shard.server !== server) {
      throw new UsageError(
        `records: ${shard.path} holds records of ${shard.server}, the other shards of ${server}; ` +
          'shards of one election come from one GitHub'
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
  const organizations = [...new Set(gathered.map(g => g.organization))].sort(byCodeUnits)
  const named = [...new Set(gathered.flatMap(g => g.named ?? []))].sort(byCodeUnits)
  return {
    organization: organizations.join(', '),
    since: first.gathered.since,
    until: first.gathered.until,
    repositories: gathered.flatMap(g => g.repositories),
    records: gathered.flatMap(g => g.records),
    profiles: agreedProfiles(ordered, gathered),
    warnings: gathered.flatMap(g => g.warnings),
    ...(named.length > 0 ? { named } : {}),
    ...(gathered.some(g => g.deleted) ? { deleted: gathered.flatMap(g => g.deleted ?? []) } : {}),
    ...(hidden ? { emails: 'hidden' as const } : {}),
    ...(gathered.some(g => g.files) && { files: gathered.flatMap(g => g.files ?? []) }),
    ...(gathered.some(g => g.access) && { access: mergedAccess(ordered, gathered) }),
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
  return shard.gathered.repositories.map(r => r.nameWithOwner).sort(byCodeUnits)[0] ?? ''
}

/**
 * Each shard reads its organizations' roles whole, so every shard of an organization brings the same
 * roles: one that differs (changed between the jobs, or forged) fails the run naming both files, and so
 * does a shard without roles beside shards with them (access.csv would lack its organization).
 */
function mergedAccess(shards: RecordsShard[], gathered: Gathered[]): AccessFacts {
  const withRoles = shards.find(shard => shard.gathered.access)!
  const without = shards.find(shard => !shard.gathered.access)
  if (without)
    throw new UsageError(
      `records: ${without.path} was gathered with access off, ${withRoles.path} with access on; ` +
        'gather every shard with the same access'
    )
  const organizations = new Map<string, { roles: OrganizationAccess; path: string }>()
  shards.forEach((shard, i) => {
    for (const roles of gathered[i]!.access!.organizations) {
      const key = roles.organization.toLowerCase()
      const known = organizations.get(key)
      if (!known) organizations.set(key, { roles, path: shard.path })
      else if (!isDeepStrictEqual(known.roles, roles))
        throw new UsageError(
          `records: ${known.path} and ${shard.path} disagree on the roles of ${roles.organization}; ` +
            'gather the shards again, close together'
        )
    }
  })
  return {
    organizations: [...organizations.values()].map(o => o.roles),
    collaborators: gathered.flatMap(g => g.access?.collaborators ?? [])
  }
}

/** One profile per login: two shards that bring different ones for the same person fail the run. */
function agreedProfiles(shards: RecordsShard[], gathered: Gathered[]): Gathered['profiles'] {
  const profiles: Gathered['profiles'] = {}
  const from = new Map<string, { profile: Profile; path: string }>()
  gathered.forEach((g, i) => {
    for (const profile of Object.values(g.profiles)) {
      const key = profile.login.toLowerCase()
      const earlier = from.get(key)
      if (earlier === undefined) {
        from.set(key, { profile, path: shards[i]!.path })
        profiles[profile.login] = profile
      } else if (!isDeepStrictEqual(earlier.profile, profile)) {
        throw new UsageError(
          `records: ${earlier.path} and ${shards[i]!.path} disagree on the profile of ${profile.login} ` +
            '(name or email); a shard may not speak for another, gather them again'
        )
      }
    }
  })
  return profiles
}
