import { DefaultArtifactClient } from '@actions/artifact'
import type { Logger } from '../options.js'

export interface ArtifactRequest {
  name: string
  dir: string
  files: string[]
  retentionDays?: number
}

/**
 * The rule @actions/artifact applies to tell GitHub Enterprise Server apart, checked before the upload
 * because the client's own refusal also prints a warning asking to try again, which would mislead there.
 */
export function isEnterpriseServer(serverUrl: string | undefined): boolean {
  const host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase()
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

const ENTERPRISE_SERVER_WARNING =
  'This GitHub Enterprise Server cannot take artifacts from this action: add an actions/upload-artifact ' +
  'step with `path: ${{ steps.<id>.outputs.output-dir }}` to keep the output folder.'

/** Uploads the output folder; on GitHub Enterprise Server (no upload there) it warns and returns null. */
export async function uploadOutputFolder(request: ArtifactRequest, log: Logger): Promise<number | null> {
  if (isEnterpriseServer(process.env.GITHUB_SERVER_URL)) {
    log.warning(ENTERPRISE_SERVER_WARNING)
    return null
  }
  const client = new DefaultArtifactClient()
  try {
    const { id } = await client.uploadArtifact(request.name, request.files, request.dir, {
      retentionDays: request.retentionDays
    })
    log.info(`Uploaded artifact ${request.name} (id ${id}) with ${request.files.length} files`)
    return id ?? null
  } catch (error) {
    // Should the client's rule ever differ from isEnterpriseServer, its refusal still means "not here".
    if ((error as Error).name === 'GHESNotSupportedError') {
      log.warning(ENTERPRISE_SERVER_WARNING)
      return null
    }
    throw error
  }
}
