import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config/load.js'

const folder = new URL('../../examples/', import.meta.url)
const examples = (await readdir(folder)).filter(name => name.endsWith('.yml'))

describe('examples/*.yml', () => {
  it('has the Kata Containers and minimal configs', () => {
    expect(examples).toEqual(expect.arrayContaining(['kata-containers.yml', 'minimal.yml']))
  })

  it.each(examples)('%s is a valid config with the schema hint', async name => {
    const text = await readFile(new URL(name, folder), 'utf8')
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/electorate.schema.json')
    expect(() => parseConfig(text, `examples/${name}`)).not.toThrow()
  })

  it("kata-containers.yml keeps today's commit rule first and uses no real addresses", async () => {
    const config = parseConfig(await readFile(new URL('kata-containers.yml', folder), 'utf8'), 'kata')
    expect(config.criteria).toEqual([{ commits: 1 }, { reviews: 5 }, { triaged: 10 }, { ci: 1 }])
    expect(Object.keys(config.emails)).toHaveLength(2)
    for (const email of Object.keys(config.emails)) expect(email).toMatch(/@example\.com$/)
    expect(config.repositories).toMatchObject({ archived: false, forks: false, private: false })
  })
})
