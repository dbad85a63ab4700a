/** Jest: TypeScript through ts-jest (type errors are caught by `npm run typecheck`, so ts-jest only transpiles). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', esModuleInterop: true, resolveJsonModule: true } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // The engine worker is started with `new Worker(new URL(…, import.meta.url))`, which only the bundle knows.
  moduleNameMapper: { '/engine-worker-client$': '<rootDir>/test/support/no-engine-worker.ts' },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // The CLI and property tests analyze whole workbooks several times; give them room on a 2-core machine.
  testTimeout: 60000,
};
