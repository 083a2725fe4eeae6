import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure: catalog, clocks, workflows, rules; no emulator starts) and `emulated`
 * (the API, the store, mail and the console against one set of emulators for the whole run — DynamoDB
 * Local, s3rver, SMTP — each file on its own table). `npx vitest run --project unit` runs in seconds.
 */
export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOKET_LOG_LEVEL: 'error' },
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
    setupFiles: ['test/helpers/standard-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'emulated',
          include: ['test/api/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
