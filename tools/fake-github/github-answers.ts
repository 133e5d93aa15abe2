import {
  getLocation,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema
} from 'graphql'
import type { FaultResponse } from './faults.js'

// Answers real GitHub gives that a client must survive, each shaped as reported by those who met it.
// The fake sends them only when a test's FaultPlan asks for them.

/**
 * The text GitHub puts in an error when a query ran out of time or broke inside; reported word for word
 * in octokit/plugin-retry.js#395 and by many since (the id differs on every request).
 */
export const somethingWentWrongMessage =
  'Something went wrong while executing your query. This may be the result of a timeout, or it could be a ' +
  'GitHub bug. Please include `FAKE:0000:0000000:00000000:00000000` when reporting this issue.'

/**
 * The primary limit in GitHub's newer spelling: `type: "RATE_LIMIT"` with a `code`, at HTTP 200, while
 * `x-ratelimit-remaining` may still show points (yanyongyu/githubkit#271, octokit/plugin-throttling.js#636).
 */
export function rateLimitTypeAnswer(): FaultResponse {
  return {
    status: 200,
    body: {
      errors: [
        {
          type: 'RATE_LIMIT',
          code: 'graphql_rate_limit',
          message: 'API rate limit already exceeded for user ID 1.'
        }
      ]
    },
    fault: 'rate-limit-type'
  }
}

/**
 * No data and GitHub's vague message: at HTTP 200 when a query ran over GitHub's 10 s (octokit/plugin-retry.js#395),
 * at HTTP 500 now and then for no reason given (JhaSourav07/commitpulse#3326, decocms/studio#6363).
 */
export function somethingWentWrongAnswer(status: 200 | 500): FaultResponse {
  return {
    status,
    body: { data: null, errors: [{ message: somethingWentWrongMessage }] },
    fault: status === 500 ? 'http-500' : 'timeout-message'
  }
}

/** The error beside the partial data of a query GitHub cut short (yoshi389111/github-profile-3d-contrib#163). */
export const resourceLimitsError = (path: (string | number)[]) => ({
  type: 'RESOURCE_LIMITS_EXCEEDED',
  path,
  message: 'Resource limits for this query exceeded.'
})

/**
 * A classic token without `read:user` or `user:email` asking for `User.email`: the whole query is refused
 * before it runs, with no data, one error per such field (mntnr/name-your-contributors#67 for the message;
 * the `type` as gh and other clients see it today).
 */
export function insufficientScopesAnswer(
  schema: GraphQLSchema,
  document: DocumentNode
): FaultResponse | null {
  const typeInfo = new TypeInfo(schema)
  const locations: { line: number; column: number }[] = []
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === 'email' && typeInfo.getParentType()?.name === 'User' && node.loc)
          locations.push(getLocation(node.loc.source, node.loc.start))
      }
    })
  )
  if (locations.length === 0) return null
  const message =
    "Your token has not been granted the required scopes to execute this query. The 'email' field requires one " +
    "of the following scopes: ['user:email', 'read:user'], but your token has only been granted the: ['repo'] " +
    "scopes. Please modify your token's scopes at: https://github.com/settings/tokens."
  return {
    status: 200,
    body: {
      errors: locations.map(location => ({ type: 'INSUFFICIENT_SCOPES', locations: [location], message }))
    },
    fault: 'insufficient-scopes'
  }
}

/**
 * What a fine-grained or installation token without the right permission gets for a repository's pull
 * requests or issues: the field null (so, the connection being non-null, the repository too) and a FORBIDDEN
 * error with `saml_failure` (amplication/amplication#5268, fpicalausa/remove-stale-branches#49).
 */
export const forbiddenMessage = 'Resource not accessible by integration'
export const forbiddenExtensions = { saml_failure: false }
