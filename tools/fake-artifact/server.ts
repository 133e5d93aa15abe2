import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { unzip } from './unzip.js'

// A local stand-in for the artifact service that @actions/artifact talks to: the Twirp
// CreateArtifact/FinalizeArtifact calls and the Azure block-blob upload in between.

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

export interface UploadedArtifact {
  name: string
  id: number
  /** The uploaded files by path inside the artifact, as they were before zipping. */
  files: Record<string, Buffer>
  /** What CreateArtifact asked for: set when retention days were given. */
  expiresAt?: string
  size: number
  /** `sha256:<hex>` as FinalizeArtifact reported it, checked against the bytes received. */
  hash: string
}

export interface ArtifactServiceRequest {
  method: string
  /** Path without the query, e.g. `/twirp/.../CreateArtifact` or `/account/container/blob`. */
  path: string
  query: Record<string, string>
  authorization?: string
  /** Twirp calls: the parsed JSON body. */
  body?: Record<string, unknown>
}

export interface FakeArtifactService {
  /** Origin to put in ACTIONS_RESULTS_URL. */
  url: string
  /** Finalized artifacts by name. */
  artifacts: Map<string, UploadedArtifact>
  /** Every request received, in arrival order. */
  requests: ArtifactServiceRequest[]
  close(): Promise<void>
}

interface PendingArtifact {
  name: string
  id: number
  mimeType: string
  expiresAt?: string
  blobPath: string
}

interface Blob {
  blocks: Map<string, Buffer>
  committed?: Buffer
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function blockIdsInOrder(xml: string): string[] {
  return [...xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map(m => m[2]!)
}

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const artifacts = new Map<string, UploadedArtifact>()
  const requests: ArtifactServiceRequest[] = []
  const pending = new Map<string, PendingArtifact>()
  const blobs = new Map<string, Blob>()
  let nextId = 4242
  let url = ''

  function createArtifact(body: Record<string, unknown>): Record<string, unknown> {
    const name = String(body.name ?? '')
    if (name === '') throw new TwirpError(400, 'invalid_argument', 'name is required')
    const id = nextId++
    const blobPath = `/account/container/artifact-${id}.zip`
    pending.set(name, {
      name,
      id,
      mimeType: String(body.mime_type ?? 'application/zip'),
      expiresAt: typeof body.expires_at === 'string' ? body.expires_at : undefined,
      blobPath
    })
    blobs.set(blobPath, { blocks: new Map() })
    return { ok: true, signed_upload_url: `${url}${blobPath}?sv=2025-01-05&sr=b&sp=cw&sig=fake` }
  }

  function finalizeArtifact(body: Record<string, unknown>): Record<string, unknown> {
    const name = String(body.name ?? '')
    const artifact = pending.get(name)
    if (!artifact) throw new TwirpError(404, 'not_found', `no artifact named ${name} was created`)
    const bytes = blobs.get(artifact.blobPath)?.committed
    if (!bytes) throw new TwirpError(400, 'failed_precondition', `artifact ${name} has no committed blob`)
    const hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    if (body.hash !== hash)
      throw new TwirpError(400, 'invalid_argument', `hash ${String(body.hash)} != ${hash}`)
    if (String(body.size) !== String(bytes.length)) {
      throw new TwirpError(400, 'invalid_argument', `size ${String(body.size)} != ${bytes.length}`)
    }
    // Unarchived uploads (skipArchive) carry the file's own type and take the artifact's name.
    const files = artifact.mimeType === 'application/zip' ? unzip(bytes) : { [name]: bytes }
    pending.delete(name)
    artifacts.set(name, {
      name,
      id: artifact.id,
      files,
      expiresAt: artifact.expiresAt,
      size: bytes.length,
      hash
    })
    return { ok: true, artifact_id: String(artifact.id) }
  }

  async function twirp(
    method: string,
    request: IncomingMessage,
    response: ServerResponse,
    record: ArtifactServiceRequest
  ) {
    const body = JSON.parse((await readBody(request)).toString('utf8') || '{}') as Record<string, unknown>
    record.body = body
    let answer: Record<string, unknown>
    try {
      if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) {
        throw new TwirpError(401, 'unauthenticated', 'missing bearer token')
      }
      if (method === 'CreateArtifact') answer = createArtifact(body)
      else if (method === 'FinalizeArtifact') answer = finalizeArtifact(body)
      else throw new TwirpError(404, 'bad_route', `no method ${method}`)
    } catch (error) {
      const status = error instanceof TwirpError ? error.status : 500
      const code = error instanceof TwirpError ? error.code : 'internal'
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ code, msg: (error as Error).message }))
      return
    }
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(answer))
  }

  async function blob(request: IncomingMessage, response: ServerResponse, record: ArtifactServiceRequest) {
    const stored = blobs.get(record.path)
    const body = await readBody(request)
    if (request.method !== 'PUT' || !stored) {
      response.writeHead(404, { 'content-type': 'application/xml' })
      response.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code></Error>')
      return
    }
    const { comp, blockid } = record.query
    if (comp === 'block' && blockid) {
      stored.blocks.set(blockid, body)
    } else if (comp === 'blocklist') {
      const ids = blockIdsInOrder(body.toString('utf8'))
      const missing = ids.filter(id => !stored.blocks.has(id))
      if (missing.length > 0) {
        response.writeHead(400, { 'content-type': 'application/xml' })
        response.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>InvalidBlockList</Code></Error>`)
        return
      }
      stored.committed = Buffer.concat(ids.map(id => stored.blocks.get(id)!))
    } else if (comp === undefined) {
      stored.committed = body // a single-shot upload
    } else {
      response.writeHead(400)
      response.end()
      return
    }
    // The blob client takes only 201 as success for these calls.
    response.writeHead(201, { 'x-ms-request-id': `fake-${requests.length}`, 'x-ms-version': '2025-01-05' })
    response.end()
  }

  const server = createServer((request, response) => {
    const parsed = new URL(request.url ?? '/', 'http://fake')
    const record: ArtifactServiceRequest = {
      method: request.method ?? 'GET',
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      authorization: request.headers.authorization
    }
    requests.push(record)
    const handled = parsed.pathname.startsWith(TWIRP)
      ? twirp(parsed.pathname.slice(TWIRP.length), request, response, record)
      : blob(request, response, record)
    handled.catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ code: 'internal', msg: error.message }))
    })
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    artifacts,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}
