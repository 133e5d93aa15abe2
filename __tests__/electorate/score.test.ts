import { describe, expect, it } from 'vitest'
import { effectiveWeights } from '../../src/config/schema.js'
import { scoreOf } from '../../src/electorate/score.js'
import { config } from './make.js'

const metrics = { commits: 3, merged_prs: 4, reviews: 2, triaged: 1, issue_comments: 9, ci: 1 }

describe('scoreOf', () => {
  it('sums the default weights: commits, reviews, triaged and ci count 1, the rest 0', () => {
    expect(scoreOf(metrics, effectiveWeights(config()))).toBe(7)
  })

  it('takes decimal weights', () => {
    const weights = effectiveWeights(config({ scoring: { weights: { commits: 0.5, reviews: 2.25, triaged: 0, ci: 1.5 } } }))
    expect(scoreOf(metrics, weights)).toBe(7.5)
  })

  it('reads 0.3 for three items weighted 0.1, not 0.30000000000000004', () => {
    const weights = effectiveWeights(config({ scoring: { weights: { commits: 0.1, reviews: 0, triaged: 0, ci: 0 } } }))
    expect(scoreOf(metrics, weights)).toBe(0.3)
  })
})
