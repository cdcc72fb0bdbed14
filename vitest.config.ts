import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Temporal's native worker crashes under worker threads; forks are its supported home.
    pool: 'forks',
    // One Temporal dev server and one PostgreSQL serve the whole run; on two cores, files in sequence are
    // faster and steadier than files fighting over them.
    fileParallelism: false,
    testTimeout: 60_000,
    // In-process stacks log like the product; a line per activity would bury the test report. Warnings and
    // errors still show, and tests that read logs run the product's processes with their own level.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
