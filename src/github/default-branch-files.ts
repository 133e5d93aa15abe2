import type { BranchFile, RepositoryFiles } from '../records.js'
import type { GitHubClient } from './client.js'
import { queryNodes } from './nodes.js'
import { CODEOWNERS_PLACES, DEFAULT_BRANCH_FILES } from './queries/default-branch-files.js'

interface BlobNode {
  text?: string | null
  isBinary?: boolean | null
  isTruncated?: boolean
}

interface RepositoryFilesNode {
  nameWithOwner: string
  workflows: { entries?: { name: string; type: string; object: BlobNode | null }[] | null } | null
  [codeowners: `codeowners${number}`]: BlobNode | null
}

const WORKFLOW_FILE = /\.ya?ml$/

// A truncated or binary blob has no text to parse: the file is still listed, as unparsable.
const textOf = (blob: BlobNode): string | null =>
  typeof blob.text === 'string' && !blob.isBinary && !blob.isTruncated ? blob.text : null

/** A failure names the repositories it was about: the first three, and how many more. */
function namesOf(repositories: { nameWithOwner: string }[]): string {
  const named = repositories.slice(0, 3).map(r => r.nameWithOwner)
  const more = repositories.length - named.length
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ')
}

/** Workflow files and CODEOWNERS of each repository's default branch, in as few queries as ids allow. */
export async function gatherDefaultBranchFiles(
  repositories: { id: string; nameWithOwner: string }[],
  client: GitHubClient
): Promise<RepositoryFiles[]> {
  if (repositories.length === 0) return []
  const nodes = await queryNodes<RepositoryFilesNode>(
    client,
    DEFAULT_BRANCH_FILES,
    repositories.map(r => r.id),
    `workflow files and CODEOWNERS of ${namesOf(repositories)}`
  )
  return nodes.map(node => {
    const workflows: BranchFile[] = (node.workflows?.entries ?? [])
      .filter(entry => entry.type === 'blob' && WORKFLOW_FILE.test(entry.name))
      .map(entry => ({
        path: `.github/workflows/${entry.name}`,
        text: entry.object ? textOf(entry.object) : null
      }))
    const place = CODEOWNERS_PLACES.findIndex((_, i) => node[`codeowners${i}`] != null)
    const blob = place < 0 ? null : node[`codeowners${place}`]!
    return {
      repository: node.nameWithOwner,
      workflows,
      codeowners: blob === null ? null : { path: CODEOWNERS_PLACES[place], text: textOf(blob) }
    }
  })
}
