// Preloaded into the built CLI (`node --import`) by a test of a disk that fills while the output folder
// is written: putting the file named by ELECTORATE_TEST_FULL_DISK in place fails as a full disk would.
import fs from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'

const full = process.env.ELECTORATE_TEST_FULL_DISK
const rename = fs.rename
fs.rename = async (from, to) => {
  if (full && String(to).endsWith(`/${full}`))
    throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${String(from)}'`), {
      code: 'ENOSPC'
    })
  return rename(from, to)
}
syncBuiltinESMExports()
