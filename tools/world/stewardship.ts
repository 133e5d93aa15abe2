import { isoSeconds } from './time.js'
import type {
  World,
  WorldCommit,
  WorldOrganization,
  WorldPullRequest,
  WorldRepository,
  WorldUser
} from './types.js'

// Who holds the organization's keys and what its CI runs: owners, teams, outside collaborators,
// workflow files and a CODEOWNERS file added to a generated world, each case of the stewardship files
// present once (an owner with no activity, a repository with one active admin, a workflow whose only
// changer left, a job only CODEOWNERS covers, a workflow file that does not parse), and optionally a
// second organization where one person of the first is active too.

export interface StewardshipCast {
  /** The most active author of merged pull requests: owner, team maintainer, CODEOWNERS user. */
  busy: string
  /** A second active author: team member with admin on the first repository. */
  second: string
  /** An owner with no activity at all. */
  absentOwner: string
  /** An outside collaborator with admin and no activity. */
  outsideAdmin: string
  /** The only one who changed release.yaml in the window (the tests exclude them: they left). */
  leaver: string
  /** The repository with the workflow files and CODEOWNERS. */
  repository: string
  /** The second organization's only repository, when there is one. */
  secondRepository?: string
}

export const CI_WORKFLOW = `name: CI
on: [push, pull_request]
jobs:
  build:
    name: Build (\${{ matrix.arch }})
    runs-on: ubuntu-latest
    steps:
      - run: make
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
`
export const NIGHTLY_WORKFLOW = `name: Nightly
on:
  schedule:
    - cron: '0 3 * * *'
jobs:
  nightly:
    name: Nightly images
    runs-on: ubuntu-latest
    steps:
      - run: make images
`
export const RELEASE_WORKFLOW = `name: Release
on:
  push:
    tags: ['v*']
jobs:
  publish:
    name: Publish
    runs-on: ubuntu-latest
    steps:
      - run: make release
`
/** Not YAML: a flow sequence left open. */
export const BROKEN_WORKFLOW = `name: Broken
jobs: [build
  test:
    runs-on: ubuntu-latest
`

const WEEK = 7 * 24 * 3600 * 1000

/** The world with the stewardship cast added (in place) and who plays which part. */
export function addStewardship(
  world: World,
  window: { since: Date; until: Date },
  options: { secondOrganization?: string } = {}
): StewardshipCast {
  const inWindow = (at: string | null) =>
    at !== null && Date.parse(at) >= window.since.getTime() && Date.parse(at) < window.until.getTime()
  const humans = new Set(world.users.filter(u => u.type === 'User').map(u => u.login))
  const merged = new Map<string, number>()
  for (const repository of world.repositories)
    for (const pr of repository.pullRequests)
      if (pr.author && humans.has(pr.author) && inWindow(pr.mergedAt))
        merged.set(pr.author, (merged.get(pr.author) ?? 0) + 1)
  const [busy, second] = [...merged].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l]) => l)
  if (!busy || !second) throw new Error('the world has fewer than two authors of merged pull requests')

  const org = world.organization.login
  const addUser = (login: string): string => {
    world.users.push(user(login, world.now))
    return login
  }
  const absentOwner = addUser(`${org}-absent-owner`)
  const outsideAdmin = addUser(`${org}-outside-admin`)
  const leaver = addUser(`${org}-leaver`)

  const repositories = world.repositories.filter(r => r.owner === org && r.defaultBranch !== null)
  const [first, other] = repositories
  if (!first || !other) throw new Error('the world has fewer than two repositories with a default branch')
  first.files = {
    ...first.files,
    '.github/workflows/ci.yaml': CI_WORKFLOW,
    '.github/workflows/nightly.yaml': NIGHTLY_WORKFLOW,
    '.github/workflows/release.yaml': RELEASE_WORKFLOW,
    '.github/workflows/broken.yml': BROKEN_WORKFLOW,
    '.github/workflows/README.md': 'Not a workflow: only .yml and .yaml files are.\n',
    '.github/CODEOWNERS': [
      '# Stewards of the project',
      `*                                @${org}/maintainers`,
      `/.github/workflows/             @${busy}`,
      `/.github/workflows/release.yaml @${leaver}`,
      ''
    ].join('\n'),
    // GitHub reads the first CODEOWNERS it finds: .github/ before the root and docs/.
    CODEOWNERS: `* @${outsideAdmin}\n`
  }
  for (const repository of repositories.slice(1))
    repository.files = { ...repository.files, '.github/workflows/ci.yaml': CI_WORKFLOW }
  // The leaver's one change in the window: release.yaml, merged a week before the window ends.
  const mergedAt = isoSeconds(window.until.getTime() - WEEK)
  first.pullRequests.push(pullRequest(first, leaver, mergedAt, ['.github/workflows/release.yaml']))
  // Nobody changes nightly.yaml (the generator's pull requests touch ci.yaml and others): CODEOWNERS alone covers it.

  world.organization.members = [
    { login: busy, role: 'ADMIN' },
    { login: absentOwner, role: 'ADMIN' },
    { login: second, role: 'MEMBER' },
    { login: leaver, role: 'MEMBER' }
  ]
  world.organization.teams = [
    {
      id: Buffer.from(`Team:${org}/maintainers`).toString('base64'),
      slug: 'maintainers',
      name: 'Maintainers',
      members: [
        { login: busy, role: 'MAINTAINER' },
        { login: second, role: 'MEMBER' }
      ],
      repositories: [
        { repository: `${first.owner}/${first.name}`, permission: 'ADMIN' },
        { repository: `${other.owner}/${other.name}`, permission: 'WRITE' },
        // A private repository (out of scope by default): its name must not reach any output.
        ...world.repositories
          .filter(r => r.owner === org && r.isPrivate)
          .map(r => ({ repository: `${r.owner}/${r.name}`, permission: 'ADMIN' as const }))
      ]
    }
  ]
  // An outside admin of the repository every run reads, and of another that may lie out of scope
  // (archived or private): access.csv lists the first role only.
  // An outside collaborator who may only write holds no key: access.csv leaves them out.
  first.collaborators = [
    { login: outsideAdmin, permission: 'ADMIN' },
    { login: leaver, permission: 'WRITE' }
  ]
  other.collaborators = [{ login: outsideAdmin, permission: 'ADMIN' }]

  const cast: StewardshipCast = {
    busy,
    second,
    absentOwner,
    outsideAdmin,
    leaver,
    repository: `${first.owner}/${first.name}`
  }
  if (options.secondOrganization)
    cast.secondRepository = addSecondOrganization(world, options.secondOrganization, busy, window)
  return cast
}

/** A second organization with one repository: a commit by `shared` (active in both) and one by its own person. */
function addSecondOrganization(
  world: World,
  login: string,
  shared: string,
  window: { since: Date; until: Date }
): string {
  const own = `${login}-contributor`
  world.users.push(user(own, world.now))
  const organization: WorldOrganization = {
    login,
    name: login,
    id: Buffer.from(`Organization:${login}`).toString('base64'),
    members: [{ login: shared, role: 'ADMIN' }],
    teams: []
  }
  world.moreOrganizations = [...(world.moreOrganizations ?? []), organization]
  const at = (days: number) => isoSeconds(window.until.getTime() - days * 24 * 3600 * 1000)
  const repository: WorldRepository = {
    id: Buffer.from(`Repository:${login}/guest-components`).toString('base64'),
    owner: login,
    name: 'guest-components',
    isArchived: false,
    isFork: false,
    isPrivate: false,
    defaultBranch: 'main',
    createdAt: at(900),
    commits: [commit(shared, at(20), 1), commit(own, at(10), 2), commit(own, at(800), 3)],
    pullRequests: [],
    issues: [],
    files: { '.github/workflows/ci.yml': CI_WORKFLOW }
  }
  repository.commits.at(-1)!.parents = 0
  world.repositories.push(repository)
  return `${login}/guest-components`
}

export function user(login: string, now: string): WorldUser {
  return { login, type: 'User', name: '', email: '', createdAt: isoSeconds(Date.parse(now) - 1000 * WEEK) }
}

export function commit(login: string, at: string, n: number): WorldCommit {
  return {
    oid: n.toString(16).padStart(40, 'c'),
    committedDate: at,
    authoredDate: at,
    message: `Commit ${n}`,
    parents: 1,
    authors: [{ name: login, email: `${login}@users.noreply.github.com`, login }]
  }
}

function pullRequest(
  repository: WorldRepository,
  author: string,
  mergedAt: string,
  files: string[]
): WorldPullRequest {
  const number =
    Math.max(0, ...repository.pullRequests.map(p => p.number), ...repository.issues.map(i => i.number)) + 1
  return {
    id: Buffer.from(`PullRequest:${repository.owner}/${repository.name}#${number}`).toString('base64'),
    number,
    author,
    title: 'Release workflow',
    createdAt: mergedAt,
    state: 'MERGED',
    mergedAt,
    closedAt: mergedAt,
    files,
    reviews: [],
    comments: [],
    events: []
  }
}
