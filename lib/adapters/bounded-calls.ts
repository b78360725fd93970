import { SDK_TIMEOUTS } from '#lib/platform/timeouts';

/** Each call fails in time for the function to answer first (lib/platform/timeouts.ts). */
export const bounded = {
  maxAttempts: SDK_TIMEOUTS.maxAttempts,
  requestHandler: {
    connectionTimeout: SDK_TIMEOUTS.connectionTimeoutMs,
    requestTimeout: SDK_TIMEOUTS.requestTimeoutMs,
  },
} as const;
