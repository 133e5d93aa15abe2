import { createHash } from 'node:crypto'
import {
  WORLD_OTHER_EVENT_TYPES,
  WORLD_TRIAGE_EVENT_TYPES,
  type World,
  type WorldCommit,
  type WorldEvent,
  type WorldIssue,
  type WorldPullRequest,
  type WorldRepository,
  type WorldReview
} from '../world/types.js'

// A small hand-made world with every edge the fake must serve: long histories, a pull request with
// 250 reviews and one with 3,001 files, an issue with 400 timeline events, a bot, a deleted account.

const hex = (text: string): string => createHash('sha1').update(text).digest('hex')
const at = (base: string, minutes: number): string =>
  new Date(Date.parse(base) + minutes * 60_000).toISOString().replace('.000Z', 'Z')

export const sampleStart = '2024-01-01T00:00:00Z'

// A transfer needs its source repository: the sample world makes its transfers apart.
const triageTypes = WORLD_TRIAGE_EVENT_TYPES.filter(type => type !== 'TRANSFERRED_EVENT')
const people = ['alice', 'bob', 'carol']

function commits(repo: string, count: number): WorldCommit[] {
  return Array.from({ length: count }, (_, i) => {
    const author = people[i % 3]!
    const coAuthored = i % 10 === 0
    const date = at(sampleStart, i * 60)
    return {
      oid: hex(`${repo}:${i}`),
      committedDate: date,
      authoredDate: at(sampleStart, i * 60 - 5),
      message: `Change ${i} in ${repo}\n\nWhy it matters.${coAuthored ? '\n\nCo-authored-by: Bob <bob@example.com>' : ''}`,
      parents: i === 0 ? 0 : i % 25 === 0 ? 2 : 1,
      authors: [
        i % 7 === 3
          ? { name: 'Unlinked Dev', email: 'dev@example.org', login: null }
          : { name: author, email: `${author}@example.com`, login: author },
        ...(coAuthored ? [{ name: 'Bob', email: 'bob@example.com', login: 'bob' }] : [])
      ]
    }
  })
}

function reviews(prId: string, count: number, createdAt: string): WorldReview[] {
  const states = ['APPROVED', 'COMMENTED', 'CHANGES_REQUESTED', 'DISMISSED', 'PENDING'] as const
  return Array.from({ length: count }, (_, i) => {
    const state = states[i % states.length]!
    return {
      id: `${prId}_R${i}`,
      author: i % 11 === 5 ? null : people[(i + 1) % 3]!,
      state,
      submittedAt: state === 'PENDING' ? null : at(createdAt, i + 1),
      body: `review ${i}`,
      comments:
        i % 4 === 0
          ? [{ id: `${prId}_R${i}_C0`, author: 'carol', createdAt: at(createdAt, i + 1), body: 'nit' }]
          : []
    }
  })
}

function pullRequests(repo: string, count: number): WorldPullRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1
    const id = `PR_${repo}_${number}`
    const createdAt = at(sampleStart, i * 90)
    const state = i % 3 === 0 ? 'MERGED' : i % 3 === 1 ? 'OPEN' : 'CLOSED'
    const closedAt = state === 'OPEN' ? null : at(createdAt, 600)
    const author = i === 3 ? null : i === 4 ? 'dependabot' : people[i % 3]!
    const fileCount = number === 2 ? 3001 : 3
    return {
      id,
      number,
      author,
      title: `Pull request ${number}`,
      createdAt,
      state,
      mergedAt: state === 'MERGED' ? closedAt : null,
      closedAt,
      files: Array.from({ length: fileCount }, (_, f) =>
        f === 0 && i % 6 === 0 ? '.github/workflows/ci.yaml' : `src/file${f}.go`
      ),
      reviews: reviews(id, number === 1 ? 250 : i % 4, createdAt),
      comments: [{ id: `${id}_C0`, author: 'carol', createdAt: at(createdAt, 30), body: 'looks good' }],
      events: []
    }
  })
}

function timeline(issueId: string, count: number, createdAt: string): WorldEvent[] {
  const types = [...triageTypes, ...WORLD_OTHER_EVENT_TYPES]
  return Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length]!
    return {
      id: `${issueId}_E${i}`,
      type,
      actor: i % 13 === 12 ? null : i % 17 === 16 ? 'dependabot' : people[i % 3]!,
      createdAt: at(createdAt, i + 1),
      ...(type === 'LABELED_EVENT' || type === 'UNLABELED_EVENT' ? { detail: `area/${i % 5}` } : {})
    }
  })
}

function issues(repo: string, count: number, firstNumber: number): WorldIssue[] {
  return Array.from({ length: count }, (_, i) => {
    const number = firstNumber + i
    const id = `I_${repo}_${number}`
    const createdAt = at(sampleStart, i * 120 + 7)
    const events = timeline(id, i === 0 ? 400 : i % 5, createdAt)
    if (i === 1)
      events.push({
        id: `${id}_T`,
        type: 'TRANSFERRED_EVENT',
        actor: 'alice',
        createdAt: at(createdAt, 2),
        detail: 'elsewhere/old-home'
      })
    return {
      id,
      number,
      author: i % 9 === 4 ? null : people[(i + 2) % 3]!,
      title: `Issue ${number}`,
      createdAt,
      state: i % 2 === 0 ? 'OPEN' : 'CLOSED',
      closedAt: i % 2 === 0 ? null : at(createdAt, 500),
      comments: Array.from({ length: i % 4 }, (_, c) => ({
        id: `${id}_C${c}`,
        author: people[c % 3]!,
        createdAt: at(createdAt, 3 + c),
        body: `comment ${c}`
      })),
      events
    }
  })
}

function repository(name: string, shape: Partial<WorldRepository> = {}): WorldRepository {
  return {
    id: `R_${name}`,
    owner: 'kata-containers',
    name,
    isArchived: false,
    isFork: false,
    isPrivate: false,
    defaultBranch: 'main',
    createdAt: at(sampleStart, -100_000),
    commits: [],
    pullRequests: [],
    issues: [],
    ...shape
  }
}

export function sampleWorld(): World {
  return {
    now: '2025-01-01T00:00:00Z',
    organization: { login: 'kata-containers', name: 'Kata Containers', id: 'O_kata' },
    users: [
      {
        login: 'alice',
        type: 'User',
        name: 'Alice A',
        email: 'alice@example.com',
        createdAt: '2015-01-01T00:00:00Z'
      },
      { login: 'bob', type: 'User', name: '', email: '', createdAt: '2016-01-01T00:00:00Z' },
      { login: 'carol', type: 'User', name: 'Carol C', email: '', createdAt: '2017-01-01T00:00:00Z' },
      { login: 'dependabot', type: 'Bot', name: '', email: '', createdAt: '2018-01-01T00:00:00Z' }
    ],
    repositories: [
      repository('runtime', {
        commits: commits('runtime', 250),
        pullRequests: pullRequests('runtime', 120),
        issues: issues('runtime', 30, 1000)
      }),
      repository('agent', {
        commits: commits('agent', 30),
        pullRequests: pullRequests('agent', 5),
        issues: issues('agent', 3, 100)
      }),
      repository('old-tools', { isArchived: true, commits: commits('old-tools', 3) }),
      repository('forked-lib', { isFork: true, commits: commits('forked-lib', 2) }),
      repository('ghsa-temp', { isPrivate: true, commits: commits('ghsa-temp', 2) }),
      repository('empty', { defaultBranch: null })
    ]
  }
}
