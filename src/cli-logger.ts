import type { Logger } from './options.js'

/** Progress for people at a terminal: everything on stderr, so stdout stays the result. */
export function createCliLogger(options: { debug: boolean; redact: (text: string) => string }): Logger {
  const write = (line: string) => process.stderr.write(`${options.redact(line)}\n`)
  return {
    info: message => write(message),
    warning: message => write(`warning: ${message}`),
    debug: message => {
      if (options.debug) write(`debug: ${message}`)
    },
    async group(name, fn) {
      write(`== ${name}`)
      return fn()
    }
  }
}

/** Hides a secret in any text that leaves the process. */
export function redactor(secret: string | undefined): (text: string) => string {
  if (!secret) return text => text
  return text => text.split(secret).join('***')
}
