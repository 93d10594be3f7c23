// typescript-eslint's recommended rules over the whole project; formatting is prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'viz/dist/', '.neo4j/', 'tests/e2e/screenshots/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // GraphiQL's start script runs in the browser, beside the bundle that defines YogaGraphiQL.
    files: ['api/graphiql/**/*.js'],
    languageOptions: { globals: { self: 'readonly', document: 'readonly', YogaGraphiQL: 'readonly' } },
  },
  {
    rules: {
      // Tests and the page-side bench code read untyped browser objects (window.innograph.cy).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
