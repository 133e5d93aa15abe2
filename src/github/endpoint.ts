// Which GraphQL endpoint a run talks to, chosen as Octokit and the Actions toolkit would, so a GitHub
// Enterprise runner needs no setting of its own.
import { DEFAULT_GRAPHQL_URL } from '../options.js'

export interface EndpointSources {
  /** `graphql-url` (input or flag). */
  given: string | undefined
  /** The runner's `GITHUB_GRAPHQL_URL`. */
  graphqlUrl: string | undefined
  /** The runner's `GITHUB_API_URL`. */
  apiUrl: string | undefined
}

const blank = (value: string | undefined): value is undefined => value === undefined || value.trim() === ''

// Octokit's rule: a REST base of GitHub Enterprise Server (`https://HOST/api/v3`) has its GraphQL
// endpoint at `https://HOST/api/graphql`; any other base has it at `BASE/graphql`.
const GHES_V3_SUFFIX = /\/api\/v3\/?$/

export function graphqlUrlFromApiUrl(apiUrl: string): string {
  const base = apiUrl.trim()
  return GHES_V3_SUFFIX.test(base)
    ? base.replace(GHES_V3_SUFFIX, '/api/graphql')
    : `${base.replace(/\/+$/, '')}/graphql`
}

export function resolveGraphqlUrl(sources: EndpointSources): string {
  if (!blank(sources.given)) return sources.given.trim()
  if (!blank(sources.graphqlUrl)) return sources.graphqlUrl.trim()
  if (!blank(sources.apiUrl)) return graphqlUrlFromApiUrl(sources.apiUrl)
  return DEFAULT_GRAPHQL_URL
}

/**
 * The token goes wherever the endpoint points: said aloud when that is neither GitHub.com nor the
 * runner's own endpoint, so a mistyped or planted `graphql-url` is seen in the log.
 */
export function endpointWarning(url: string, runnerGraphqlUrl: string | undefined): string | undefined {
  if (new URL(url).hostname.toLowerCase() === 'api.github.com') return undefined
  if (!blank(runnerGraphqlUrl) && runnerGraphqlUrl.trim() === url) return undefined
  return `sending the token to ${url}, which is neither api.github.com nor this runner's GITHUB_GRAPHQL_URL`
}
