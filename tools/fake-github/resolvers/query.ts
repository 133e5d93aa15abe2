import { FakeGitHubError } from '../errors.js'
import type { NodeView } from '../world-index.js'
import { withArgs, type Fields, type RequestContext } from './fields.js'
import { searchIssues, searchArgs } from './search.js'

const notFound = (message: string) => new FakeGitHubError(message, 'NOT_FOUND')

function nodeById(id: string, { index }: RequestContext): NodeView | FakeGitHubError {
  return index.nodeById.get(id) ?? notFound(`Could not resolve to a node with the global id of '${id}'`)
}

export const queryFields: Fields<unknown> = {
  organization: withArgs(['login'], (_s, args, { index }) => {
    const organization = index.organizations.get(String(args.login).toLowerCase())
    if (organization) return organization
    throw notFound(`Could not resolve to an Organization with the login of '${String(args.login)}'.`)
  }),
  // An organization or a user (never a bot); a login GitHub does not know answers null with no error,
  // unlike `organization` and `user` (public clients and GitHub's own CLI read it so: cli/cli#7231).
  repositoryOwner: withArgs(['login'], (_s, args, { index, repositoryOwnerNotFound }) => {
    const login = String(args.login).toLowerCase()
    const actor = index.actorByLogin.get(login)
    const owner = index.organizations.get(login) ?? (actor?.__typename === 'User' ? actor : null)
    if (!owner && repositoryOwnerNotFound)
      throw notFound(`Could not resolve to a RepositoryOwner with the login of '${String(args.login)}'.`)
    return owner
  }),
  repository: withArgs(['owner', 'name', 'followRenames'], (_s, args, { index }) => {
    const name = `${String(args.owner)}/${String(args.name)}`
    const found = index.repositoryByName.get(name.toLowerCase())
    const renamed = found && found.nameWithOwner.toLowerCase() !== name.toLowerCase()
    const repository = renamed && args.followRenames === false ? undefined : found
    if (!repository) throw notFound(`Could not resolve to a Repository with the name '${name}'.`)
    return repository
  }),
  user: withArgs(['login'], (_s, args, { index }) => {
    const actor = index.actorByLogin.get(String(args.login).toLowerCase())
    if (actor?.__typename !== 'User')
      throw notFound(`Could not resolve to a User with the login of '${String(args.login)}'.`)
    return actor
  }),
  node: withArgs(['id'], (_s, args, context) => {
    const node = nodeById(String(args.id), context)
    if (node instanceof Error) throw node
    return node
  }),
  // A missing id answers null in its place with an error, the rest of the list still served.
  nodes: withArgs(['ids'], (_s, args, context) => (args.ids as string[]).map(id => nodeById(id, context))),
  rateLimit: withArgs(['dryRun'], () => ({})),
  viewer: (_s, _a, { index }) => index.viewer,
  search: withArgs(searchArgs, searchIssues)
}
