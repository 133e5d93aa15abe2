import { GitHubError, GitHubMissingError } from './errors.js'

// A fine-grained token or a GitHub App installation without the permission reads a repository but not
// its pull requests or issues: GitHub answers FORBIDDEN "Resource not accessible by integration" at the
// list's path, and the repository itself comes back null.
const PERMISSION_OF = {
  pullRequests: { what: 'pull requests', permission: 'Pull requests: read', workflow: 'pull-requests: read' },
  issues: { what: 'issues', permission: 'Issues: read', workflow: 'issues: read' }
} as const

/** The FORBIDDEN list of the answer, as the path that leads to its repository and the list's field. */
export function forbiddenList(
  error: unknown
): { path: (string | number)[]; field: keyof typeof PERMISSION_OF } | null {
  if (!(error instanceof GitHubMissingError)) return null
  for (const e of error.errors) {
    const field = e.path?.at(-1)
    if (e.type === 'FORBIDDEN' && (field === 'pullRequests' || field === 'issues'))
      return { path: e.path!.slice(0, -1), field }
  }
  return null
}

/** The run's failure, naming the repository and the permission the token lacks. */
export function forbiddenFailure(repository: string, field: keyof typeof PERMISSION_OF): GitHubError {
  const { what, permission, workflow } = PERMISSION_OF[field]
  return new GitHubError(
    `${repository}: the token may not read its ${what} (GitHub answered FORBIDDEN: Resource not accessible by ` +
      `integration). Give the token the "${permission}" permission (in a workflow, \`permissions: ${workflow}\`), ` +
      `or leave the repository out with repositories.exclude`
  )
}
