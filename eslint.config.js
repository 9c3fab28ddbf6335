import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'data/**',
      '.test-results/**',
      '.scratch/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify plugins and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
        { selector: "CallExpression[callee.property.name='todo']", message: 'No todo tests.' },
      ],
    },
  },
  ...[
    // A module is used by others only through its index.ts (house style, "Anatomy of a module").
    ['packages/server/src/modules/*/*.ts', '^\\.\\./(?!\\.\\.)[a-z-]+/(?!index\\.ts$).+'],
    ['packages/server/src/modules/*/*/*.ts', '^\\.\\./\\.\\./(?!\\.\\.)[a-z-]+/(?!index\\.ts$).+'],
  ].flatMap(([files, regex]) => {
    const boundary = { regex, message: 'Use another module only through its index.ts.' };
    // Services tell the use case and routes only call it; SQL lives in repositories (issue 11). One rule entry per
    // file set, because a later `no-restricted-imports` would replace the module-boundary patterns, not add to them.
    const layers = [
      { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Queries belong in a *.repository.ts.' },
      { regex: '/platform/db/schema\\.ts$', message: 'Tables belong to repositories; a service or route calls one.' },
    ];
    const layered = files.replace(/\*\.ts$/, '');
    return [
      { files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [boundary] }] } },
      {
        files: [`${layered}*.service.ts`, `${layered}*.routes.ts`],
        rules: { 'no-restricted-imports': ['error', { patterns: [boundary, ...layers] }] },
      },
    ];
  }),
  {
    files: ['**/*.test.ts'],
    rules: {
      // `res.json()` in app.inject tests is untyped on purpose: the tests read what a client would read.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/modules/', message: 'platform/ never imports a module.' }] },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
