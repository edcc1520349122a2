// Lint: typescript-eslint's recommended rules plus the import direction of DESIGN.md, one
// no-restricted-imports block per folder, so a layer cannot reach above itself.
const tseslint = require('typescript-eslint');

const layer = (files, forbidden) => ({
  files,
  ignores: ['**/*.test.ts'], // tests may reach across layers to build end-to-end fixtures
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: forbidden.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `this layer may not import ${f}/ (DESIGN.md, layers)` })) },
    ],
  },
});

const above = ['drivers', 'client', 'simulator', 'harness', 'reports'];

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'allure-results/**', 'allure-report/**', 'out/**', 'test-output/**', 'dist/**', 'bin/**', 'eslint.config.js', 'allurerc.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  layer(['dlms/**/*.ts'], above),
  layer(['dlms/bytes/**/*.ts'], ['axdr', 'ber', 'hdlc', 'wrapper', 'acse', 'xdlms', 'security', 'cosem', ...above]),
  layer(['drivers/**/*.ts'], ['dlms', 'client', 'simulator', 'harness', 'reports']),
  layer(['client/**/*.ts'], ['simulator', 'harness', 'reports']),
  layer(['simulator/**/*.ts'], ['client', 'harness', 'reports']),
  layer(['reports/**/*.ts'], ['drivers', 'client', 'simulator', 'harness']),
  layer(['harness/**/*.ts'], ['drivers']),
);
