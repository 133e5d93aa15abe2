import { z } from 'zod'
import { LOGIN } from '../logins.js'
import { METRICS } from '../records.js'

// The one source of the config file's shape: validation, defaults, the TypeScript type and the
// shipped JSON Schema (tools/write-config-schema.ts) all come from here.

export const DEFAULT_CI_PATHS = ['.github/workflows/**', '.github/actions/**', '.ci/**', 'ci/**']

export const DEFAULT_WEIGHTS = { commits: 1, merged_prs: 0, reviews: 1, triaged: 1, issue_comments: 0, ci: 1 }

export const DEFAULT_CRITERIA = [{ commits: 1 }, { reviews: 5 }, { triaged: 10 }, { ci: 1 }]

export const RULE_KEYS = [...METRICS, 'score'] as const
export type RuleKey = (typeof RULE_KEYS)[number]

const login = z.string().regex(LOGIN, 'is not a GitHub login')
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)')
const minimum = z.number().nonnegative()

// Finite and bounded, checked with the config: a huge weight would only fail late, writing the score.
const weight = z.number().nonnegative().max(1_000_000)

const weights = z
  .strictObject({
    commits: weight,
    merged_prs: weight,
    reviews: weight,
    triaged: weight,
    issue_comments: weight,
    ci: weight
  })
  .partial()

/** A rule holds when every minimum in it is met. zod rebuilds it in schema order; parse.ts restores the order written. */
const rule = z
  .strictObject({
    commits: minimum,
    merged_prs: minimum,
    reviews: minimum,
    triaged: minimum,
    issue_comments: minimum,
    ci: minimum,
    score: minimum
  })
  .partial()
  .refine(r => Object.keys(r).length > 0, 'a rule needs at least one minimum')

export const configSchema = z.strictObject({
  months: z
    .number()
    .int()
    .min(1)
    .max(120)
    .default(12)
    .describe('Length of the window [since, until) in calendar months, counted back from until'),
  repositories: z
    .strictObject({
      include: z.array(z.string().min(1)).default([]),
      exclude: z.array(z.string().min(1)).default([]),
      archived: z.boolean().default(false),
      forks: z.boolean().default(false),
      private: z.boolean().default(false)
    })
    .prefault({})
    .describe('Repositories in scope: include (explicit list), exclude (globs), archived, forks, private'),
  ci: z
    .strictObject({ paths: z.array(z.string().min(1)).min(1).default(DEFAULT_CI_PATHS) })
    .prefault({})
    .describe('paths: globs of files whose change makes a merged pull request count as CI work'),
  reviews: z
    .strictObject({
      'late-approvals': z.union([z.literal(false), z.number().int().min(1)]).default(false)
    })
    .prefault({})
    .describe(
      'late-approvals: N counts a bare approval only if fewer than N other people approved before it (default off)'
    ),
  scoring: z
    .strictObject({ weights: weights.default({}) })
    .prefault({})
    .describe('weights: score = sum of weight * metric'),
  criteria: z
    .array(rule)
    .min(1)
    .default(DEFAULT_CRITERIA)
    .describe('A person qualifies when ANY rule holds; a rule holds when ALL its minimums are met'),
  include: z
    .array(
      z.strictObject({
        login,
        reason: z.string().min(1),
        expires: date.optional()
      })
    )
    .default([])
    .describe('People added by decision of the election officials, with the reason shown in the output'),
  exclude: z
    .strictObject({
      // User accounts that act as bots (GitHub's `Bot` accounts never count anyway): they are left
      // out like bots, not listed as excluded people.
      bots: z.array(login).default([]),
      logins: z.array(login).default([]),
      patterns: z.array(z.string().min(1)).default([])
    })
    .prefault({})
    .describe('bots: User accounts acting as bots; logins and patterns (globs): people left out'),
  aliases: z
    .record(login, z.array(login).min(1))
    .default({})
    .describe('Other accounts of one person, merged into the primary login'),
  emails: z
    .record(z.string().regex(/^[^@\s]+@[^@\s]+$/, 'is not an email address'), login)
    .default({})
    .describe('Commit emails linked to no GitHub account, mapped to a login (case-insensitive)'),
  candidates: z
    .array(login)
    .default([])
    .describe('People standing for election: candidates.csv says whether each may stand and what they lack'),
  access: z
    .boolean()
    .default(false)
    .describe(
      'Also gather who holds owner, member, team and collaborator roles: access.csv (needs read:org)'
    ),
  output: z
    .strictObject({ emails: z.union([z.literal('auto'), z.boolean()]).default('auto') })
    .prefault({})
    .describe('emails: whether the CSV files carry email columns (auto: only for private repositories)')
})

export type ConfigInput = z.input<typeof configSchema>
export type Config = z.output<typeof configSchema>
export type Rule = Config['criteria'][number]
export type Weights = Required<z.output<typeof weights>>

export function effectiveWeights(config: Config): Weights {
  return { ...DEFAULT_WEIGHTS, ...config.scoring.weights }
}
