import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult
} from 'graphql'
import type { World } from '../world/types.js'
import { DependencyChains } from './dependencies.js'
import { FakeGitHubError } from './errors.js'
import {
  badGateway,
  faultBeforeQuery,
  type FaultPlan,
  type FaultResponse,
  type GraphQLRequestBody
} from './faults.js'
import {
  insufficientScopesAnswer,
  resourceLimitsError,
  somethingWentWrongAnswer,
  somethingWentWrongMessage
} from './github-answers.js'
import { gitHubSchema } from './github-schema.js'
import { priceQuery } from './query-cost.js'
import { RateLimitWindow, type RateLimitOptions } from './rate-limit.js'
import { fieldResolver } from './resolvers/field-resolver.js'
import { worldChanged } from './resolvers/order.js'
import { deleteItem, indexWorld, itemId } from './world-index.js'

export interface FakeGitHubOptions {
  world: World
  /** When set, a request whose `Authorization: bearer X` differs answers 401 like GitHub. */
  token?: string
  /**
   * How long after its request each answer leaves. The fake's own work falls inside it, as GitHub's
   * servers work while the network carries; only work beyond it (or a fault's delay) adds time.
   */
  latencyMs?: number
  /** Default: any free port. */
  port?: number
  /** Serve over TLS with this key and certificate (PEM), as GitHub does: `url` is then https. */
  tls?: { key: string; cert: string }
  rateLimit?: RateLimitOptions
  /**
   * A token that may not read organization members and teams: a classic token without `read:org`
   * (INSUFFICIENT_SCOPES) or a fine-grained token or App without "Members: read" (FORBIDDEN).
   */
  tokenLacksMembers?: 'classic' | 'fine-grained'
  faults?: FaultPlan
  /** Called as each request arrives (index from 1), before it is answered: a test can change the world. */
  onRequest?: (index: number, github: FakeGitHub, body: GraphQLRequestBody) => void
}

export interface RequestLogEntry {
  /** From 1, in arrival order. */
  index: number
  /** Epoch milliseconds. */
  startedAt: number
  durationMs: number
  status: number
  /** Points charged (0 when the query did not run). */
  cost: number
  nodeCount: number
  fault?: string
  operationName?: string
  /** Length of the chain of answers this request builds on (cursors and ids it sends), itself included. */
  depth?: number
  /** The request whose answer it builds on, the one before it in that chain. */
  after?: number
}

export interface FakeGitHub {
  /** `http://127.0.0.1:PORT/graphql` (https with `tls`) */
  url: string
  log: RequestLogEntry[]
  /** The most requests served at once. */
  readonly maxInFlight: number
  /** Points charged since the server started. */
  pointsUsed(): number
  /** The longest chain of requests each of which needed a cursor or id from the one before. */
  criticalPathRequests(): number
  /**
   * Moves a pull request's or issue's `updatedAt`, as a label, comment or push during a run would: it
   * jumps to the top of every list ordered by UPDATED_AT.
   */
  touch(nameWithOwner: string, kind: 'pullRequest' | 'issue', number: number, at: string): void
  close(): Promise<void>
}

interface Answer {
  status: number
  body: unknown
  headers?: Record<string, string>
  entry: Partial<RequestLogEntry>
  /** A fault's own delay, on top of the latency. */
  delayMs?: number
}

const documentationUrl = 'https://docs.github.com/graphql'

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const schema = gitHubSchema()
  const index = indexWorld(options.world)
  const window = new RateLimitWindow(options.rateLimit)
  const plan = options.faults ?? {}
  const log: RequestLogEntry[] = []
  const chains = new DependencyChains()
  let arrived = 0
  let inFlight = 0
  let maxInFlight = 0
  let pointsUsed = 0
  const deletion = plan.deletedAfterListing
  let deletedId = deletion ? idOf(deletion) : null
  let answersNamingDeleted = 0

  function idOf({ repository, kind, number }: NonNullable<FaultPlan['deletedAfterListing']>): string {
    const view = index.repositoryByName.get(repository.toLowerCase())
    const item = (kind === 'pullRequest' ? view?.pullRequestsByNumber : view?.issuesByNumber)?.get(number)
    if (!item) throw new Error(`the world has no ${kind} ${repository}#${number}`)
    return itemId(item)
  }

  const fromFault = (fault: FaultResponse): Answer => ({
    status: fault.status,
    body: fault.body,
    headers: fault.headers,
    entry: { fault: fault.fault ?? 'custom' },
    delayMs: fault.delayMs
  })

  async function answer(request: IncomingMessage, requestIndex: number, raw: string): Promise<Answer> {
    if (options.token !== undefined) {
      const presented = /^(?:bearer|token)\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]
      if (presented !== options.token)
        return {
          status: 401,
          body: { message: 'Bad credentials', documentation_url: documentationUrl, status: '401' },
          entry: {}
        }
    }
    let body: GraphQLRequestBody
    try {
      body = JSON.parse(raw) as GraphQLRequestBody
      if (typeof body?.query !== 'string') throw new Error('no query')
    } catch {
      return {
        status: 400,
        body: { message: 'Problems parsing JSON', documentation_url: documentationUrl },
        entry: {}
      }
    }
    if (options.onRequest) {
      options.onRequest(requestIndex, fake, body)
      worldChanged()
    }
    const entry: Partial<RequestLogEntry> = {
      operationName: body.operationName ?? undefined,
      ...chains.dependencyOf(body.query, body.variables)
    }

    const fault = faultBeforeQuery(plan, requestIndex, body)
    if (fault) return { ...fromFault(fault), entry: { ...entry, ...fromFault(fault).entry } }

    let document: DocumentNode
    try {
      document = parse(body.query)
    } catch (error) {
      return { status: 200, body: { errors: [(error as GraphQLError).toJSON()] }, entry }
    }
    const validationErrors = validate(schema, document)
    if (validationErrors.length > 0)
      return { status: 200, body: { errors: validationErrors.map(e => e.toJSON()) }, entry }
    if (plan.withoutEmailScope) {
      const refused = insufficientScopesAnswer(schema, document)
      if (refused) return { ...fromFault(refused), entry: { ...entry, fault: refused.fault } }
    }
    const operation = getOperationAST(document, body.operationName ?? undefined)
    if (!operation) return { status: 200, body: { errors: [{ message: 'No operation to run' }] }, entry }
    entry.operationName ??= operation.name?.value
    const variables = body.variables ?? {}
    const price = priceQuery(schema, document, variables, operation)
    entry.nodeCount = price.nodeCount
    if (price.errors.length > 0)
      return { status: 200, body: { errors: price.errors.map(message => ({ message })) }, entry }

    if (plan.primaryExhaustAt === requestIndex) window.exhaust()
    if (!window.canAfford(price.dryRun ? 0 : price.cost))
      return {
        status: 200,
        body: {
          errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }]
        },
        entry: { ...entry, fault: plan.primaryExhaustAt ? 'primary-rate-limit' : undefined }
      }
    if (!price.dryRun) {
      window.charge(price.cost)
      pointsUsed += price.cost
      entry.cost = price.cost
    }

    if (plan.timeoutAboveNodes !== undefined && price.nodeCount > plan.timeoutAboveNodes) {
      const timeout = badGateway('timeout', plan.timeoutDelayMs ?? 200)
      return { ...fromFault(timeout), entry: { ...entry, fault: 'timeout' } }
    }
    if (plan.timeoutMessageAboveNodes !== undefined && price.nodeCount > plan.timeoutMessageAboveNodes) {
      const timeout = somethingWentWrongAnswer(200)
      return { ...fromFault(timeout), entry: { ...entry, fault: timeout.fault } }
    }

    const result = (await execute({
      schema,
      document,
      operationName: body.operationName ?? undefined,
      variableValues: variables,
      fieldResolver,
      contextValue: {
        index,
        dryRun: price.dryRun,
        tokenLacksMembers: options.tokenLacksMembers,
        rateLimit: window.report(price.cost, price.nodeCount),
        forbiddenRepository: plan.forbiddenRepository?.toLowerCase(),
        filesCutAt3000: plan.filesCutAt3000 ?? false,
        repositoryOwnerNotFound: plan.repositoryOwnerNotFound ?? false
      }
    })) as ExecutionResult
    const response = gitHubResponse(result)
    if (plan.partialErrorAt?.includes(requestIndex)) {
      breakOnePart(response, path => ({ message: somethingWentWrongMessage, path }))
      entry.fault = 'partial-error'
    } else if (
      plan.resourceLimitsAboveNodes !== undefined &&
      price.nodeCount > plan.resourceLimitsAboveNodes
    ) {
      breakOnePart(response, resourceLimitsError)
      entry.fault = 'resource-limits'
    }
    return { status: 200, body: response, entry }
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0]
    if (request.method !== 'POST' || (path !== '/graphql' && path !== '/api/graphql')) {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ message: 'Not Found', documentation_url: documentationUrl }))
      return
    }
    const requestIndex = ++arrived
    const startedAt = Date.now()
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      // Requests that arrived together are all let in (their latency clocks started) before any is run:
      // running one first would hold the others' arrival back by its own CPU time.
      await new Promise(resolve => setImmediate(resolve))
      let result: Answer
      try {
        result = await answer(request, requestIndex, Buffer.concat(chunks).toString('utf8'))
      } catch (error) {
        result = { status: 500, body: { message: String(error) }, entry: { fault: 'server-error' } }
      }
      const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body)
      if (deletion && deletedId && result.status === 200 && text.includes(`"${deletedId}"`)) {
        if (++answersNamingDeleted >= (deletion.answers ?? 1)) {
          deleteItem(index, deletion.repository, deletion.kind, deletion.number)
          worldChanged()
          deletedId = null
          result.entry.fault = 'deletes-item'
        }
      }
      if (result.status === 200 && result.entry.depth && !result.entry.fault)
        chains.recordAnswer(text, result.entry.depth, requestIndex)
      const latencyLeft = Math.max(0, (options.latencyMs ?? 0) - (Date.now() - startedAt))
      if (latencyLeft + (result.delayMs ?? 0) > 0) await sleep(latencyLeft + (result.delayMs ?? 0))
      response.writeHead(result.status, {
        'content-type': 'application/json; charset=utf-8',
        ...window.headers(),
        ...result.headers
      })
      response.end(text)
      log.push({
        index: requestIndex,
        startedAt,
        durationMs: Date.now() - startedAt,
        status: result.status,
        cost: result.entry.cost ?? 0,
        nodeCount: result.entry.nodeCount ?? 0,
        ...(result.entry.fault ? { fault: result.entry.fault } : {}),
        ...(result.entry.operationName ? { operationName: result.entry.operationName } : {}),
        ...(result.entry.depth ? { depth: result.entry.depth } : {}),
        ...(result.entry.after ? { after: result.entry.after } : {})
      })
    } finally {
      inFlight--
    }
  }

  const handler = (request: IncomingMessage, response: ServerResponse) => void serve(request, response)
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const fake: FakeGitHub = {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/graphql`,
    log,
    get maxInFlight() {
      return maxInFlight
    },
    pointsUsed: () => pointsUsed,
    criticalPathRequests: () => chains.longest,
    touch(nameWithOwner, kind, number, at) {
      const repository = index.repositoryByName.get(nameWithOwner.toLowerCase())
      const item = (
        kind === 'pullRequest' ? repository?.pullRequestsByNumber : repository?.issuesByNumber
      )?.get(number)
      if (!item) throw new Error(`the world has no ${kind} ${nameWithOwner}#${number}`)
      item.updatedAt = at
      worldChanged()
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
  return fake
}

/**
 * GitHub puts the error `type` (NOT_FOUND, ...) at the top level of each error, and its keys in this order
 * (fpicalausa/remove-stale-branches#49): type, path, extensions, locations, message.
 */
function gitHubResponse(result: ExecutionResult): { data?: unknown; errors?: unknown[] } {
  const errors = result.errors?.map(error => {
    const type = error.originalError instanceof FakeGitHubError ? error.originalError.type : undefined
    const { message, locations, path, extensions } = error.toJSON()
    return {
      ...(type ? { type } : {}),
      ...(path ? { path } : {}),
      ...(extensions ? { extensions } : {}),
      ...(locations ? { locations } : {}),
      message
    }
  })
  return { data: result.data ?? null, ...(errors ? { errors } : {}) }
}

/** Partial data: the first page of items found is dropped to null, with an error at its path. */
function breakOnePart(
  response: { data?: unknown; errors?: unknown[] },
  errorAt: (path: (string | number)[]) => unknown
): void {
  const find = (value: unknown, path: (string | number)[]): (string | number)[] | null => {
    if (value === null || typeof value !== 'object') return null
    if (!Array.isArray(value) && ('nodes' in value || 'edges' in value) && path.length > 0) return path
    for (const [key, child] of Object.entries(value)) {
      const found = find(child, [...path, Array.isArray(value) ? Number(key) : key])
      if (found) return found
    }
    return null
  }
  const data = response.data as Record<string, unknown> | null
  const path = find(data, []) ?? (data ? Object.keys(data).slice(0, 1) : [])
  if (data && path.length > 0) {
    let parent = data as Record<string | number, unknown>
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
    parent[path.at(-1)!] = null
  }
  response.errors = [...(response.errors ?? []), errorAt(path)]
}
