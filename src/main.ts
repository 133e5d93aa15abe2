import * as core from '@actions/core'

export async function main(): Promise<void> {
  core.setFailed('not implemented yet')
}
