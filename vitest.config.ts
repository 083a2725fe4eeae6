import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One set of emulators (DynamoDB Local, s3rver, SMTP) for the whole run; each file gets its own table.
    globalSetup: ['test/helpers/global-setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOKET_LOG_LEVEL: 'error' },
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
