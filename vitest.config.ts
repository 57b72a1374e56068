import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // `npm run fuzz` (scripts/fuzz.mjs) sets FC_RUNS_FACTOR: every property runs that many times more
    testTimeout: process.env.FC_RUNS_FACTOR ? 3_600_000 : 60_000,
    setupFiles: process.env.FC_RUNS_FACTOR ? ['scripts/fuzz.setup.ts'] : [],
    pool: 'threads',
  },
})
