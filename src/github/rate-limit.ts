// Adds `rateLimit` to every query so each response tells its own cost, without each document
// having to ask for it.

export const RATE_LIMIT_ALIAS = 'electorateRateLimit'
const RATE_LIMIT_SELECTION = ` ${RATE_LIMIT_ALIAS}: rateLimit { cost limit used remaining resetAt }\n`

export interface RateLimitInfo {
  cost: number
  limit: number
  used: number
  remaining: number
  resetAt: string
}

/** Inserts the rateLimit selection at the end of the document's first definition (the operation). */
export function withRateLimit(document: string): string {
  let depth = 0
  let inString = false
  let inComment = false
  for (let i = 0; i < document.length; i++) {
    const c = document[i]
    if (inComment) {
      if (c === '\n') inComment = false
    } else if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '#') inComment = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0)
      return document.slice(0, i) + RATE_LIMIT_SELECTION + document.slice(i)
  }
  return document
}
