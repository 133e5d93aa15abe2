import * as core from '@actions/core'
import type { Logger } from './options.js'

export const actionLogger: Logger = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  debug: message => core.debug(message),
  group: (name, fn) => core.group(name, fn)
}
