// access.csv and its findings, from the roles gathered and the roll: who holds a role, whether they were
// active in the window and whether they are on the roll. A pure function of the records and the config.
import type { Identities } from '../electorate/identities.js'
import { byCodeUnits } from '../electorate/order.js'
import type { Electorate, Person } from '../electorate/types.js'
import { type AccessFacts, KEY_PERMISSIONS } from '../records.js'

export type AccessRole = 'owner' | 'member' | 'team-maintainer' | 'team-member' | 'collaborator'

export interface AccessRow {
  login: string
  role: AccessRole
  /** The organization, the team (`org/slug`) or the repository (`owner/name`). */
  scope: string
  /** Lower case: admin or member for the organization, `repository=permission;...` for a team. */
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

/** GitHub's enum spelling (`ADMIN`) as the CSV writes roles: lower case (`admin`). */
const spelled = (permission: string) => permission.toLowerCase()

/** `facts` as gathering keeps them (accessInScope) and reading a records file checks them. */
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
  const keyRows: AccessRow[] = []
  // Who holds admin or maintain on each repository: owners everywhere, teams and collaborators where given.
  const keyHolders = new Map<string, AccessRow[]>(repositories.map(r => [r.toLowerCase(), []]))
  const holdKeys = (repository: string, holder: AccessRow, permission: string) => {
    if (KEY_PERMISSIONS.has(permission)) keyHolders.get(repository.toLowerCase())?.push(holder)
  }
  for (const organization of facts.organizations) {
    for (const member of organization.members) {
      const owner = member.role === 'ADMIN'
      const holder = row(
        member.login,
        owner ? 'owner' : 'member',
        organization.organization,
        spelled(member.role)
      )
      rows.push(holder)
      if (!owner) continue
      keyRows.push(holder)
      for (const repository of repositories)
        if (repository.toLowerCase().startsWith(`${organization.organization.toLowerCase()}/`))
          holdKeys(repository, holder, 'ADMIN')
    }
    for (const team of organization.teams) {
      const permissions = [...team.repositories]
        .sort((a, b) => byCodeUnits(a.repository, b.repository))
        .map(r => `${r.repository}=${spelled(r.permission)}`)
        .join(';')
      const keys = team.repositories.some(r => KEY_PERMISSIONS.has(r.permission))
      for (const member of team.members) {
        const role = member.role === 'MAINTAINER' ? 'team-maintainer' : 'team-member'
        const holder = row(member.login, role, team.slug, permissions)
        rows.push(holder)
        if (keys) keyRows.push(holder)
        for (const r of team.repositories) holdKeys(r.repository, holder, r.permission)
      }
    }
  }
  for (const c of facts.collaborators) {
    const holder = row(c.login, 'collaborator', c.repository, spelled(c.permission))
    rows.push(holder)
    keyRows.push(holder)
    holdKeys(c.repository, holder, c.permission)
  }
  const order = (a: AccessRow, b: AccessRow) =>
    byCodeUnits(a.login.toLowerCase(), b.login.toLowerCase()) ||
    byCodeUnits(a.role, b.role) ||
    byCodeUnits(a.scope, b.scope)
  rows.sort(order)

  // People, not accounts: two logins an alias joins are one active holder, not two.
  const thinlyHeld = repositories
    .map(repository => {
      const active = new Map<string, string>()
      for (const holder of keyHolders.get(repository.toLowerCase()) ?? [])
        if (holder.active) {
          const person = identities.personOfLogin(holder.login) ?? holder.login
          const known = active.get(person.toLowerCase())
          if (known === undefined || byCodeUnits(holder.login, known) < 0)
            active.set(person.toLowerCase(), holder.login)
        }
      return { repository, activeHolders: [...active.values()].sort(byCodeUnits) }
    })
    .filter(r => r.activeHolders.length < 2)
    .sort((a, b) => byCodeUnits(a.repository, b.repository))
  return { rows, idleKeyHolders: keyRows.filter(r => !r.active).sort(order), thinlyHeld }
}
