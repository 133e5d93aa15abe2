import {
  getNamedType,
  isAbstractType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode
} from 'graphql'

export const maxPageSize = 100
export const maxNodes = 500_000

export interface QueryPrice {
  /** GitHub's "requests": one per connection per parent item. */
  requests: number
  /** Points: requests / 100, rounded, at least 1. */
  cost: number
  /** The most nodes the query could return: the product of page sizes along each path, summed. */
  nodeCount: number
  /** GitHub's pagination and node-limit errors; the query must not run when there are any. */
  errors: string[]
  dryRun: boolean
}

const formatCount = (n: number): string => n.toLocaleString('en-US')

/**
 * Prices a validated query the way GitHub documents it, on the AST with variables applied, and collects the
 * errors GitHub answers before running anything: a connection asked for nodes without `first`/`last`, a page
 * size outside 1..100, and more than 500,000 possible nodes.
 */
export function priceQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operation: OperationDefinitionNode
): QueryPrice {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  const price: QueryPrice = { requests: 0, cost: 0, nodeCount: 0, errors: [], dryRun: false }

  // Each field with the types it is selected on: a fragment's type condition narrows them, so that
  // `... on PullRequest { files(first:) }` is priced as PullRequest.files, not as another type's `files`.
  const fieldsIn = (
    selectionSet: SelectionSetNode,
    types: GraphQLCompositeType[],
    seen = new Set<string>()
  ): { field: FieldNode; types: GraphQLCompositeType[] }[] =>
    selectionSet.selections.flatMap(selection => {
      if (selection.kind === Kind.FIELD) return [{ field: selection, types }]
      if (selection.kind === Kind.INLINE_FRAGMENT)
        return fieldsIn(selection.selectionSet, narrowed(types, selection.typeCondition?.name.value), seen)
      const fragment = fragments.get(selection.name.value)
      if (!fragment || seen.has(fragment.name.value)) return []
      return fieldsIn(
        fragment.selectionSet,
        narrowed(types, fragment.typeCondition.name.value),
        new Set([...seen, fragment.name.value])
      )
    })
  const narrowed = (types: GraphQLCompositeType[], condition: string | undefined) => {
    if (condition === undefined) return types
    const type = schema.getType(condition) as GraphQLCompositeType | undefined
    if (!type) return types
    // `... on Node` inside a PullRequest stays a PullRequest: the condition can only narrow.
    const candidates = possibleTypes(schema, type)
    const within = candidates.filter(candidate => types.some(t => t.name === candidate.name))
    return within.length > 0 ? within : candidates
  }

  const walk = (selectionSet: SelectionSetNode, parentTypes: GraphQLCompositeType[], parents: number) => {
    for (const { field, types } of fieldsIn(selectionSet, parentTypes)) {
      const definition = fieldDefinition(types, field.name.value)
      if (!definition || !field.selectionSet) continue
      const args = new Map(
        (field.arguments ?? []).map(a => {
          const type = definition.args.find(d => d.name === a.name.value)?.type
          return [a.name.value, type ? valueFromAST(a.value, type, variables) : undefined] as const
        })
      )
      if (types.some(t => t.name === 'Query') && field.name.value === 'rateLimit' && args.get('dryRun'))
        price.dryRun = true
      const childTypes = possibleTypes(schema, getNamedType(definition.type) as GraphQLCompositeType)
      const isConnection =
        getNamedType(definition.type).name.endsWith('Connection') &&
        definition.args.some(a => a.name === 'first')
      let children = parents
      if (isConnection) {
        const name = field.name.value
        const first = args.get('first') as number | null | undefined
        const last = args.get('last') as number | null | undefined
        const asksForItems = fieldsIn(field.selectionSet, childTypes).some(
          ({ field: f }) => f.name.value === 'nodes' || f.name.value === 'edges'
        )
        for (const [argument, value] of [
          ['first', first],
          ['last', last]
        ] as const) {
          if (value == null) continue
          if (value > maxPageSize)
            price.errors.push(
              `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argument}\` limit of ${maxPageSize} records.`
            )
          else if (value < 1)
            price.errors.push(
              `\`${argument}\` on the \`${name}\` connection must be between 1 and ${maxPageSize}, not ${value}.`
            )
        }
        if (asksForItems && first == null && last == null)
          price.errors.push(
            `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`
          )
        const pageSize = Math.max(first ?? 0, last ?? 0)
        price.requests += parents
        children = parents * pageSize
        price.nodeCount += children
      } else if (field.name.value === 'nodes' && types.some(t => t.name === 'Query')) {
        children = parents * ((args.get('ids') as unknown[] | undefined)?.length ?? 1)
      }
      walk(field.selectionSet, childTypes, children)
    }
  }

  walk(operation.selectionSet, [schema.getQueryType()!], 1)
  price.cost = Math.max(1, Math.round(price.requests / 100))
  if (price.nodeCount > maxNodes)
    price.errors.push(
      `This query requests up to ${formatCount(price.nodeCount)} possible nodes which exceeds the maximum limit of ${formatCount(maxNodes)}.`
    )
  return price
}

/** An abstract type's fields live on its members; a selection on a union reaches them through fragments. */
function possibleTypes(schema: GraphQLSchema, type: GraphQLCompositeType): GraphQLCompositeType[] {
  return isAbstractType(type) ? [type, ...schema.getPossibleTypes(type)] : [type]
}

function fieldDefinition(types: GraphQLCompositeType[], name: string) {
  for (const type of types)
    if ((isObjectType(type) || isInterfaceType(type)) && type.getFields()[name]) return type.getFields()[name]
  return undefined
}
