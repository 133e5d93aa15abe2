// Sends one GraphQL request through @octokit/graphql and hands back what came of it in one shape,
// whichever way Octokit reported it: data, a GraphqlResponseError (errors in a 200), a RequestError
// (an HTTP error status, or no answer at all). What to do about it is the client's.
import { graphql, GraphqlResponseError } from '@octokit/graphql'
import { RequestError } from '@octokit/request-error'
import { proxyAwareFetch } from '../proxy-fetch.js'

export interface GraphQLError {
  type?: string
  /** Beside `type` on some errors, e.g. `graphql_rate_limit`. */
  code?: string
  message?: string
  path?: (string | number)[]
}

/** What one request brought back. */
export interface Answer {
  /** HTTP status; 0 when no answer came (network error, timeout). */
  status: number
  headers: Headers
  data: Record<string, unknown> | null | undefined
  errors: GraphQLError[]
  /** The body's top-level `message`, or the start of a body that is not JSON. */
  message: string
  /** Why no answer came, when none did. */
  networkError?: string
}

export type Transport = (document: string, variables: object) => Promise<Answer>

/** A request that hangs is given up on and retried as a network error would be. */
const REQUEST_TIMEOUT_MS = 120_000

/** What @octokit/request resolves to. */
interface Response {
  status: number
  headers: Record<string, unknown>
  data: unknown
}

interface Body {
  data?: Record<string, unknown> | null
  errors?: GraphQLError[]
  message?: string
}

function fromBody(status: number, headers: Record<string, unknown>, body: unknown): Answer {
  const known = typeof body === 'object' && body !== null ? (body as Body) : {}
  return {
    status,
    headers: new Headers(headers as Record<string, string>),
    data: known.data,
    errors: Array.isArray(known.errors) ? known.errors : [],
    message:
      typeof body === 'string' ? body.slice(0, 200) : typeof known.message === 'string' ? known.message : ''
  }
}

/**
 * A success body, parsed with plain JSON.parse. @octokit/request parses with json-with-bigint, whose reviver
 * runs for every value: on the huge bench world it took 7.4 s of the CLI's 17 s of CPU (GitHub's GraphQL
 * numbers all fit a double), so Octokit hands over the body unparsed (`parseSuccessResponseBody: false`)
 * and it is parsed here. A body that is not JSON stays text, as Octokit leaves it.
 */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function createTransport(options: { url: string; token: string }): Transport {
  const query = graphql.defaults({
    url: options.url,
    headers: { authorization: `bearer ${options.token}`, 'user-agent': 'electorate' },
    request: { fetch: proxyAwareFetch(options.url) }
  })

  return async (document, variables) => {
    // Octokit hands back only `data`: the hook keeps the whole response for its status and headers.
    let answered: Response | undefined
    const hook = async (send: (parameters: object) => Promise<Response>, parameters: object) => {
      answered = await send(parameters)
      answered.data = parseBody(await new globalThis.Response(answered.data as ReadableStream | null).text())
      return answered
    }
    try {
      await query(document, {
        ...variables,
        request: { hook, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), parseSuccessResponseBody: false }
      })
      return fromBody(answered!.status, answered!.headers, answered!.data)
    } catch (error) {
      if (error instanceof GraphqlResponseError) {
        return fromBody(answered?.status ?? 200, error.headers, { data: error.data, errors: error.errors })
      }
      if (error instanceof RequestError && error.response) {
        return fromBody(error.status, error.response.headers, error.response.data)
      }
      if (error instanceof RequestError || isAbort(error)) {
        return {
          status: 0,
          headers: new Headers(),
          data: undefined,
          errors: [],
          message: '',
          networkError: (error as Error).message
        }
      }
      throw error
    }
  }
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
