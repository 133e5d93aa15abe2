import { chmod } from 'node:fs/promises'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

/** @returns {import('rollup').RollupOptions} */
const bundle = (input, file, banner) => ({
  input,
  output: { file, format: 'es', banner, inlineDynamicImports: true },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json' }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json()
  ],
  onwarn(warning, warn) {
    // @actions/* and their dependencies use `this` at top level and circular imports; both are harmless.
    // zod places /*@__PURE__*/ where rollup cannot use it; that only costs tree-shaking, not behaviour.
    if (['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION'].includes(warning.code)) return
    warn(warning)
  }
})

// The CLI bundle runs as a program too (dist/cli.js, beside the launcher in bin/): git keeps its mode.
const executable = {
  name: 'executable',
  async writeBundle(options) {
    await chmod(options.file, 0o755)
  }
}

const cli = bundle('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node')
cli.plugins.push(executable)

export default [bundle('src/index.ts', 'dist/index.js'), cli]
