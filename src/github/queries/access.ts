import type { NodesQuery } from './nodes.js'

// Who holds a role in an organization, for access.csv: members with their role, teams with their
// members' roles and repository permissions, outside collaborators per repository. All of them need a
// token that may read members (`read:org`, or "Members: read" for a fine-grained token or an App).

export const ORGANIZATION_MEMBERS = /* GraphQL */ `
  query OrganizationMembers($login: String!, $first: Int!, $after: String) {
    organization(login: $login) {
      login
      membersWithRole(first: $first, after: $after) {
        edges {
          role
          node {
            login
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`

// One spelling of each kind of edge, for the first page (inside the bigger query) and the pages after it
// (by node id), so that both read back the same.
const TEAM_MEMBER_EDGE = /* GraphQL */ `
  fragment TeamMemberEdgeFields on TeamMemberEdge {
    role
    node {
      login
    }
  }
`
const TEAM_REPOSITORY_EDGE = /* GraphQL */ `
  fragment TeamRepositoryEdgeFields on TeamRepositoryEdge {
    permission
    node {
      nameWithOwner
    }
  }
`
const COLLABORATOR_EDGE = /* GraphQL */ `
  fragment CollaboratorEdgeFields on RepositoryCollaboratorEdge {
    permission
    node {
      login
    }
  }
`

export const ORGANIZATION_TEAMS = /* GraphQL */ `
  query OrganizationTeams($login: String!, $first: Int!, $after: String) {
    organization(login: $login) {
      teams(first: $first, after: $after) {
        nodes {
          id
          slug
          members(first: 100, membership: IMMEDIATE) {
            edges {
              ...TeamMemberEdgeFields
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
          repositories(first: 100) {
            edges {
              ...TeamRepositoryEdgeFields
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
  ${TEAM_MEMBER_EDGE}
  ${TEAM_REPOSITORY_EDGE}
`

/** Outside collaborators of a batch of repositories by id: a hundred repositories cost one point. */
export const OUTSIDE_COLLABORATORS: NodesQuery = {
  name: 'OutsideCollaborators',
  selection: '... on Repository { ...OutsideCollaborators }',
  fragments: /* GraphQL */ `
    fragment OutsideCollaborators on Repository {
      id
      nameWithOwner
      collaborators(first: 100, affiliation: OUTSIDE) {
        edges {
          ...CollaboratorEdgeFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    ${COLLABORATOR_EDGE}
  `
}

/** The pages after the first hundred of one list, asked by its owner's node id from a cursor. */
function laterPages(name: string, type: string, field: string, edge: string): string {
  const [, fragment] = /fragment (\w+)/.exec(edge)!
  return /* GraphQL */ `
    query ${name}($id: ID!, $first: Int!, $after: String) {
      node(id: $id) {
        ... on ${type} {
          ${field} {
            edges {
              ...${fragment}
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    }
    ${edge}
  `
}

export const TEAM_MEMBERS = laterPages(
  'TeamMembers',
  'Team',
  'members(first: $first, after: $after, membership: IMMEDIATE)',
  TEAM_MEMBER_EDGE
)
export const TEAM_REPOSITORIES = laterPages(
  'TeamRepositories',
  'Team',
  'repositories(first: $first, after: $after)',
  TEAM_REPOSITORY_EDGE
)
export const REPOSITORY_COLLABORATORS = laterPages(
  'RepositoryCollaborators',
  'Repository',
  'collaborators(first: $first, after: $after, affiliation: OUTSIDE)',
  COLLABORATOR_EDGE
)
