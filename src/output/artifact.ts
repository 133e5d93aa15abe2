import { DefaultArtifactClient } from '@actions/artifact'
import type { Logger } from '../options.js'

export interface ArtifactRequest {
  name: string
  dir: string
  files: string[]
  retentionDays?: number
}

/** Uploads the output folder; on GitHub Enterprise Server (no upload there) it warns and returns null. */
export async function uploadOutputFolder(request: ArtifactRequest, log: Logger): Promise<number | null> {
  const client = new DefaultArtifactClient()
  try {
    const { id } = await client.uploadArtifact(request.name, request.files, request.dir, {
      retentionDays: request.retentionDays
    })
    log.info(`Uploaded artifact ${request.name} (id ${id}) with ${request.files.length} files`)
    return id ?? null
  } catch (error) {
    if ((error as Error).name === 'GHESNotSupportedError') {
      log.warning(
        'This GitHub Enterprise Server cannot take artifacts from this action: add an actions/upload-artifact ' +
          'step with `path: ${{ steps.<id>.outputs.output-dir }}` to keep the output folder.'
      )
      return null
    }
    throw error
  }
}
