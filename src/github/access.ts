// Who holds a role in each organization: members with their role, teams with their members and
// repository permissions, outside collaborators of the repositories in scope. Only with `access` on,
// and only whole: every list is read to its end.
import { UsageError } from '../options.js'
import type { AccessFacts, OrganizationAccess } from '../records.js'
import type { GitHubClient } from './client.js'
import { GitHubError, GitHubMissingError } from './errors.js'
import { queryNodes } from './nodes.js'
import { allNodes, type Connection, type PageInfo } from './paginate.js'
import {
  ORGANIZATION_MEMBERS,
  ORGANIZATION_TEAMS,
  OUTSIDE_COLLABORATORS,
  REPOSITORY_COLLABORATORS,
  TEAM_MEMBERS,
  TEAM_REPOSITORIES
} from './queries/access.js'

interface Edges<E> {
  edges: E[]
  pageInfo: PageInfo
}
type LoginEdge<R extends string> = { [K in R]: string } & { node: { login: string } | null }
interface TeamNode {
  id: string
  slug: string
  members: Edges<LoginEdge<'role'>>
  repositories: Edges<{ permission: string; node: { nameWithOwner: string } | null }>
}

/** Teams per page: each brings up to a hundred members and a hundred repositories. */
const TEAMS_PER_PAGE = 10

/**
 * Every edge of a list whose first page came inside a bigger query: the pages after it, asked by the
 * owner's node id from the cursor the first page ended on, so a team or repository past a hundred is
 * read whole rather than cut short.
 */
async function whole<E>(
  client: GitHubClient,
  list: Edges<E>,
  rest: { document: string; id: string; label: string; field: string }
): Promise<E[]> {
  if (!list.pageInfo.hasNextPage) return list.edges
  const more = await allNodes<E>(client, {
    document: rest.document,
    variables: { id: rest.id },
    label: rest.label,
    connection: (data: { node: Record<string, Edges<E> | undefined> | null }) => {
      const next = data.node?.[rest.field]
      return next && { nodes: next.edges, pageInfo: next.pageInfo }
    },
    first: 100,
    after: list.pageInfo.endCursor
  })
  return [...list.edges, ...more]
}

/** Why a token may not read members and teams, in the words of the permission it lacks. */
function permissionFailure(organization: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error)
  if (!/INSUFFICIENT_SCOPES|FORBIDDEN|not accessible|required scopes/i.test(message))
    return error instanceof Error ? error : new Error(message)
  return new GitHubError(
    `access: the token may not read the members and teams of ${organization} (${message}). access.csv ` +
      'needs a classic token with the read:org scope, or a fine-grained token or GitHub App with ' +
      '"Members: read" on the organization; the workflow\'s GITHUB_TOKEN cannot read them.'
  )
}

async function organizationAccess(typed: string, client: GitHubClient): Promise<OrganizationAccess> {
  // As GitHub spells it, in the records and access.csv, however it was typed.
  let organization = typed
  const members = await allNodes<{ login: string; role: string }>(client, {
    document: ORGANIZATION_MEMBERS,
    variables: { login: typed },
    label: `members of ${typed}`,
    connection: (data: {
      organization: { login: string; membersWithRole: Edges<LoginEdge<'role'>> } | null
    }) => {
      if (!data.organization) throw noOrganization(typed)
      organization = data.organization.login
      const { edges, pageInfo } = data.organization.membersWithRole
      return { nodes: edges.flatMap(e => (e.node ? [{ login: e.node.login, role: e.role }] : [])), pageInfo }
    },
    first: 100
  })
  const teams = await allNodes<TeamNode>(client, {
    document: ORGANIZATION_TEAMS,
    variables: { login: organization },
    label: `teams of ${organization}`,
    connection: (data: { organization: { teams: Connection<TeamNode> } | null }) => data.organization?.teams,
    first: TEAMS_PER_PAGE
  })
  return {
    organization,
    members,
    teams: await Promise.all(
      teams.map(async team => {
        const slug = `${organization}/${team.slug}`
        const [members, repositories] = await Promise.all([
          whole(client, team.members, {
            document: TEAM_MEMBERS,
            id: team.id,
            label: `members of the team ${slug}`,
            field: 'members'
          }),
          whole(client, team.repositories, {
            document: TEAM_REPOSITORIES,
            id: team.id,
            label: `repositories of the team ${slug}`,
            field: 'repositories'
          })
        ])
        return {
          slug,
          members: members.flatMap(e => (e.node ? [{ login: e.node.login, role: e.role }] : [])),
          repositories: repositories.flatMap(e =>
            e.node ? [{ repository: e.node.nameWithOwner, permission: e.permission }] : []
          )
        }
      })
    )
  }
}

interface CollaboratorsNode {
  id: string
  nameWithOwner: string
  collaborators: Edges<LoginEdge<'permission'>> | null
}

/**
 * A user account given as organization with its repositories named passes the scope's check, but only
 * an organization has members and teams (GitHub answers any other login NOT_FOUND, or null).
 */
const noOrganization = (login: string) =>
  new UsageError(
    `access: GitHub knows no organization '${login}' (or the token may not see it); members and teams ` +
      "are an organization's: gather a personal account's repositories with access off"
  )

/** Members and teams of each organization, whole, or an error naming the permission a token lacks. */
export function gatherRoles(
  organizations: readonly string[],
  client: GitHubClient
): Promise<OrganizationAccess[]> {
  return Promise.all(
    organizations.map(organization =>
      organizationAccess(organization, client).catch((error: unknown) => {
        if (
          error instanceof GitHubMissingError &&
          error.onlyGone(p => p.length === 1 && p[0] === 'organization')
        )
          throw noOrganization(organization)
        throw permissionFailure(organization, error)
      })
    )
  )
}

/** Outside collaborators of some repositories (a listing page), in one query per hundred. */
export async function gatherCollaborators(
  repositories: readonly { id: string; nameWithOwner: string }[],
  client: GitHubClient
): Promise<AccessFacts['collaborators']> {
  if (repositories.length === 0) return []
  const nodes = await queryNodes<CollaboratorsNode>(
    client,
    OUTSIDE_COLLABORATORS,
    repositories.map(r => r.id),
    `outside collaborators of ${repositories[0]!.nameWithOwner} and ${repositories.length - 1} more`
  ).catch((error: unknown) => {
    throw permissionFailure(repositories[0]!.nameWithOwner.split('/')[0]!, error)
  })
  const lists = await Promise.all(
    nodes.map(async node => {
      if (!node.collaborators) return []
      const edges = await whole(client, node.collaborators, {
        document: REPOSITORY_COLLABORATORS,
        id: node.id,
        label: `outside collaborators of ${node.nameWithOwner}`,
        field: 'collaborators'
      }).catch((error: unknown) => {
        throw permissionFailure(node.nameWithOwner.split('/')[0]!, error)
      })
      return edges.flatMap(e =>
        e.node ? [{ repository: node.nameWithOwner, login: e.node.login, permission: e.permission }] : []
      )
    })
  )
  return lists.flat()
}
