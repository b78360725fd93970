import { RULES, type RuleCode } from '#lib/domain/errors';

/**
 * The problems (RFC 9457) a route can answer. Each route declares the ones its use case can raise; the
 * ones every route can answer (a malformed request, authentication, throttling, our own failure) are
 * added here once. The OpenAPI document lists both, and the integration tests fail on any status or
 * problem type a route answered without declaring it.
 */
export type ProblemDeclaration = {
  readonly status: number;
  /** The last segment of the problem type, `urn:gongkai:problem:<code>`. */
  readonly code: string;
  readonly description: string;
};

const declare = (status: number, code: string, description: string): ProblemDeclaration => ({
  status,
  code,
  description,
});

export const notFound = declare(404, 'not-found', 'No such record (or one of another agency).');
export const versionConflict = declare(
  409,
  'version-conflict',
  'The record changed since it was read: read it again and send its version.',
);
export const alreadyExists = declare(409, 'already-exists', 'The record already exists.');
export const wrongState = declare(409, 'wrong-state', 'Not allowed in the record’s current state.');
export const gone = declare(410, 'gone', 'The record was deliberately withdrawn.');
export const dependencyUnavailable = declare(
  503,
  'dependency-unavailable',
  'A service the action depends on (the identity provider) did not answer.',
);

/** A rule of `RULES` the request can break: a 422 with the rule's own problem type. */
export const rule = (code: RuleCode): ProblemDeclaration => declare(422, code, RULES[code]);

const validationError = declare(
  400,
  'validation-error',
  'The request is malformed: `errors` names each field and why.',
);
const unauthenticated = declare(401, 'unauthenticated', 'No valid staff token.');
const forbidden = declare(
  403,
  'forbidden',
  'The staff account lacks the role, or belongs to another agency, or is disabled.',
);
const throttled = declare(429, 'throttled', 'Too many requests to this route; retry after `Retry-After`.');
const payloadTooLarge = declare(413, 'payload-too-large', 'The body exceeds 10 MB.');
const internalError = declare(500, 'internal-error', 'Our failure: quote the request id.');
const timeout = declare(
  503,
  'timeout',
  'The request did not finish in time; its outcome is unknown. Retry after `Retry-After` with the same `Idempotency-Key`.',
);

/** What any route can answer besides what it declares: `staff` routes add 401 and 403. */
export function commonProblems(access: 'public' | 'staff'): readonly ProblemDeclaration[] {
  return [
    validationError,
    ...(access === 'staff' ? [unauthenticated, forbidden] : []),
    payloadTooLarge,
    throttled,
    internalError,
    timeout,
  ];
}
