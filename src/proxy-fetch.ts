// Node's own fetch ignores HTTPS_PROXY, HTTP_PROXY and NO_PROXY, so a self-hosted runner behind a proxy
// could not reach GitHub. The Actions toolkit's rule decides instead (either case of each variable,
// loopback always direct), and undici's fetch carries the request through the proxy it names.
import { HttpClient } from '@actions/http-client'
import * as undici from 'undici'

/** A fetch for requests to `url`: through the proxy the environment names for it, else Node's own. */
export function proxyAwareFetch(url: string): typeof globalThis.fetch {
  const dispatcher = new HttpClient('electorate').getAgentDispatcher(url)
  if (!dispatcher) return globalThis.fetch
  return ((input: string, init: undici.RequestInit) =>
    undici.fetch(input, { ...init, dispatcher })) as unknown as typeof globalThis.fetch
}
