// Lint: typescript-eslint's recommended rules plus the import direction of DESIGN.md, one
// no-restricted-imports block per folder, so a layer cannot reach above itself. Shipped code
// (everything but tests, test/ and bench/) may not import the test libraries, and the sans-IO
// core (dlms/) no Node module but crypto.
const tseslint = require('typescript-eslint');

const TEST_ONLY = ['**/*.test.ts', 'test/**', 'bench/**'];

const testLibraries = [
  { name: 'chai', message: 'chai is for tests only: shipped code may not import it' },
  { name: 'fast-check', message: 'fast-check is for tests only: shipped code may not import it' },
];

// Sans-IO (DESIGN.md, rules of the house): no sockets, files, timers or processes in dlms/.
const nodeModules = { group: ['node:*', '!node:crypto'], message: 'dlms/ is sans-IO: no Node module but node:crypto' };

const layer = (files, forbidden, { sansIo = false } = {}) => ({
  files,
  ignores: TEST_ONLY, // tests may reach across layers to build end-to-end fixtures
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: testLibraries,
        patterns: [
          ...forbidden.map((f) => ({
            group: [`**/${f}/**`, `**/${f}`, `./${f}`, `./${f}/**`],
            message: `this layer may not import ${f}/ (DESIGN.md, layers)`,
          })),
          ...(sansIo ? [nodeModules] : []),
        ],
      },
    ],
  },
});

const above = ['config', 'drivers', 'client', 'simulator', 'harness', 'reports', 'test'];
// The sub-layers of dlms/: bytes ← axdr, ber ← hdlc, wrapper, acse, xdlms ← security, cosem ← pdu
// (the ACSE-or-xDLMS union and its descriptions). acse may use xdlms (user-information carries
// an xDLMS initiate), never the other way round.
const dlms = (sub, forbidden) => layer([`dlms/${sub}/**/*.ts`], [...forbidden, ...above], { sansIo: true });
const upper = ['security', 'cosem', 'pdu'];

module.exports = tseslint.config(
  {
    ignores: ['node_modules/**', 'allure-results/**', 'allure-report/**', 'out/**', 'test-output/**', 'dist/**', 'bin/**', 'eslint.config.js', 'allurerc.mjs'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  layer(['dlms/**/*.ts'], above, { sansIo: true }),
  dlms('bytes', ['axdr', 'ber', 'hdlc', 'wrapper', 'acse', 'xdlms', ...upper]),
  dlms('axdr', ['ber', 'hdlc', 'wrapper', 'acse', 'xdlms', ...upper]),
  dlms('ber', ['axdr', 'hdlc', 'wrapper', 'acse', 'xdlms', ...upper]),
  dlms('hdlc', ['wrapper', 'acse', 'xdlms', ...upper]),
  dlms('wrapper', ['hdlc', 'acse', 'xdlms', ...upper]),
  dlms('acse', ['hdlc', 'wrapper', ...upper]),
  dlms('xdlms', ['hdlc', 'wrapper', 'acse', ...upper]),
  dlms('security', ['hdlc', 'wrapper', 'cosem', 'pdu']),
  dlms('cosem', ['hdlc', 'wrapper', 'security', 'pdu']),
  // config/: YAML parsed with positions and located errors, shared by the harness and the simulator.
  layer(['config/**/*.ts'], ['dlms', 'drivers', 'client', 'simulator', 'harness', 'reports', 'test']),
  layer(['drivers/**/*.ts'], ['config', 'dlms', 'client', 'simulator', 'harness', 'reports', 'test']),
  layer(['client/**/*.ts'], ['simulator', 'harness', 'reports', 'test']),
  layer(['simulator/**/*.ts'], ['client', 'harness', 'reports', 'test']),
  layer(['reports/**/*.ts'], ['config', 'drivers', 'client', 'simulator', 'harness', 'test']),
  layer(['harness/**/*.ts'], ['drivers', 'test']),
);
