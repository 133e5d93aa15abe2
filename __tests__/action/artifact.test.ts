import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Logger } from '../../src/options.js'
import { isEnterpriseServer, uploadOutputFolder } from '../../src/output/artifact.js'
import { artifactUploadEnvironment, FAKE_RUNNER_IDS } from '../../tools/fake-artifact/environment.js'
import { type FakeArtifactService, startFakeArtifactService } from '../../tools/fake-artifact/server.js'

function recordingLogger() {
  const warnings: string[] = []
  const log: Logger = {
    info: () => {},
    warning: message => void warnings.push(message),
    debug: () => {},
    group: (_name, fn) => fn()
  }
  return { log, warnings }
}

let service: FakeArtifactService
let dir: string
const files: Record<string, Buffer> = {
  'electorate.csv': Buffer.from('login,name,score\nzoë,"Zoë, Ünïcode",3\n', 'utf8'),
  'report.json': Buffer.from(JSON.stringify({ totals: { qualified: 1 } }, null, 2)),
  // Random bytes do not compress: above the client's 8 MiB block size they take two blocks.
  'evidence.csv': randomBytes(9 * 1024 * 1024),
  'empty.csv': Buffer.alloc(0)
}

beforeAll(async () => {
  service = await startFakeArtifactService()
  dir = await mkdtemp(path.join(tmpdir(), 'electorate-artifact-'))
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content)
})

afterAll(async () => {
  await service.close()
  await rm(dir, { recursive: true, force: true })
})

beforeEach(() => {
  for (const [name, value] of Object.entries(artifactUploadEnvironment(service.url))) vi.stubEnv(name, value)
  service.requests.length = 0
})

afterEach(() => {
  vi.unstubAllEnvs()
})

const request = (name: string, retentionDays?: number) => ({
  name,
  dir,
  files: Object.keys(files).map(f => path.join(dir, f)),
  retentionDays
})

describe('isEnterpriseServer', () => {
  it('is true for any host but github.com, *.ghe.com and *.localhost', () => {
    expect(isEnterpriseServer(undefined)).toBe(false)
    expect(isEnterpriseServer('https://github.com')).toBe(false)
    expect(isEnterpriseServer('https://GitHub.com/')).toBe(false)
    expect(isEnterpriseServer('https://octo.ghe.com')).toBe(false)
    expect(isEnterpriseServer('http://github.localhost')).toBe(false)
    expect(isEnterpriseServer('https://github.example-enterprise.com')).toBe(true)
    expect(isEnterpriseServer('http://127.0.0.1:8080')).toBe(true)
  })
})

describe('uploadOutputFolder', () => {
  it('uploads every file of the folder, byte-identical, and returns the artifact id', async () => {
    const { log, warnings } = recordingLogger()
    const id = await uploadOutputFolder(request('electorate'), log)

    const uploaded = service.artifacts.get('electorate')
    expect(uploaded).toBeDefined()
    expect(id).toBe(uploaded!.id)
    expect(Object.keys(uploaded!.files).sort()).toEqual(Object.keys(files).sort())
    for (const [name, content] of Object.entries(files)) {
      expect(uploaded!.files[name]!.equals(content), name).toBe(true)
    }
    expect(uploaded!.expiresAt).toBeUndefined()
    expect(warnings).toEqual([])
    expect(service.requests.filter(r => r.query.comp === 'block').length).toBeGreaterThanOrEqual(2)
  })

  it('names the run and job from the runtime token and sends the retention as an expiry date', async () => {
    const { log } = recordingLogger()
    const before = Date.now()
    await uploadOutputFolder(request('electorate-retained', 7), log)

    const create = service.requests.find(r => r.path.endsWith('/CreateArtifact'))!
    expect(create.body).toMatchObject({
      name: 'electorate-retained',
      workflow_run_backend_id: FAKE_RUNNER_IDS.workflowRunBackendId,
      workflow_job_run_backend_id: FAKE_RUNNER_IDS.workflowJobRunBackendId
    })
    const expiresAt = Date.parse(service.artifacts.get('electorate-retained')!.expiresAt!)
    const sevenDays = 7 * 24 * 60 * 60 * 1000
    expect(expiresAt).toBeGreaterThanOrEqual(before + sevenDays - 60_000)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + sevenDays + 60_000)
  })

  it('on GitHub Enterprise Server skips the upload with a warning and returns null', async () => {
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.example-enterprise.com')
    const { log, warnings } = recordingLogger()
    const stdout = vi.spyOn(process.stdout, 'write')

    await expect(uploadOutputFolder(request('on-ghes'), log)).resolves.toBeNull()

    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('actions/upload-artifact')
    // Only our warning: not the client's own "upload failed, try again", which misleads on a server that cannot.
    expect(stdout.mock.calls.map(([chunk]) => String(chunk)).join('')).not.toContain('::warning::')
    stdout.mockRestore()
    expect(service.requests).toEqual([])
    expect(service.artifacts.has('on-ghes')).toBe(false)
  })

  it('fails, rather than returning null, when the runner gives no runtime token', async () => {
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', undefined)
    const { log } = recordingLogger()

    await expect(uploadOutputFolder(request('no-token'), log)).rejects.toThrow(/ACTIONS_RUNTIME_TOKEN/)
    expect(service.artifacts.has('no-token')).toBe(false)
  })
})
