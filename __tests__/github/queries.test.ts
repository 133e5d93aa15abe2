import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  buildSchema,
  getNamedType,
  GraphQLError,
  isObjectType,
  Kind,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ValidationRule
} from 'graphql'
import { describe, expect, it } from 'vitest'
import { withoutProfileEmail } from '../../src/github/queries/actor.js'
import { withRateLimit } from '../../src/github/rate-limit.js'
import { accountsDocument } from '../../src/github/queries/accounts.js'
import { commitHistories } from '../../src/github/queries/commits.js'
import { ISSUES, TIMELINE_PAGES } from '../../src/github/queries/issues.js'
import { ISSUE_LISTS, listsDocument, PULL_REQUEST_LISTS } from '../../src/github/queries/lists.js'
import { nodesDocument } from '../../src/github/queries/nodes.js'
import {
  MERGED_PULL_REQUESTS,
  REVIEW_COMMENT_COUNTS,
  REVIEW_PAGES,
  REVIEWED_PULL_REQUESTS
} from '../../src/github/queries/pull-requests.js'
import { namedRepositories } from '../../src/github/queries/repositories.js'
import { OUTSIDE_COLLABORATORS } from '../../src/github/queries/access.js'
import { DEFAULT_BRANCH_FILES } from '../../src/github/queries/default-branch-files.js'
import { ISSUE_SEARCH, PULL_REQUEST_SEARCH, searchDocument } from '../../src/github/queries/search.js'

const schema = buildSchema(readFileSync('node_modules/@octokit/graphql-schema/schema.graphql', 'utf8'), {
  // The published SDL repeats two enterprise fields; nothing here touches them.
  assumeValidSDL: true
})

/** Every connection that returns nodes or edges must be bounded by a `first`/`last` of 1..100. */
const boundedConnections: ValidationRule = context => ({
  Field(node) {
    const type = getNamedType(context.getType())
    if (!isObjectType(type) || !type.name.endsWith('Connection') || !node.selectionSet) return
    const selectsItems = node.selectionSet.selections.some(
      s => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges')
    )
    if (!selectsItems) return
    const bound = node.arguments?.find(a => a.name.value === 'first' || a.name.value === 'last')
    if (!bound) {
      context.reportError(
        new GraphQLError(`${node.name.value} selects items without first/last`, { nodes: node })
      )
    } else if (bound.value.kind === Kind.INT) {
      const n = Number(bound.value.value)
      if (n < 1 || n > 100) {
        context.reportError(new GraphQLError(`${node.name.value} asks for ${n} items`, { nodes: node }))
      }
    } else if (bound.value.kind !== Kind.VARIABLE) {
      context.reportError(new GraphQLError(`${node.name.value}: first/last is not an int`, { nodes: node }))
    }
  }
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : []
  )
}

const filesWithDocuments = sourceFiles('src').filter(file =>
  readFileSync(file, 'utf8').includes('/* GraphQL */')
)

async function staticDocuments(): Promise<[string, string][]> {
  const documents: [string, string][] = []
  for (const file of filesWithDocuments) {
    const module = (await import(/* @vite-ignore */ pathToFileURL(resolve(file)).href)) as Record<
      string,
      unknown
    >
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'string' && /^\s*query\b/.test(value))
        documents.push([`${relative('src', file)} ${name}`, value])
    }
  }
  return documents
}

const builtDocuments: [string, string][] = [
  ['accountsDocument x1', accountsDocument(1)],
  ['accountsDocument x3', accountsDocument(3)],
  [
    'namedRepositories',
    namedRepositories([
      { owner: 'kata-containers', name: 'kata-"containers' },
      { owner: 'o', name: 'n' }
    ])
  ],
  [
    'namedRepositories with organizations',
    namedRepositories([{ owner: 'o', name: 'n' }], ['kata-containers', 'confidential-"containers'])
  ],
  ['namedRepositories, organizations alone', namedRepositories([], ['kata-containers'])],
  [
    'commitHistories',
    commitHistories([
      { repository: 'R_1', first: 12, since: '2025-04-07T00:00:00.000Z', until: '2026-04-07T00:00:00.000Z' },
      { repository: 'R_2', first: 100, since: '2025-04-07T00:00:00.000Z', until: '2025-05-07T00:00:00.000Z' }
    ])
  ],
  ...[PULL_REQUEST_LISTS, ISSUE_LISTS, REVIEW_PAGES, TIMELINE_PAGES].map((query): [string, string] => [
    query.name,
    listsDocument(
      query,
      [
        { id: 'R_1', after: 'Y3Vyc29yOjE=' },
        { id: 'R_2', after: null }
      ],
      100
    )
  ]),
  ...[PULL_REQUEST_SEARCH, ISSUE_SEARCH].map((kind): [string, string] => [
    kind.name,
    searchDocument(
      kind,
      [
        { repository: 'o/n', from: null, to: '2025-01-01T00:00:00Z', after: null },
        { repository: 'o/"n', from: '2025-01-01T00:00:00Z', to: null, after: 'Y3Vyc29yOjE=' }
      ],
      '2025-04-07T00:00:00Z',
      100
    )
  ]),
  // Every `nodes(ids:)` query, with one and with several aliased groups of ids.
  ...[
    MERGED_PULL_REQUESTS,
    REVIEWED_PULL_REQUESTS,
    REVIEW_COMMENT_COUNTS,
    ISSUES,
    DEFAULT_BRANCH_FILES,
    OUTSIDE_COLLABORATORS
  ].flatMap((query): [string, string][] => [
    [`${query.name} x1`, nodesDocument(query, 1)],
    [`${query.name} x3`, nodesDocument(query, 3)]
  ])
]

/** Fields `email` asked of a User: what a token without read:user or user:email is refused for. */
function userEmailFields(document: string): number {
  const typeInfo = new TypeInfo(schema)
  let found = 0
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === 'email' && typeInfo.getParentType()?.name === 'User') found++
      }
    })
  )
  return found
}

function errorsOf(document: string): string[] {
  return validate(schema, parse(document), [...specifiedRules, boundedConnections]).map(e => e.message)
}

describe('GraphQL documents', () => {
  it('all live beside the code in src/github', () => {
    expect(filesWithDocuments.length).toBeGreaterThan(0)
    for (const file of filesWithDocuments) expect(file).toMatch(/^src[/\\]github[/\\]/)
  })

  it('are valid against GitHub schema, with every connection bounded, also with the cost added', async () => {
    const documents = [...(await staticDocuments()), ...builtDocuments]
    expect(documents.length).toBeGreaterThanOrEqual(12)
    for (const [name, document] of documents) {
      expect({ name, errors: errorsOf(document) }).toEqual({ name, errors: [] })
      expect({ name, errors: errorsOf(withRateLimit(document)) }).toEqual({ name, errors: [] })
    }
  })

  it('are valid asked again without the profile email, and then ask for User.email nowhere', async () => {
    const documents = [...(await staticDocuments()), ...builtDocuments]
    const asking = documents.filter(([, document]) => withoutProfileEmail(document) !== document)
    expect(asking.map(([name]) => name)).toEqual(
      expect.arrayContaining(['MergedPullRequests x1', 'Issues x1', 'commitHistories'])
    )
    for (const [name, document] of asking) {
      const without = withoutProfileEmail(document)
      expect({ name, errors: errorsOf(without) }).toEqual({ name, errors: [] })
      expect(userEmailFields(without), name).toBe(0)
      expect(userEmailFields(document), name).toBeGreaterThan(0)
    }
    for (const [name, document] of documents.filter(d => !asking.includes(d)))
      expect(userEmailFields(document), name).toBe(0)
  })

  it('the bound rule rejects unbounded and oversized connections', () => {
    expect(errorsOf('query { viewer { repositories { nodes { name } } } }')).toEqual([
      'repositories selects items without first/last'
    ])
    expect(errorsOf('query { viewer { repositories(first: 101) { nodes { name } } } }')).toEqual([
      'repositories asks for 101 items'
    ])
    expect(errorsOf('query { viewer { repositories { totalCount } } }')).toEqual([])
  })
})
