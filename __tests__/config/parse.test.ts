import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config/load.js'
import { DEFAULT_CI_PATHS, DEFAULT_CRITERIA } from '../../src/config/schema.js'
import { errorsOf, FILE } from './config-errors.js'

const DEFAULTS = {
  months: 12,
  repositories: { include: [], exclude: [], archived: false, forks: false, private: false },
  ci: { paths: ['.github/workflows/**', '.github/actions/**', '.ci/**', 'ci/**'] },
  reviews: { 'late-approvals': false },
  scoring: { weights: {} },
  criteria: [{ commits: 1 }, { reviews: 5 }, { triaged: 10 }, { ci: 1 }],
  include: [],
  exclude: { bots: [], logins: [], patterns: [] },
  aliases: {},
  emails: {},
  candidates: [],
  access: false,
  output: { emails: 'auto' }
}

describe('parseConfig: defaults', () => {
  it.each([
    ['an empty file', ''],
    ['comments only', '# nothing set yet\n'],
    ['an empty map', '{}\n'],
    ['a null document', '~\n']
  ])('reads %s as every default', (_, text) => {
    expect(parseConfig(text, FILE)).toEqual(DEFAULTS)
  })

  it('fills defaults around what is written', () => {
    const config = parseConfig('months: 6\nrepositories:\n  forks: true\n', FILE)
    expect(config.months).toBe(6)
    expect(config.repositories).toEqual({
      include: [],
      exclude: [],
      archived: false,
      forks: true,
      private: false
    })
    expect(config.ci.paths).toEqual(DEFAULT_CI_PATHS)
    expect(config.criteria).toEqual(DEFAULT_CRITERIA)
  })

  it('reads a full config', () => {
    const config = parseConfig(
      [
        'months: 24',
        'repositories: { include: [kata-containers/kata-containers, tests], exclude: ["*-mirror"], private: true }',
        'ci: { paths: [".github/**"] }',
        'reviews: { late-approvals: 3 }',
        'scoring: { weights: { reviews: 0.5 } }',
        'criteria: [{ score: 10 }]',
        'include: [{ login: ann, reason: release manager, expires: 2027-01-01 }]',
        'exclude: { bots: [ci-runner], logins: [old-account], patterns: ["*-bot"] }',
        'aliases: { ann: [ann-work] }',
        'emails: { ann@example.com: ann }',
        'output: { emails: false }'
      ].join('\n'),
      FILE
    )
    expect(config).toEqual({
      months: 24,
      repositories: {
        include: ['kata-containers/kata-containers', 'tests'],
        exclude: ['*-mirror'],
        archived: false,
        forks: false,
        private: true
      },
      ci: { paths: ['.github/**'] },
      reviews: { 'late-approvals': 3 },
      scoring: { weights: { reviews: 0.5 } },
      criteria: [{ score: 10 }],
      include: [{ login: 'ann', reason: 'release manager', expires: '2027-01-01' }],
      exclude: { bots: ['ci-runner'], logins: ['old-account'], patterns: ['*-bot'] },
      aliases: { ann: ['ann-work'] },
      emails: { 'ann@example.com': 'ann' },
      candidates: [],
      access: false,
      output: { emails: false }
    })
  })

  it('keeps the minimums of each rule in the order they were written', () => {
    const config = parseConfig(
      'criteria:\n  - { reviews: 5, commits: 1 }\n  - score: 3\n    ci: 1\n    triaged: 2\n',
      FILE
    )
    expect(config.criteria.map(rule => Object.keys(rule))).toEqual([
      ['reviews', 'commits'],
      ['score', 'ci', 'triaged']
    ])
    expect(config.criteria[1]).toEqual({ score: 3, ci: 1, triaged: 2 })
  })

  it('writes email keys in lower case, since they are matched case-insensitively', () => {
    expect(parseConfig('emails:\n  Ann.Smith@Example.COM: ann\n', FILE).emails).toEqual({
      'ann.smith@example.com': 'ann'
    })
  })

  it('reads a YAML date as the text written, not a timestamp', () => {
    expect(
      parseConfig('include:\n  - { login: ann, reason: r, expires: 2026-06-30 }\n', FILE).include[0]
    ).toEqual({
      login: 'ann',
      reason: 'r',
      expires: '2026-06-30'
    })
  })
})

describe('parseConfig: every error names its key path and line', () => {
  it('suggests the metric meant by a misspelt rule key', () => {
    const yaml = 'criteria:\n  - { commits: 1 }\n  - { reviews: 5 }\n  - { reveiws: 2 }\n'
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:4: criteria[2].reveiws: unknown metric 'reveiws' (did you mean 'reviews'?)`
    ])
  })

  it('lists the metrics when no rule key is close', () => {
    expect(errorsOf('criteria:\n  - stars: 3\n')).toEqual([
      `${FILE}:2: criteria[0].stars: unknown metric 'stars' (expected one of commits, merged_prs, reviews, triaged, issue_comments, ci, score)`
    ])
  })

  it('refuses a rule without minimums', () => {
    expect(errorsOf('criteria:\n  - { commits: 1 }\n  - {}\n')).toEqual([
      `${FILE}:3: criteria[1]: a rule needs at least one minimum`
    ])
  })

  it('refuses an empty criteria list and a negative minimum', () => {
    expect(errorsOf('criteria: []\n')).toEqual([
      `${FILE}:1: criteria: expected a non-empty list of rules, got an empty list`
    ])
    expect(errorsOf('criteria:\n  - commits: -1\n')).toEqual([
      `${FILE}:2: criteria[0].commits: expected a number of at least 0, got -1`
    ])
  })

  it.each([
    ['"twelve"', 'months: twelve'],
    ['0', 'months: 0'],
    ['121', 'months: 121'],
    ['1.5', 'months: 1.5'],
    ['a list', 'months: [12]']
  ])('refuses months %s', (shown, line) => {
    expect(errorsOf(`# electorate\n${line}\n`)).toEqual([
      `${FILE}:2: months: expected a whole number from 1 to 120, got ${shown}`
    ])
  })

  it('suggests the top-level key meant, and lists them when none is close', () => {
    expect(errorsOf('monts: 6\n')).toEqual([`${FILE}:1: monts: unknown key 'monts' (did you mean 'months'?)`])
    expect(errorsOf('months: 6\nvoters: []\n')).toEqual([
      `${FILE}:2: voters: unknown key 'voters' (expected one of months, repositories, ci, reviews, scoring, criteria, include, exclude, aliases, emails, candidates, access, output)`
    ])
  })

  it('names unknown keys in nested maps', () => {
    expect(errorsOf('repositories:\n  exlude: [x]\nscoring:\n  weights:\n    review: 2\n')).toEqual([
      `${FILE}:2: repositories.exlude: unknown key 'exlude' (did you mean 'exclude'?)`,
      `${FILE}:5: scoring.weights.review: unknown metric 'review' (did you mean 'reviews'?)`
    ])
    expect(errorsOf('reviews:\n  late-aprovals: 2\n')).toEqual([
      `${FILE}:2: reviews.late-aprovals: unknown key 'late-aprovals' (did you mean 'late-approvals'?)`
    ])
  })

  it('refuses wrong types with what was expected and what was found', () => {
    const yaml = [
      'repositories:',
      '  archived: yes',
      'reviews:',
      '  late-approvals: true',
      'output:',
      '  emails: sometimes',
      'exclude:',
      '  logins: someone',
      'ci:',
      '  paths: []',
      'scoring: 3'
    ].join('\n')
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:2: repositories.archived: expected true or false, got "yes"`,
      `${FILE}:4: reviews.late-approvals: expected false or a whole number of at least 1, got true`,
      `${FILE}:6: output.emails: expected auto, true or false, got "sometimes"`,
      `${FILE}:8: exclude.logins: expected a list of GitHub logins, got "someone"`,
      `${FILE}:10: ci.paths: expected a non-empty list of globs, got an empty list`,
      `${FILE}:11: scoring: expected a map with weights, got 3`
    ])
  })

  it('refuses a file that is not a map', () => {
    expect(errorsOf('- months: 3\n')).toEqual([`${FILE}:1: expected a map of settings, got a list`])
  })

  it('reports a YAML syntax error with its line', () => {
    expect(errorsOf('months: 6\ncriteria:\n  - { commits: 1\n')).toEqual([
      `${FILE}:3: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }`
    ])
    expect(errorsOf('months: 6\ncriteria:\n  - commits: 1\n reviews: 5\n')).toEqual([
      `${FILE}:4: YAML syntax error: All mapping items must start at the same column`
    ])
    expect(errorsOf('months: 6\nmonths: 7\n')).toEqual([
      `${FILE}:2: YAML syntax error: Map keys must be unique`
    ])
  })

  it('points a missing key at the entry it is missing from', () => {
    expect(errorsOf('include:\n  - login: ann\n    reason: maintainer\n  - login: bob\n')).toEqual([
      `${FILE}:4: include[1].reason: missing; expected a reason (text)`
    ])
  })

  it('refuses logins, emails and dates that are not', () => {
    const yaml = [
      'include:',
      '  - { login: "not a login", reason: r }',
      '  - { login: ann, reason: r, expires: next year }',
      '  - { login: bob, reason: r, expires: 2026-02-30 }',
      'aliases:',
      '  "bad primary": [ann2]',
      'emails:',
      '  not-an-email: ann',
      '  ann@example.com: "@ann"',
      'repositories:',
      '  include: ["two words"]'
    ].join('\n')
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:2: include[0].login: expected a GitHub login, got "not a login"`,
      `${FILE}:3: include[1].expires: expected a date (YYYY-MM-DD), got "next year"`,
      `${FILE}:4: include[2].expires: expected a real date (YYYY-MM-DD), got "2026-02-30"`,
      `${FILE}:6: aliases["bad primary"]: expected a GitHub login as the primary account, got "bad primary"`,
      `${FILE}:8: emails.not-an-email: expected an email address, got "not-an-email"`,
      `${FILE}:9: emails["ann@example.com"]: expected a GitHub login, got "@ann"`,
      `${FILE}:11: repositories.include[0]: expected a repository (owner/name or name), got "two words"`
    ])
  })

  it('refuses globs that do not compile, wherever globs go', () => {
    const yaml =
      'repositories:\n  exclude: ["ok-*", "[abc"]\nci:\n  paths: ["ci/{a"]\nexclude:\n  patterns: ["(x"]\n'
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:2: repositories.exclude[1]: bad glob "[abc": Missing closing: "]" - use "\\\\]" to match literal characters`,
      `${FILE}:4: ci.paths[0]: bad glob "ci/{a": Missing closing: "}" - use "\\\\}" to match literal characters`,
      `${FILE}:6: exclude.patterns[0]: bad glob "(x": Missing closing: ")" - use "\\\\)" to match literal characters`
    ])
  })

  it('refuses a person both included and excluded, by login, bot list or pattern', () => {
    const yaml = [
      'include:',
      '  - { login: Ann, reason: r }',
      '  - { login: ci-runner, reason: r }',
      '  - { login: deploy-bot, reason: r }',
      'exclude:',
      '  logins: [ann]',
      '  bots: [CI-Runner]',
      '  patterns: ["*-BOT"]'
    ].join('\n')
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:2: include[0].login: 'Ann' is both included and excluded (exclude.logins[0])`,
      `${FILE}:3: include[1].login: 'ci-runner' is both included and excluded (exclude.bots[0])`,
      `${FILE}:4: include[2].login: 'deploy-bot' is both included and excluded (exclude.patterns[0]: '*-BOT')`
    ])
  })

  it('refuses a person included by one account and excluded by another of their aliases', () => {
    const yaml = [
      'aliases:',
      '  alice: [alice-work]',
      'include:',
      '  - { login: alice, reason: r }',
      '  - { login: Alice-Work, reason: r }',
      'exclude:',
      '  logins: [alice-work]'
    ].join('\n')
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:4: include[0].login: 'alice' is both included and excluded through the alias 'alice-work' (exclude.logins[0])`,
      `${FILE}:5: include[1].login: 'Alice-Work' is both included and excluded (exclude.logins[0])`
    ])
  })

  it('refuses a login included twice, whatever its case', () => {
    expect(errorsOf('include:\n  - { login: ann, reason: a }\n  - { login: ANN, reason: b }\n')).toEqual([
      `${FILE}:3: include[1].login: 'ANN' is already included at include[0].login`
    ])
  })

  it('refuses aliases that do not name each other account under one primary, once', () => {
    const yaml = [
      'aliases:',
      '  ann: [ann-work, ann-old, Ann-Work]',
      '  bob: [ann-old]',
      '  carl: [ann]',
      '  dora: [dora]',
      '  Bob: [bobby]'
    ].join('\n')
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:2: aliases.ann[2]: 'Ann-Work' is listed twice (aliases.ann[0])`,
      `${FILE}:3: aliases.bob[0]: 'ann-old' is already an alias of 'ann' (aliases.ann[1])`,
      `${FILE}:4: aliases.carl[0]: 'ann' is a primary account (aliases.ann) and cannot also be an alias`,
      `${FILE}:5: aliases.dora[0]: 'dora' is listed as an alias of itself`,
      `${FILE}:6: aliases.Bob: 'Bob' is already a primary account at aliases.bob`
    ])
  })

  it('refuses email keys that differ only in case', () => {
    expect(errorsOf('emails:\n  ann@example.com: ann\n  Ann@Example.com: ann2\n')).toEqual([
      `${FILE}:3: emails["Ann@Example.com"]: 'Ann@Example.com' is already mapped at emails["ann@example.com"] (emails are compared case-insensitively)`
    ])
  })

  it('collects every error of the file into one, in line order', () => {
    const yaml = 'criteria:\n  - { reveiws: 1 }\nmonths: twelve\nmonts: 3\nexclude:\n  patterns: ["[x"]\n'
    expect(errorsOf(yaml)).toEqual([
      `${FILE}:2: criteria[0].reveiws: unknown metric 'reveiws' (did you mean 'reviews'?)`,
      `${FILE}:3: months: expected a whole number from 1 to 120, got "twelve"`,
      `${FILE}:4: monts: unknown key 'monts' (did you mean 'months'?)`,
      `${FILE}:6: exclude.patterns[0]: bad glob "[x": Missing closing: "]" - use "\\\\]" to match literal characters`
    ])
  })
})
