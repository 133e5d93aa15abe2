import type { NodesQuery } from './nodes.js'

// Who holds a role in an organization, for access.csv: members with their role, teams with their
// members' roles and repository permissions, outside collaborators per repository. All of them need a
// token that may read members (`read:org`, or "Members: read" for a fine-grained token or an App).

export const ORGANIZATION_MEMBERS = /* GraphQL */ `
  query OrganizationMembers($login: String!, $first: Int!, $after: String) {
    organization(login: $login) {
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

export const ORGANIZATION_TEAMS = /* GraphQL */ `
  query OrganizationTeams($login: String!, $first: Int!, $after: String) {
    organization(login: $login) {
      teams(first: $first, after: $after) {
        nodes {
          slug
          members(first: 100, membership: IMMEDIATE) {
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
          repositories(first: 100) {
            edges {
              permission
              node {
                nameWithOwner
              }
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
`

/** Outside collaborators of a batch of repositories by id: a hundred repositories cost one point. */
export const OUTSIDE_COLLABORATORS: NodesQuery = {
  name: 'OutsideCollaborators',
  selection: '... on Repository { ...OutsideCollaborators }',
  fragments: /* GraphQL */ `
    fragment OutsideCollaborators on Repository {
      nameWithOwner
      collaborators(first: 100, affiliation: OUTSIDE) {
        edges {
          permission
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
  `
}
