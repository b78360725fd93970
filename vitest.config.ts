import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test: unit (pure, no network), integration (through the local gateway against
 * DynamoDB Local and s3rver, started once per run by the global setup), infra (the synthesized template).
 */
export default defineConfig({
  test: {
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      // No EMF lines on the test output; the metrics test turns them on and captures them.
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
    projects: [
      // Unit tests run under three host time zones: legal dates must not depend on the server's.
      ...['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((zone) => ({
        extends: true as const,
        test: {
          name: `unit (${zone})`,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          env: { TZ: zone, GONGKAI_TEST_DEPTH: zone === 'UTC' ? 'full' : 'sample' },
          isolate: false,
        },
      })),
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
