/**
 * Domain errors. Each has a stable `code` (the last segment of its problem type) and the HTTP status it
 * maps to; `lib/http/problem.ts` is the one place that turns them into problem+json.
 */
export type FieldError = { path: string; message: string };

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  abstract readonly title: string;
  readonly errors: readonly FieldError[];

  constructor(detail: string, options?: { cause?: unknown; errors?: readonly FieldError[] }) {
    super(detail, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.errors = options?.errors ?? [];
  }
}

/** 400: the request is malformed or fails validation. */
export class ValidationError extends DomainError {
  readonly code = 'validation-error';
  readonly status = 400;
  readonly title = 'Invalid request';
  constructor(detail: string, errors: readonly FieldError[] = [], cause?: unknown) {
    super(detail, { errors, cause });
  }
}

/** 401: no valid credentials. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
  readonly status = 401;
  readonly title = 'Authentication required';
}

/** 403: authenticated, but this principal may not do this (wrong role or wrong agency). */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;
  readonly title = 'Forbidden';
}

/** 404: no such resource (or one the caller may not know exists). */
export class NotFoundError extends DomainError {
  readonly code = 'not-found';
  readonly status = 404;
  readonly title = 'Not found';
}

/** 409: the record changed since the caller read it (optimistic concurrency). */
export class VersionConflictError extends DomainError {
  readonly code = 'version-conflict';
  readonly status = 409;
  readonly title = 'Version conflict';
}

/** 409: the record already exists. */
export class AlreadyExistsError extends DomainError {
  readonly code = 'already-exists';
  readonly status = 409;
  readonly title = 'Already exists';
}

/** 409: the action is not allowed in the record's current state. */
export class WrongStateError extends DomainError {
  readonly code = 'wrong-state';
  readonly status = 409;
  readonly title = 'Not allowed in the current state';
}

/** 410: the record existed and was deliberately removed (a withdrawn publication). */
export class GoneError extends DomainError {
  readonly code = 'gone';
  readonly status = 410;
  readonly title = 'Gone';
}

/** 422: well-formed, but it breaks a rule (e.g. a refusal without its legal reason). */
export class RuleViolationError extends DomainError {
  readonly code: string;
  readonly status = 422;
  readonly title = 'Rule violation';
  constructor(code: string, detail: string, errors: readonly FieldError[] = []) {
    super(detail, { errors });
    this.code = code;
  }
}

/** 503: a dependency is down. */
export class DependencyUnavailableError extends DomainError {
  readonly code = 'dependency-unavailable';
  readonly status = 503;
  readonly title = 'Service unavailable';
}
