import type { Scale } from './generate.js'
import type { RepositoryDraft } from './forge.js'

// The repositories of a team: one busy main repository, small active ones, archived ones, forks, a
// private security-advisory fork and an empty one.

interface Plan {
  name: string
  weight: number
  archived?: boolean
  fork?: boolean
  private?: boolean
  empty?: boolean
}

const SMALL: Plan[] = [
  { name: 'demo', weight: 10 },
  { name: 'legacy', weight: 1, archived: true },
  { name: 'demo-fork', weight: 1, fork: true },
  { name: 'empty', weight: 0, empty: true },
  { name: 'demo-ghsa-private', weight: 0.5, private: true }
]

const KATA: Plan[] = [
  { name: 'kata-containers', weight: 70 },
  { name: 'community', weight: 3 },
  { name: 'ci', weight: 2 },
  { name: 'www.katacontainers.io', weight: 1.5 },
  { name: 'kata-deploy-charts', weight: 1 },
  { name: 'project-infra', weight: 1 },
  { name: 'slash-command-action', weight: 0.5 },
  { name: 'lts-tracker', weight: 0.3 },
  { name: 'guest-components-ci', weight: 0.3 },
  { name: 'kata-benchmarks', weight: 0.3 },
  { name: 'presentations', weight: 0.2 },
  { name: 'logos', weight: 0.1 },
  { name: 'tests', weight: 0.05, archived: true },
  { name: 'runtime', weight: 0.05, archived: true },
  { name: 'agent', weight: 0.05, archived: true },
  { name: 'proxy', weight: 0.05, archived: true },
  { name: 'shim', weight: 0.05, archived: true },
  { name: 'packaging', weight: 0.05, archived: true },
  { name: 'osbuilder', weight: 0.05, archived: true },
  { name: 'govmm', weight: 0.05, archived: true },
  { name: 'documentation', weight: 0.05, archived: true },
  { name: 'ksm-throttler', weight: 0.05, archived: true },
  { name: 'linux', weight: 0.3, fork: true },
  { name: 'qemu', weight: 0.3, fork: true },
  { name: 'cloud-hypervisor', weight: 0.3, fork: true },
  { name: 'containerd', weight: 0.3, fork: true },
  { name: 'kata-containers-ghsa-7xq2-private', weight: 0.3, private: true },
  { name: 'sandbox', weight: 0, empty: true },
  { name: 'kata-ai-playground', weight: 0.2 },
  { name: 'meeting-notes', weight: 0.1 }
]

export function planRepositories(
  scale: Scale,
  team: number,
  owner: string,
  createdAt: string,
  nodeId: (kind: string, key: string) => string
): RepositoryDraft[] {
  return (scale === 'small' ? SMALL : KATA).map(plan => {
    const name = team === 0 ? plan.name : `${plan.name}-${team}`
    return {
      id: nodeId('Repository', `${owner}/${name}`),
      owner,
      name,
      isArchived: !!plan.archived,
      isFork: !!plan.fork,
      isPrivate: !!plan.private,
      defaultBranch: plan.empty ? null : plan.fork ? 'master' : 'main',
      createdAt,
      commits: [],
      pullRequests: [],
      issues: [],
      weight: plan.weight,
      team
    }
  })
}
