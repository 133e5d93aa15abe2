// access.csv and its findings, from the roles gathered and the roll: who holds a role, whether they were
// active in the window and whether they are on the roll. A pure function of the records and the config.
import type { Identities } from '../electorate/identities.js'
import { byCodeUnits } from '../electorate/order.js'
import type { Electorate, Person } from '../electorate/types.js'
import type { AccessFacts } from '../records.js'

export type AccessRole = 'owner' | 'member' | 'team-maintainer' | 'team-member' | 'collaborator'

export interface AccessRow {
  login: string
  role: AccessRole
  /** The organization, the team (`org/slug`) or the repository (`owner/name`). */
  scope: string
  /** GitHub's word: ADMIN or MEMBER for the organization, `repository=PERMISSION;...` for a team. */
  permission: string
  active: boolean
  onRoll: boolean
  lastActivity: string
  score: number
}

export interface AccessFindings {
  rows: AccessRow[]
  /** Holders of owner, admin or maintain with no counted activity in the window. */
  idleKeyHolders: AccessRow[]
  /** Repositories in scope where fewer than two active people hold admin or maintain. */
  thinlyHeld: { repository: string; activeHolders: string[] }[]
}

const KEY_PERMISSIONS = new Set(['ADMIN', 'MAINTAIN'])

export function accessOf(
  facts: AccessFacts,
  repositories: readonly string[],
  electorate: Electorate,
  identities: Pick<Identities, 'personOfLogin'>
): AccessFindings {
  const byKey = new Map(electorate.people.map(person => [person.login.toLowerCase(), person]))
  const personOf = (login: string): Person | undefined => {
    const key = identities.personOfLogin(login)
    return key === null ? undefined : byKey.get(key.toLowerCase())
  }
  const row = (login: string, role: AccessRole, scope: string, permission: string): AccessRow => {
    const person = personOf(login)
    const active = person !== undefined && person.lastActivity !== ''
    return {
      login,
      role,
      scope,
      permission,
      active,
      onRoll: person?.status === 'qualified',
      lastActivity: person?.lastActivity ?? '',
      score: person?.score ?? 0
    }
  }

  const rows: AccessRow[] = []
  // Who holds admin or maintain on each repository: owners everywhere, teams and collaborators where given.
  const keyHolders = new Map<string, Set<string>>(repositories.map(r => [r.toLowerCase(), new Set<string>()]))
  const holdKeys = (repository: string, login: string, permission: string) => {
    if (KEY_PERMISSIONS.has(permission)) keyHolders.get(repository.toLowerCase())?.add(login)
  }
  for (const organization of facts.organizations) {
    for (const member of organization.members) {
      const owner = member.role === 'ADMIN'
      rows.push(row(member.login, owner ? 'owner' : 'member', organization.organization, member.role))
      if (owner)
        for (const repository of repositories)
          if (repository.toLowerCase().startsWith(`${organization.organization.toLowerCase()}/`))
            holdKeys(repository, member.login, 'ADMIN')
    }
    for (const team of organization.teams) {
      const permissions = [...team.repositories]
        .sort((a, b) => byCodeUnits(a.repository, b.repository))
        .map(r => `${r.repository}=${r.permission}`)
        .join(';')
      for (const member of team.members) {
        const role = member.role === 'MAINTAINER' ? 'team-maintainer' : 'team-member'
        rows.push(row(member.login, role, team.slug, permissions))
        for (const r of team.repositories) holdKeys(r.repository, member.login, r.permission)
      }
    }
  }
  for (const c of facts.collaborators) {
    rows.push(row(c.login, 'collaborator', c.repository, c.permission))
    holdKeys(c.repository, c.login, c.permission)
  }
  rows.sort(
    (a, b) =>
      byCodeUnits(a.login.toLowerCase(), b.login.toLowerCase()) ||
      byCodeUnits(a.role, b.role) ||
      byCodeUnits(a.scope, b.scope)
  )

  const holdsKeys = (r: AccessRow) =>
    r.role === 'owner' || r.permission.split(';').some(p => KEY_PERMISSIONS.has(p.split('=').at(-1)!))
  const activeLogin = new Map(rows.map(r => [r.login.toLowerCase(), r.active]))
  const thinlyHeld = repositories
    .map(repository => {
      const holders = [...(keyHolders.get(repository.toLowerCase()) ?? [])]
      const activeHolders = [...new Set(holders.filter(l => activeLogin.get(l.toLowerCase())))].sort(
        byCodeUnits
      )
      return { repository, activeHolders }
    })
    .filter(r => r.activeHolders.length < 2)
    .sort((a, b) => byCodeUnits(a.repository, b.repository))
  return { rows, idleKeyHolders: rows.filter(r => holdsKeys(r) && !r.active), thinlyHeld }
}
