import { describe, expect, it } from 'vitest'
import { qualifiedBy, ruleName } from '../../src/electorate/criteria.js'
import { config } from './make.js'

const nothing = { commits: 0, merged_prs: 0, reviews: 0, triaged: 0, issue_comments: 0, ci: 0, score: 0 }
const defaults = config().criteria

describe('qualifiedBy', () => {
  it('names the first default rule that holds', () => {
    expect(qualifiedBy({ ...nothing, reviews: 5, ci: 1 }, defaults)).toBe('reviews>=5')
    expect(qualifiedBy({ ...nothing, commits: 1, reviews: 9 }, defaults)).toBe('commits>=1')
  })

  it('is null when no rule holds', () => {
    expect(qualifiedBy({ ...nothing, reviews: 4, triaged: 9 }, defaults)).toBeNull()
  })

  it('needs every minimum of a rule', () => {
    const criteria = [{ commits: 1, ci: 1 }]
    expect(qualifiedBy({ ...nothing, commits: 3 }, criteria)).toBeNull()
    expect(qualifiedBy({ ...nothing, commits: 3, ci: 1 }, criteria)).toBe('commits>=1&ci>=1')
  })

  it('tries the rules in the order written', () => {
    const criteria = [{ score: 10 }, { commits: 1 }]
    expect(qualifiedBy({ ...nothing, commits: 2, score: 12 }, criteria)).toBe('score>=10')
  })

  it('holds a decimal score minimum exactly at the minimum', () => {
    expect(qualifiedBy({ ...nothing, score: 7.5 }, [{ score: 7.5 }])).toBe('score>=7.5')
  })
})

describe('ruleName', () => {
  it('lists the minimums in the order the rule holds them', () => {
    expect(ruleName({ reviews: 2, commits: 1 })).toBe('reviews>=2&commits>=1')
  })
})
