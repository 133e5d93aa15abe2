// Outputs are the same bytes under any LANG: Danish sorts "aa" after "z", Turkish folds "I" apart.
import { describe, expect, it } from 'vitest'
import { generateWorld } from '../../tools/world/generate.js'
import { expectSameFindings, NOW, runElectorate, TOKEN } from './harness.js'

const NAMES = ['aa-tools', 'zz-tools', 'Ia-tools', 'ib-tools', 'ab-tools']

function world() {
  const generated = generateWorld({ scale: 'small', seed: 2, now: NOW })
  generated.repositories.forEach((repository, i) => (repository.name = NAMES[i % NAMES.length]! + String(i)))
  return generated
}

describe('the same records under any locale', () => {
  it('give the same bytes under LANG=C, da_DK.UTF-8 and tr_TR.UTF-8', async () => {
    const runs = []
    for (const lang of ['C', 'da_DK.UTF-8', 'tr_TR.UTF-8'])
      runs.push(await runElectorate(world(), { env: { GITHUB_TOKEN: TOKEN, LANG: lang, LC_ALL: lang } }))
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    const [c, ...others] = runs
    for (const other of others) expectSameFindings(other, c!)
  })
})
