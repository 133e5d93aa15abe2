import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { effectiveConfigJson, loadConfig, parseConfig } from '../../src/config/load.js'
import { UsageError } from '../../src/options.js'

let folder: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'electorate-config-'))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function written(name: string, text: string): Promise<string> {
  const path = join(folder, name)
  await writeFile(path, text)
  return path
}

describe('loadConfig', () => {
  it('uses every default when the default path is missing', async () => {
    const loaded = await loadConfig(join(folder, 'absent.yml'), { explicit: false })
    expect(loaded.path).toBeNull()
    expect(loaded.source).toBeNull()
    expect(loaded.config).toEqual(parseConfig('', 'x'))
    expect(loaded.sha256).toBe(createHash('sha256').update(effectiveConfigJson(loaded.config)).digest('hex'))
  })

  it('refuses an explicit path that is missing', async () => {
    const path = join(folder, 'named.yml')
    await expect(loadConfig(path, { explicit: true })).rejects.toThrow(
      new UsageError(`config file not found: ${path}`)
    )
  })

  it('refuses a path that cannot be read as a file', async () => {
    await expect(loadConfig(folder, { explicit: false })).rejects.toThrow(UsageError)
  })

  it('reads the file, keeps its text, and names it in errors', async () => {
    const path = await written('electorate.yml', 'months: 6\n')
    const loaded = await loadConfig(path, { explicit: true })
    expect(loaded).toMatchObject({ path, source: 'months: 6\n' })
    expect(loaded.config.months).toBe(6)
    const broken = await written('broken.yml', '\nmonts: 6\n')
    await expect(loadConfig(broken, { explicit: false })).rejects.toThrow(
      `${broken}:2: monts: unknown key 'monts' (did you mean 'months'?)`
    )
  })

  it('gives the same sha256 to configs that mean the same, however written', async () => {
    const defaults = await loadConfig(join(folder, 'absent.yml'), { explicit: false })
    const spelledOut = await loadConfig(
      await written('same.yml', '# defaults\nmonths: 12\noutput: { emails: auto }\n'),
      {
        explicit: true
      }
    )
    const reordered = await loadConfig(
      await written('a.yml', 'emails: { b@example.com: bob, a@example.com: ann }\nmonths: 3\n'),
      { explicit: true }
    )
    const sameAgain = await loadConfig(
      await written('b.yml', 'months: 3\nemails: { A@example.com: ann, b@example.com: bob }\n'),
      { explicit: true }
    )
    expect(spelledOut.sha256).toBe(defaults.sha256)
    expect(reordered.sha256).toBe(sameAgain.sha256)
    expect(reordered.sha256).not.toBe(defaults.sha256)
    expect(defaults.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives a different sha256 when only the order of a rule changes, since qualified_by shows it', async () => {
    const one = await loadConfig(await written('r1.yml', 'criteria: [{ commits: 1, ci: 1 }]\n'), {
      explicit: true
    })
    const two = await loadConfig(await written('r2.yml', 'criteria: [{ ci: 1, commits: 1 }]\n'), {
      explicit: true
    })
    expect(one.sha256).not.toBe(two.sha256)
  })
})

describe('effectiveConfigJson', () => {
  it('sorts keys at every level but keeps rule minimums as written', () => {
    const json = effectiveConfigJson(parseConfig('criteria: [{ reviews: 5, commits: 1 }]\n', 'x'))
    expect(json.startsWith('{"access":false,"aliases":{},"candidates":[],"ci":{"paths":')).toBe(true)
    expect(json).toContain('"criteria":[{"reviews":5,"commits":1}]')
    expect(json).toContain(
      '"repositories":{"archived":false,"exclude":[],"forks":false,"include":[],"private":false}'
    )
    expect(JSON.parse(json)).toEqual(parseConfig('criteria: [{ reviews: 5, commits: 1 }]\n', 'x'))
  })
})
