import type { Config } from '../config/schema.js'
import type { ReviewRecord } from '../records.js'
import type { Identities } from './identities.js'

/**
 * Whether `reviews.late-approvals: N` sets a review aside: a bare approval (no body, no inline
 * comment) submitted after N or more other people had already approved the pull request.
 */
export function isLateApproval(
  review: ReviewRecord,
  people: { reviewer: string; author: string | null },
  identities: Identities,
  lateApprovals: Config['reviews']['late-approvals']
): boolean {
  if (lateApprovals === false || review.state !== 'APPROVED' || review.substantive) return false
  const others = new Set<string>()
  for (const login of review.approvalsBefore) {
    const person = identities.personOfLogin(login)
    if (person !== null && person !== people.reviewer && person !== people.author) others.add(person)
  }
  return others.size >= lateApprovals
}
