import { PROFILE_EMAIL } from './actor.js'

// Accounts by login, many in one query: one aliased `user(login:)` field per login. GitHub answers
// null with a NOT_FOUND error for a login it does not know, and the other fields still come back.

/** Logins per query: a point each at most, and a query that stays short. */
export const LOGINS_PER_QUERY = 100

export function accountsDocument(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$login${i}: String!`)
  const fields = Array.from(
    { length: count },
    (_, i) => `u${i}: user(login: $login${i}) {
    login
    name
    ${PROFILE_EMAIL}  }`
  )
  return `query Accounts(${variables.join(', ')}) {
  ${fields.join('\n  ')}
}
`
}
