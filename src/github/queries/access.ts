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
          id
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
      id
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

// The pages after the first hundred, for the rare team, team or repository with more: asked by node id
// from the cursor the first page ended on.

export const TEAM_MEMBERS = /* GraphQL */ `
  query TeamMembers($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Team {
        members(first: $first, after: $after, membership: IMMEDIATE) {
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
  }
`

export const TEAM_REPOSITORIES = /* GraphQL */ `
  query TeamRepositories($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Team {
        repositories(first: $first, after: $after) {
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
    }
  }
`

export const REPOSITORY_COLLABORATORS = /* GraphQL */ `
  query RepositoryCollaborators($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Repository {
        collaborators(first: $first, after: $after, affiliation: OUTSIDE) {
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
    }
  }
`
