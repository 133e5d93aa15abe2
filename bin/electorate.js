#!/usr/bin/env node
// The CLI's entry: checks the Node.js version before loading the bundle, whose syntax and built-in
// modules an older Node would reject with an error that does not say what is wrong.
import process from 'node:process'

const NEEDED_MAJOR = 20
const major = Number(process.versions.node.split('.')[0])
if (!(major >= NEEDED_MAJOR)) {
  process.stderr.write(
    `electorate: needs Node.js ${NEEDED_MAJOR} or later; this is Node.js ${process.versions.node}\n`
  )
  process.exit(2)
}
await import('../dist/cli.js')
