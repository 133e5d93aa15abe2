import { describe, expect, it } from 'vitest'
import { jobsOf } from '../../src/stewardship/ci-jobs.js'

const jobs = (text: string) => jobsOf({ path: '.github/workflows/x.yml', text })

describe('the jobs of a workflow file', () => {
  it('reads a name given by an alias as the anchored value (GitHub Actions reads anchors)', () => {
    const text = 'jobs:\n  build:\n    name: &n Build images\n  test:\n    name: *n\n'
    expect(jobs(text)).toEqual([
      ['build', 'Build images'],
      ['test', 'Build images']
    ])
  })

  it('keeps ids and names as written, not as YAML 1.2 numbers or booleans', () => {
    const text = 'jobs:\n  0x1F:\n    name: 0x1F\n  "on":\n    name: yes\n  plain:\n    name:\n'
    expect(jobs(text)).toEqual([
      ['0x1F', '0x1F'],
      ['on', 'yes'],
      ['plain', '']
    ])
  })

  it('merges the jobs of a merge key in, never lists << as a job; a job written here wins', () => {
    const text =
      'shared: &s\n  lint: { name: Shared lint }\n  docs: { name: Docs }\n' +
      'jobs:\n  <<: *s\n  lint:\n    name: Lint\n'
    expect(jobs(text)).toEqual([
      ['lint', 'Lint'],
      ['docs', 'Docs']
    ])
  })

  it('reads an alias bomb as unparsable, quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++)
      levels.push(
        `${'b'.repeat(i)}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`
      )
    expect(jobs(`${levels.join('\n')}\njobs:\n  x:\n    name: n\n`)).toBeNull()
  }, 5_000)
})
