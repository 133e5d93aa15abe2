import type { ActivityRecord, Actor, Profile, TriageEvent } from '../../src/records.js'
import { ORACLE_TRIAGE_EVENTS } from '../../tools/world/expected.js'
import type { World, WorldRepository } from '../../tools/world/types.js'

// What gathering must return, worked out straight from the world the fake serves.

const iso = (at: string) => new Date(at).toISOString().replace('.000Z', 'Z')

export function expectedRecords(world: World, repositories: WorldRepository[], since: Date, until: Date) {
  const inside = (at: string | null) =>
    !!at && Date.parse(at) >= since.getTime() && Date.parse(at) < until.getTime()
  const users = new Map(world.users.map(u => [u.login, u]))
  const actor = (login: string | null): Actor | null =>
    login === null ? null : { login, type: users.get(login)?.type ?? 'User' }
  const records: ActivityRecord[] = []
  for (const repo of repositories) {
    const repository = `${repo.owner}/${repo.name}`
    const web = `https://github.com/${repository}`
    if (repo.defaultBranch)
      for (const c of repo.commits.filter(c => inside(c.committedDate)))
        records.push({
          kind: 'commit',
          repository,
          oid: c.oid,
          url: `${web}/commit/${c.oid}`,
          at: iso(c.committedDate),
          parents: c.parents,
          authors: c.authors.map(a => ({ ...a })),
          signoffs: c.message
            .split('\n')
            .map(line => /^Signed-off-by: (.+) <(.+)>$/.exec(line.trim()))
            .filter(m => m !== null)
            .map(m => ({ name: m[1], email: m[2] }))
        })
    for (const pr of repo.pullRequests) {
      const url = `${web}/pull/${pr.number}`
      if (inside(pr.mergedAt))
        records.push({
          kind: 'pull_request',
          repository,
          url,
          at: iso(pr.mergedAt!),
          author: actor(pr.author),
          files: pr.files.length > 3000 ? null : [...pr.files]
        })
      const submitted = pr.reviews.filter(r => r.state !== 'PENDING' && r.submittedAt)
      for (const review of submitted.filter(r => inside(r.submittedAt))) {
        const approvalsBefore = [
          ...new Set(
            submitted
              .filter(o => o.state === 'APPROVED' && o.author && o.author !== review.author)
              .filter(o => actor(o.author)?.type !== 'Bot')
              .filter(o => Date.parse(o.submittedAt!) < Date.parse(review.submittedAt!))
              .map(o => o.author!)
          )
        ]
        records.push({
          kind: 'review',
          repository,
          url,
          at: iso(review.submittedAt!),
          reviewer: actor(review.author),
          pullRequestAuthor: actor(pr.author),
          state: review.state as 'APPROVED',
          // Inline comments are only looked at where a rule can need them: a bare approval after another's.
          substantive:
            review.body.trim() !== ''
              ? true
              : review.state === 'APPROVED' && approvalsBefore.length > 0
                ? review.comments.length > 0
                : null,
          approvalsBefore: approvalsBefore.sort()
        })
      }
    }
    for (const issue of repo.issues) {
      const url = `${web}/issues/${issue.number}`
      for (const event of issue.events.filter(e => inside(e.createdAt)))
        if (ORACLE_TRIAGE_EVENTS.has(event.type))
          records.push({
            kind: 'triage',
            repository,
            url,
            at: iso(event.createdAt),
            actor: actor(event.actor),
            issueAuthor: actor(issue.author),
            event: event.type as TriageEvent
          })
      for (const comment of issue.comments.filter(c => inside(c.createdAt)))
        records.push({
          kind: 'issue_comment',
          repository,
          url,
          at: iso(comment.createdAt),
          author: actor(comment.author),
          issueAuthor: actor(issue.author)
        })
    }
  }
  return records
}

/** Records in a stable order, with approvalsBefore as a set, for comparison. */
export function normalised(records: ActivityRecord[]): string[] {
  return records
    .map(r =>
      JSON.stringify(r.kind === 'review' ? { ...r, approvalsBefore: [...r.approvalsBefore].sort() } : r)
    )
    .sort()
}

export function expectedProfiles(world: World, records: ActivityRecord[]): Record<string, Profile> {
  const logins = new Set<string>()
  for (const r of records) {
    const actors =
      r.kind === 'commit'
        ? r.authors.map(a => a.login)
        : r.kind === 'pull_request'
          ? [r.author?.login]
          : r.kind === 'review'
            ? [r.reviewer?.login, r.pullRequestAuthor?.login, ...r.approvalsBefore]
            : r.kind === 'triage'
              ? [r.actor?.login, r.issueAuthor?.login]
              : [r.author?.login, r.issueAuthor?.login]
    for (const login of actors) if (login) logins.add(login)
  }
  const profiles: Record<string, Profile> = {}
  for (const user of world.users)
    if (user.type === 'User' && logins.has(user.login))
      profiles[user.login] = { login: user.login, name: user.name, email: user.email }
  return profiles
}
