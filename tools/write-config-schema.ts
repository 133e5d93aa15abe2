// Writes schema/electorate.schema.json from the zod schema, so editors can check and complete the
// config file. Run: npx tsx tools/write-config-schema.ts (a test fails when the file is stale).
import { writeFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { z } from 'zod'
import { configSchema } from '../src/config/schema.js'

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/electorate.schema.json', import.meta.url))

/** The JSON Schema text exactly as committed: what the config file accepts (io: input, defaults shown). */
export function configJsonSchemaText(): string {
  const generated = z.toJSONSchema(configSchema, {
    io: 'input',
    override: ({ jsonSchema }) => {
      // zod's refine cannot be said in JSON Schema; a rule is the one object with a `score` key.
      if (jsonSchema.type === 'object' && jsonSchema.properties?.score !== undefined)
        jsonSchema.minProperties = 1
    }
  })
  const { $schema, ...rest } = generated
  const schema = {
    $schema,
    title: 'electorate config',
    description:
      'The config file of the electorate action and CLI (default path .github/electorate.yml): which ' +
      'repositories and people count, and the rules a person must meet to be in the electorate.',
    ...rest
  }
  return `${JSON.stringify(schema, null, 2)}\n`
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(SCHEMA_FILE, configJsonSchemaText())
  console.log(`wrote ${SCHEMA_FILE}`)
}
