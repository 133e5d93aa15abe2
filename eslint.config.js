import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'electorate/', 'build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Outputs are the same bytes under any LANG: one code-unit order (src/electorate/order.ts), never the locale's.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'localeCompare',
          message: 'Use byCodeUnits or caseInsensitiveOrder: the locale changes the order.'
        },
        { object: 'Intl', property: 'Collator', message: 'Use byCodeUnits: the locale changes the order.' }
      ]
    }
  }
)
