import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', '**/dist', 'node_modules', 'test-results', 'playwright-report', '.e2e-dist', 'packages/drill-kit/src/types.gen.ts'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user-supplied text as text only.' }],
      'no-restricted-properties': ['error', { object: 'Element', property: 'innerHTML' }],
    },
  },
  {
    // The model is pure and deterministic: no DOM, React, worker, wall clock or Math.random.
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'comlink', 'd3', 'd3-*'], message: 'src/model must not depend on UI or worker libraries.' },
          { group: ['**/worker/**', '**/ui/**', '../worker', '../ui', '../../worker', '../../ui'], message: 'src/model must not import the worker or the UI.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'self', 'localStorage', 'sessionStorage', 'performance', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'postMessage', 'fetch', 'crypto'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded Prng.' },
        { object: 'Date', property: 'now', message: 'Use the simulated clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Use the simulated clock.' },
        // time-travel checkpoints (kernel/checkpoint.ts) see model state only through properties
        { selector: 'PrivateIdentifier', message: 'No #private fields in the model: checkpoints cannot see them; use a TypeScript private property.' },
        { selector: "Program > VariableDeclaration[kind='let'], Program > ExportNamedDeclaration > VariableDeclaration[kind='let']", message: 'No module-level mutable variables in the model: checkpoints cannot see them; keep state on an object of the simulation.' },
        { selector: "NewExpression[callee.name=/^Weak(Map|Set|Ref)$/]", message: 'No WeakMap/WeakSet/WeakRef in the model: checkpoints cannot see their contents.' }],
    },
  },
  {
    // Playwright fixtures call their `use` callback: not React's use()
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['src/model/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
)
