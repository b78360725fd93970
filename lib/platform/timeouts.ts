/**
 * How long each layer waits, ordered so the function always answers before API Gateway gives up: an SDK
 * call (every attempt and the back-off between them) ends before the function's own deadline; the
 * function answers 503 itself `ANSWER_MARGIN_MS` before its Lambda timeout; every Lambda timeout is
 * shorter than its integration's, which is under API Gateway's 30 s ceiling. test/infra asserts the
 * order from the synthesized stack.
 */

/** HTTP API's hard limit for an integration. */
export const API_GATEWAY_MAX_SECONDS = 30;
/** What each HTTP integration is set to wait, explicitly. */
export const INTEGRATION_TIMEOUT_SECONDS = 29;
/** The function answers 503 (outcome unknown) this long before its Lambda timeout. */
export const ANSWER_MARGIN_MS = 1000;

/** Every AWS SDK client of a request path: a call fails rather than hang past the function's answer. */
export const SDK_TIMEOUTS = {
  connectionTimeoutMs: 500,
  requestTimeoutMs: 3000,
  maxAttempts: 2,
  /** The standard retry strategy waits at most 500 ms before a retry (throttling); allowed twice that. */
  backoffAllowanceMs: 1000,
} as const;

/** The longest one SDK call can take, all attempts included. */
export const SDK_WORST_CASE_MS =
  SDK_TIMEOUTS.maxAttempts * (SDK_TIMEOUTS.connectionTimeoutMs + SDK_TIMEOUTS.requestTimeoutMs) +
  (SDK_TIMEOUTS.maxAttempts - 1) * SDK_TIMEOUTS.backoffAllowanceMs;
