// Preloaded into the built CLI (`node --import`) by a test that bounds its memory: on exit, the peak
// resident set in KiB goes to stderr on a line of its own.
import { writeSync } from 'node:fs'

process.on('exit', () => writeSync(2, `\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`))
