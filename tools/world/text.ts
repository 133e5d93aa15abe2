import type { Random } from './random.js'

// Plausible commit subjects and changed paths of a container-runtime project.

const AREAS = [
  'runtime',
  'agent',
  'kata-deploy',
  'tests',
  'ci',
  'docs',
  'packaging',
  'genpolicy',
  'runtime-rs'
]
const VERBS = ['fix', 'add', 'bump', 'refactor', 'remove', 'update', 'enable', 'drop']
const THINGS = [
  'virtiofs timeout',
  'cgroup v2 handling',
  'guest kernel config',
  'nydus snapshotter',
  'k8s e2e flakes',
  'QEMU version',
  'rust toolchain',
  'policy for exec',
  'shim v2 logging',
  'CoCo attestation'
]

export function commitSubject(random: Random): string {
  return `${random.pick(AREAS)}: ${random.pick(VERBS)} ${random.pick(THINGS)}`
}

const SOURCES = [
  'src/runtime/pkg/katautils/config.go',
  'src/runtime/virtcontainers/qemu.go',
  'src/runtime/virtcontainers/sandbox.go',
  'src/agent/src/rpc.rs',
  'src/agent/src/mount.rs',
  'src/runtime-rs/crates/hypervisor/src/lib.rs',
  'src/tools/genpolicy/src/policy.rs',
  'tools/packaging/kata-deploy/scripts/kata-deploy.sh',
  'tools/packaging/static-build/qemu/Dockerfile',
  'versions.yaml',
  'docs/install/README.md',
  'README.md',
  'Makefile'
]
const WORKFLOWS = [
  '.github/workflows/ci.yaml',
  '.github/workflows/static-checks.yaml',
  '.github/workflows/run-k8s-tests-on-aks.yaml',
  '.github/workflows/payload-after-push.yaml',
  '.github/workflows/basic-ci-amd64.yaml'
]
const TESTS = [
  'tests/integration/kubernetes/k8s-exec.bats',
  'tests/integration/kubernetes/k8s-policy-pod.bats',
  'tests/common.bash',
  'tests/functional/vfio/run.sh',
  'tests/metrics/gha-run.sh'
]

/** About 47% of pull requests touch `.github/workflows/`, 65% `tests/`, a few `.ci/` or `.github/actions/`. */
export function changedFiles(random: Random): string[] {
  const files = new Set<string>()
  for (let i = random.int(1, 5); i > 0; i--) files.add(random.pick(SOURCES))
  if (random.chance(0.47)) files.add(random.pick(WORKFLOWS))
  if (random.chance(0.65)) files.add(random.pick(TESTS))
  if (random.chance(0.03)) files.add('.ci/install_go.sh')
  if (random.chance(0.02)) files.add('.github/actions/setup-kata/action.yml')
  return [...files]
}

/** More than GitHub returns (3,000): `files` comes back null; a few are workflows. */
export function hugeChangeSet(): string[] {
  const files = WORKFLOWS.slice(0, 3)
  for (let i = 0; i < 3050; i++)
    files.push(`src/vendor/github.com/example/mod${Math.floor(i / 50)}/file${i}.go`)
  return files
}

export const LABELS = [
  'bug',
  'enhancement',
  'needs-review',
  'area/runtime',
  'area/agent',
  'ok-to-test',
  'stale'
]

export const ISSUE_TITLES = [
  'Pod fails to start with virtio-fs',
  'kata-deploy leaves stale runtime classes',
  'CI: nightly k8s job is flaky',
  'Document how to enable confidential guest',
  'agent panics on large exec output',
  'Support for newer cloud-hypervisor'
]
