import { main } from './main.js'

await main()
// A failed run may leave requests retrying in the background; they cannot change the outcome.
if (process.exitCode === 1) process.exit(1)
