// The environment a runner gives a step that uploads artifacts, pointed at the fake service.
// @actions/artifact reads it when it uploads, not when it is imported.

export interface RunnerIds {
  workflowRunBackendId: string
  workflowJobRunBackendId: string
}

export const FAKE_RUNNER_IDS: RunnerIds = {
  workflowRunBackendId: 'run-backend-1',
  workflowJobRunBackendId: 'job-backend-1'
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A JWT the client only decodes: alg none, the Actions.Results scope naming the run and job. */
export function fakeRuntimeToken(ids: RunnerIds = FAKE_RUNNER_IDS): string {
  const header = base64url({ typ: 'JWT', alg: 'none' })
  const payload = base64url({
    scp: `Actions.ExampleScope Actions.Results:${ids.workflowRunBackendId}:${ids.workflowJobRunBackendId}`
  })
  return `${header}.${payload}.`
}

/**
 * Variables to set (strings) and to remove (undefined) for an upload to `resultsUrl`.
 * GITHUB_SERVER_URL is removed: a loopback server URL would look like GitHub Enterprise Server.
 */
export function artifactUploadEnvironment(
  resultsUrl: string,
  ids: RunnerIds = FAKE_RUNNER_IDS
): Record<string, string | undefined> {
  return {
    ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(ids),
    ACTIONS_RESULTS_URL: resultsUrl,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    GITHUB_SERVER_URL: undefined,
    GITHUB_RETENTION_DAYS: undefined
  }
}
