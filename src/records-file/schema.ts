import { z } from 'zod'
import { LOGIN, OTHER_ACTOR_LOGIN, REPOSITORY } from '../logins.js'
import { TRIAGE_EVENTS } from '../records.js'
import { RECORDS_FORMAT } from './format.js'

// Every line of a records file, checked in full: the file may come from another job's artifact, and
// whatever passes ends up counted, in CSV cells and on ballots.

const login = z.string().regex(LOGIN, 'is not a GitHub login')
const repository = z.string().regex(REPOSITORY, 'is not a repository (owner/name)')
const instant = z.iso.datetime({ offset: false })
const count = z.number().int().nonnegative()
const text = z.string()

const actor = z
  .discriminatedUnion('type', [
    z.strictObject({ login, type: z.literal('User') }),
    z.strictObject({
      login: z.string().regex(OTHER_ACTOR_LOGIN, 'is not a GitHub login'),
      type: z.enum(['Bot', 'Organization', 'Mannequin', 'EnterpriseUserAccount'])
    })
  ])
  .nullable()

const item = { repository, url: z.url({ protocol: /^https$/ }), at: instant }
const person = { name: text, email: text }

const record = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('commit'),
    ...item,
    oid: z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'is not a commit id'),
    parents: count,
    authors: z.array(z.strictObject({ ...person, login: login.nullable() })),
    signoffs: z.array(z.strictObject(person))
  }),
  z.strictObject({
    kind: z.literal('pull_request'),
    ...item,
    author: actor,
    files: z.array(text).nullable()
  }),
  z.strictObject({
    kind: z.literal('review'),
    ...item,
    reviewer: actor,
    pullRequestAuthor: actor,
    state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']),
    substantive: z.boolean().nullable(),
    approvalsBefore: z.array(login)
  }),
  z.strictObject({
    kind: z.literal('triage'),
    ...item,
    actor,
    issueAuthor: actor,
    event: z.enum(TRIAGE_EVENTS)
  }),
  z.strictObject({ kind: z.literal('issue_comment'), ...item, author: actor, issueAuthor: actor })
])

export const recordLine = record
export const profileLine = z.strictObject({ kind: z.literal('profile'), login, ...person })

const counts = z.strictObject({
  commits: count,
  pullRequests: count,
  reviews: count,
  issues: count,
  triageEvents: count,
  issueComments: count
})

const PERMISSION = z.enum(['ADMIN', 'MAINTAIN', 'WRITE', 'TRIAGE', 'READ'])

const branchFile = z.strictObject({ path: text, text: text.nullable() })

/** One organization, or several (a foundation's shards merged) joined by `, `. */
const organizations = z
  .string()
  .refine(value => value.split(', ').every(part => LOGIN.test(part)), 'is not a GitHub organization login')

export const headerLine = z
  .object({
    format: z.literal(RECORDS_FORMAT),
    version: z.number(),
    tool: z.object({ name: z.literal('electorate'), version: text }),
    organization: organizations,
    window: z.object({ since: instant, until: instant }),
    repositories: z.array(
      z.strictObject({
        nameWithOwner: repository,
        isArchived: z.boolean(),
        isFork: z.boolean(),
        isPrivate: z.boolean(),
        defaultBranch: text.nullable(),
        counts
      })
    ),
    stats: z.strictObject({
      requests: count,
      points: count,
      remaining: count.nullable(),
      resetAt: instant.nullable()
    }),
    warnings: z.array(text),
    /** Pull requests and issues deleted on GitHub during the run, left out. */
    deleted: z.array(text).optional(),
    emails: z.enum(['plain', 'hidden']),
    /** Logins the config named whose profiles were looked up: carried though no record names them. */
    named: z.array(login).optional(),
    /** Roles, when the run gathered them (`access`). */
    access: z
      .strictObject({
        organizations: z.array(
          z.strictObject({
            organization: login,
            members: z.array(z.strictObject({ login, role: z.enum(['ADMIN', 'MEMBER']) })),
            teams: z.array(
              z.strictObject({
                slug: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, 'is not a team (org/slug)'),
                members: z.array(z.strictObject({ login, role: z.enum(['MAINTAINER', 'MEMBER']) })),
                repositories: z.array(z.strictObject({ repository, permission: PERMISSION }))
              })
            )
          })
        ),
        collaborators: z.array(z.strictObject({ repository, login, permission: PERMISSION }))
      })
      .optional(),
    /** Workflow files and CODEOWNERS of each repository (absent in files of earlier versions). */
    files: z
      .array(
        z.strictObject({
          repository,
          workflows: z.array(branchFile),
          codeowners: branchFile.nullable()
        })
      )
      .optional(),
    lines: z.strictObject({ records: count, profiles: count })
  })
  .refine(header => Date.parse(header.window.since) < Date.parse(header.window.until), {
    message: 'since must be before until',
    path: ['window']
  })

/** `line 5: approvalsBefore: expected array, received null`, the first problem zod found. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!
  const where = issue.path.map(segment =>
    typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`
  )
  return `${where.join('').replace(/^\./, '') || 'line'}: ${issue.message}`
}
