import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { configJsonSchemaText, SCHEMA_FILE } from '../../tools/write-config-schema.js'

describe('schema/electorate.schema.json', () => {
  it('is what tools/write-config-schema.ts writes from the zod schema now (run it after changing the schema)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(configJsonSchemaText())
  })

  it('describes the file for editors: defaults, closed maps, a rule needs a minimum', () => {
    const schema = JSON.parse(configJsonSchemaText())
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.title).toBe('electorate config')
    expect(schema.additionalProperties).toBe(false)
    expect(schema.properties.months).toMatchObject({ default: 12, type: 'integer', minimum: 1, maximum: 120 })
    const rule = schema.properties.criteria.items
    expect(rule.minProperties).toBe(1)
    expect(Object.keys(rule.properties)).toEqual([
      'commits',
      'merged_prs',
      'reviews',
      'triaged',
      'issue_comments',
      'ci',
      'score'
    ])
    expect(schema.required ?? []).toEqual([])
  })
})
