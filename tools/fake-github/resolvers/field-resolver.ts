import { isDeepStrictEqual } from 'node:util'
import type { GraphQLFieldResolver } from 'graphql'
import { notImplemented } from '../errors.js'
import type { ConnectionView } from '../pagination.js'
import { commitFields, gitActorFields } from './commit.js'
import { connectionFields, edgeFields, pageInfoFields } from './connection.js'
import type { Fields, RequestContext } from './fields.js'
import { blobFields, treeEntryFields, treeFields } from './git-objects.js'
import { issueCommentFields, issueFields } from './issue.js'
import { collaboratorFields, organizationMemberFields, teamFields } from './members.js'
import { botFields, organizationFields, rateLimitFields, userFields } from './owners.js'
import { changedFileFields, pullRequestFields, reviewCommentFields, reviewFields } from './pull-request.js'
import { queryFields } from './query.js'
import { refFields, repositoryFields } from './repository.js'
import { eventTypeFields, labelTypeFields } from './timeline.js'

const fieldsByType: Record<string, Fields<never>> = {
  Query: queryFields,
  RateLimit: rateLimitFields,
  Organization: { ...organizationFields, ...organizationMemberFields },
  Team: teamFields,
  User: userFields,
  Bot: botFields,
  Repository: { ...repositoryFields, ...collaboratorFields },
  Ref: refFields,
  Commit: commitFields,
  GitActor: gitActorFields,
  PullRequest: pullRequestFields,
  PullRequestChangedFile: changedFileFields,
  PullRequestReview: reviewFields,
  PullRequestReviewComment: reviewCommentFields,
  Issue: issueFields,
  IssueComment: issueCommentFields,
  Label: labelTypeFields,
  Blob: blobFields,
  Tree: treeFields,
  TreeEntry: treeEntryFields,
  PageInfo: pageInfoFields,
  ...eventTypeFields()
}

function fieldsOf(typeName: string): Fields<never> | undefined {
  if (fieldsByType[typeName]) return fieldsByType[typeName]
  if (typeName.endsWith('Connection')) return connectionFields
  if (typeName.endsWith('Edge')) return edgeFields
  return undefined
}

/**
 * The one resolver graphql-js calls for every field: it looks the field up in the tables above, and
 * answers a field or argument the fake does not serve with an error rather than a silent null.
 */
export const fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, context, info) => {
  const typeName = info.parentType.name
  const fieldName = info.fieldName
  if (typeName === 'Query' && context.dryRun && fieldName !== 'rateLimit')
    return fieldName === 'viewer' ? context.index.viewer : null
  const extra = (source as Partial<ConnectionView<unknown>> | undefined)?.extra
  if (extra && fieldName in extra) return extra[fieldName]
  const spec = fieldsOf(typeName)?.[fieldName]
  if (!spec) throw notImplemented(`${typeName}.${fieldName}`)
  const { args: honoured, resolve } = typeof spec === 'function' ? { args: [], resolve: spec } : spec
  for (const argument of info.parentType.getFields()[fieldName]?.args ?? []) {
    const value = args[argument.name]
    if (value == null || honoured.includes(argument.name)) continue
    if (argument.defaultValue !== undefined && isDeepStrictEqual(value, argument.defaultValue)) continue
    throw notImplemented(`${typeName}.${fieldName}(${argument.name}:)`)
  }
  return resolve(source as never, args, context)
}
