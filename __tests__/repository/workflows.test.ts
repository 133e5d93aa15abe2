import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { actionlint, actionValidator } from '../action/workflow-lint.js'
import { runCli } from '../e2e/run-cli.js'

const root = path.resolve(import.meta.dirname, '../..')
const workflowsDir = path.join(root, '.github/workflows')
const workflowFiles = (await readdir(workflowsDir)).filter(f => /\.ya?ml$/.test(f))
const run = promisify(execFile)

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, string>
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, { steps: Step[] }>
}
const workflow = async (file: string) =>
  parse(await readFile(path.join(workflowsDir, file), 'utf8')) as Workflow

describe('.github/workflows', () => {
  it('holds the CI and the release workflows', () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'release.yml'])
  })

  it.each(workflowFiles)('%s passes actionlint', async file => {
    expect(await actionlint(await readFile(path.join(workflowsDir, file), 'utf8'), file)).toEqual([])
  })

  it.each(workflowFiles)('%s passes action-validator', async file => {
    const { code, output } = await actionValidator(path.join(workflowsDir, file))
    expect(output).toBe('')
    expect(code).toBe(0)
  })

  it('CI runs .ci/run on push and pull request', async () => {
    const ci = await workflow('ci.yml')
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    expect(ci.jobs.test?.steps.map(step => step.run)).toContain('bash .ci/run')
  })

  it("CI's self-test expects what the CLI makes of the same records file", async () => {
    const steps = (await workflow('ci.yml')).jobs['self-test']!.steps
    const action = steps.find(step => step.uses === './')!
    expect(action.with).toMatchObject({ mode: 'score', records: '__tests__/fixtures/records.jsonl.gz' })
    expect(action.with).not.toHaveProperty('github-token')
    const check = steps.find(step => step.env?.EXPECTED_QUALIFIED)!
    const cwd = await mkdtemp(path.join(tmpdir(), 'electorate-self-test-'))
    try {
      const records = path.join(root, action.with!.records!)
      const args = ['--from-records', records, '--include-emails', action.with!['include-emails']!]
      const result = await runCli(args, { cwd })
      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout).toContain(
        `${check.env!.EXPECTED_QUALIFIED} qualified of ${check.env!.EXPECTED_CONTRIBUTORS} contributors`
      )
    } finally {
      await rm(cwd, { recursive: true, force: true })
    }
    // The artifact the action uploaded is fetched back by the name the action was given.
    const download = steps.find(step => step.uses?.startsWith('actions/download-artifact@'))!
    expect(download.with!.name).toBe(action.with!['artifact-name'])
  })

  it('the release runs on version tags and moves the major tag', async () => {
    const release = await workflow('release.yml')
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } })
    const scripts = release.jobs.release!.steps.map(step => step.run ?? '').join('\n')
    expect(scripts).toContain('bash .ci/run')
    expect(scripts).toContain('.ci/changelog-section')
    expect(scripts).toMatch(/git push --force origin "refs\/tags\/\$major"/)
  })
})

describe('.github/dependabot.yml', () => {
  it('updates npm and the workflow actions weekly, in groups', async () => {
    const config = parse(await readFile(path.join(root, '.github/dependabot.yml'), 'utf8')) as {
      version: number
      updates: { 'package-ecosystem': string; schedule: { interval: string }; groups?: object }[]
    }
    expect(config.version).toBe(2)
    expect(config.updates.map(u => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) {
      expect(update.schedule.interval).toBe('weekly')
      expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0)
    }
  })
})

async function changelogSection(version: string, file?: string) {
  const script = path.join(root, '.ci/changelog-section')
  try {
    const { stdout } = await run('bash', [script, version, ...(file ? [file] : [])], { cwd: root })
    return { code: 0, stdout }
  } catch (error) {
    return { code: (error as { code: number }).code, stdout: '' }
  }
}

describe('CHANGELOG.md and the release notes', () => {
  it('keeps an Unreleased section in the Keep a Changelog shape', async () => {
    const text = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
    expect(text).toMatch(/^# Changelog\n/)
    expect(text).toContain('[Keep a Changelog](https://keepachangelog.com/')
    expect((await changelogSection('Unreleased')).stdout).toMatch(/^### Added\n/)
  })

  it("the release notes are one version's section, without its heading or the next", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'electorate-changelog-'))
    try {
      const file = path.join(dir, 'CHANGELOG.md')
      await writeFile(
        file,
        '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2027-01-05\n\n### Added\n\n- Two.\n\n' +
          '## [1.1.0] - 2026-12-01\n\n### Fixed\n\n- One.\n\n[1.2.0]: https://example.org/1.2.0\n'
      )
      expect(await changelogSection('1.2.0', file)).toEqual({ code: 0, stdout: '### Added\n\n- Two.\n' })
      expect(await changelogSection('1.1.0', file)).toEqual({ code: 0, stdout: '### Fixed\n\n- One.\n' })
      // A release with nothing written for it fails rather than publish empty notes.
      expect((await changelogSection('Unreleased', file)).code).not.toBe(0)
      expect((await changelogSection('1.3.0', file)).code).not.toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('LICENSE', () => {
  it('is the Apache License 2.0 that package.json names', async () => {
    const text = await readFile(path.join(root, 'LICENSE'), 'utf8')
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { license: string }
    expect(pkg.license).toBe('Apache-2.0')
    expect(text).toContain('Apache License\n                           Version 2.0, January 2004')
    expect(text).toContain('END OF TERMS AND CONDITIONS')
    expect(text.length).toBeGreaterThan(11_000)
  })
})
