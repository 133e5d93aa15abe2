import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSchema, type GraphQLSchema } from 'graphql'

let cached: GraphQLSchema | undefined

/** GitHub's real public schema, built once per process. */
export function gitHubSchema(): GraphQLSchema {
  if (!cached) {
    // The package's entry parses a 5 MB JSON twin of the schema on import, and its exports hide the SDL file.
    const sdl = readFileSync(findSchemaFile(dirname(fileURLToPath(import.meta.url))), 'utf8')
    // GitHub's published SDL defines a few fields twice; graphql-js would reject it outright.
    cached = buildSchema(sdl, { assumeValidSDL: true })
  }
  return cached
}

function findSchemaFile(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@octokit', 'graphql-schema', 'schema.graphql')
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) throw new Error('@octokit/graphql-schema is not installed')
  }
}
