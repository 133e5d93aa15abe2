import { describe, expect, it } from 'vitest'
import { countsOf, review, user } from './make.js'

const [alice, bob] = [user('alice'), user('bob')]
const late = { reviews: { 'late-approvals': 2 } } as const

describe('reviews.late-approvals', () => {
  it('sets aside a bare approval after N other approvals, and counts how many', () => {
    const counted = countsOf([review(1, alice, bob, { approvalsBefore: ['carol', 'dave'] })], late)
    expect([counted.evidence.length, counted.lateApprovalsSetAside]).toEqual([0, 1])
  })

  it('keeps an approval after fewer than N others', () => {
    expect(countsOf([review(1, alice, bob, { approvalsBefore: ['carol'] })], late).metrics.alice.reviews).toBe(1)
  })

  it('keeps a substantive approval and any other state', () => {
    const records = [
      review(1, alice, bob, { approvalsBefore: ['carol', 'dave'], substantive: true }),
      review(2, alice, bob, { approvalsBefore: ['carol', 'dave'], state: 'COMMENTED' })
    ]
    expect(countsOf(records, late).metrics.alice.reviews).toBe(2)
  })

  it('does not count the reviewer, the author or aliases of one person as other people', () => {
    const records = [review(1, alice, bob, { approvalsBefore: ['alice-work', 'bob', 'carol', 'carol-old'] })]
    const aliases = { alice: ['alice-work'], carol: ['carol-old'] }
    expect(countsOf(records, { ...late, aliases }).metrics.alice.reviews).toBe(1)
  })

  it('counts what it set aside per person and pull request, as the reviews metric does', () => {
    const records = [
      review(1, alice, bob, { approvalsBefore: ['carol', 'dave'] }),
      review(1, alice, bob, { approvalsBefore: ['carol', 'dave', 'erin'] }),
      review(2, alice, bob, { approvalsBefore: ['carol', 'dave'] }),
      review(2, alice, bob, { substantive: true })
    ]
    const counted = countsOf(records, late)
    expect([counted.metrics.alice.reviews, counted.lateApprovalsSetAside]).toEqual([1, 1])
    expect(countsOf(records).metrics.alice.reviews - counted.metrics.alice.reviews).toBe(1)
  })

  it('counts approvals by people, not how many times one person approved', () => {
    const records = [review(1, alice, bob, { approvalsBefore: ['carol', 'Carol'] })]
    expect(countsOf(records, late).metrics.alice.reviews).toBe(1)
  })

  it('is off by default', () => {
    expect(countsOf([review(1, alice, bob, { approvalsBefore: ['carol', 'dave', 'erin'] })]).metrics.alice.reviews).toBe(1)
  })

  it('does not count as set aside a review that would not have counted anyway', () => {
    expect(countsOf([review(1, alice, alice, { approvalsBefore: ['carol', 'dave'] })], late).lateApprovalsSetAside).toBe(0)
  })
})
