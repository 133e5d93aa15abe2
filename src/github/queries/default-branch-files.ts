import type { NodesQuery } from './nodes.js'

// The files the stewardship outputs read from each repository's default branch (`HEAD`): the workflow
// folder's entries with their text, and CODEOWNERS at each place GitHub looks, in GitHub's order. No
// connection is asked for, so a query of hundreds of repositories costs one point.

export const CODEOWNERS_PLACES = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const

export const DEFAULT_BRANCH_FILES: NodesQuery = {
  name: 'DefaultBranchFiles',
  selection: '... on Repository { ...DefaultBranchFiles }',
  fragments: /* GraphQL */ `
    fragment DefaultBranchFiles on Repository {
      nameWithOwner
      workflows: object(expression: "HEAD:.github/workflows") {
        ... on Tree {
          entries {
            name
            type
            object {
              ... on Blob {
                text
                isBinary
                isTruncated
              }
            }
          }
        }
      }
      ${CODEOWNERS_PLACES.map(
        (place, i) =>
          `codeowners${i}: object(expression: "HEAD:${place}") { ... on Blob { text isBinary isTruncated } }`
      ).join('\n      ')}
    }
  `
}
