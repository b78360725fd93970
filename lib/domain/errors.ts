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

/**
 * The rules a well-formed request can break, each answered as a 422 with a problem type of its own
 * (`urn:gongkai:problem:<code>`). Routes declare which of them they can answer (see `lib/api/routes.ts`).
 */
export const RULES = {
  'outside-calendar':
    'A date, or a deadline counted from it, lies outside the years 2004–2100 the calendar covers.',
  'invalid-schedule': 'A State Council holiday schedule that does not hold together.',
  'clock-out-of-order': 'A step dated before the previous step of the same clock.',
  'deadline-passed':
    'The step comes after its deadline (e.g. an extension after the reply was due, Reg. 33).',
  'unknown-upload':
    'An attachment that was never uploaded, is larger than the limit, or is not the size its upload URL was signed for.',
  'unknown-parent-agency': 'The parent agency named does not exist.',
  'unknown-category': 'The category is not in the agency’s disclosure catalogue.',
  'policy-in-the-past': 'A time policy takes effect today or later, never retroactively.',
  'roles-do-not-fit-account':
    'platform_admin is for platform accounts only, and platform accounts hold nothing else.',
  'idempotency-key-reused': 'The Idempotency-Key was used before with a different request.',
  'received-in-future': 'The date of receipt is after today.',
  'clarification-once': 'A clarification (补正) may be requested only once (Reg. 30).',
  'clarification-too-late': 'A clarification must be requested within 7 working days of receipt (Reg. 30).',
  'no-such-consultation': 'The application has no consultation with this id.',
  'extension-too-long': 'Extensions together exceed the maximum (20 working days, Reg. 33).',
  'fee-once': 'A fee notice has already been sent for this application.',
  'no-fee': 'The 2020 fee rules give no fee for this basis (the first 10 a month, or 30 pages, are free).',
  'decision-incomplete': 'The decision lacks what the rules require (legal basis, reasons, released files…).',
  'not-a-handler': 'The handler must be an enabled clerk of this agency.',
  'invalid-submission': 'The submission does not fit the agency’s catalogue or obligations.',
  'step-required': 'The caller’s roles sign several review steps: the query must name one.',
  'secrecy-conclusion-missing': 'The secrecy review must give a conclusion per risk and an outcome.',
  'secrecy-conclusion-misplaced': 'Only the secrecy review gives a secrecy conclusion.',
  'secrecy-unresolved': 'A risk present or unsure cannot be cleared without redaction or referral.',
  'refer-upward-holds': 'An item referred upward is returned with the referral, not approved.',
  'secrecy-unsure-refers-upward': 'A secrecy review with a risk marked unsure refers the item upward.',
  'redacted-version-missing': 'A secrecy review concluding "redact" gives the redacted version to publish.',
  'inside-display-period': 'Withdrawal inside the display period needs a recorded legal basis.',
  'report-year-not-ended': 'An annual report is published only after its year has ended.',
  'report-checks-failed': 'The annual report fails one or more named checks.',
  'challenge-dates': 'The dates of a reconsideration or lawsuit do not hold together.',
  'no-supplement-not-lapsed':
    'No supplement (deemed abandoned) only once the supplement period lapsed with no supplement (Reg. 30).',
  'not-clarified':
    '"Still unclear after clarification" only once a clarification was requested and answered (Reg. 30).',
  'third-party-not-notified':
    'A consulted third party objected: disclosing needs the written notice to it (content, reasons) first (Reg. 32).',
  'notice-without-objection':
    'A written notice of disclosure goes to a consulted third party that objected (Reg. 32).',
  'not-published':
    'The publication named as where the information is already published is not public in the reading room (Reg. 36(1)).',
  'reconsideration-settings':
    'The reconsideration settings do not fit the agency (only a department can be vertically led, 行政复议法 Art. 27).',
  'invalid-change-date':
    'A revision of a published item carries its date of change (Reg. 26: 变更), not after today, not before its formation.',
  'fee-by-volume-not-applicable':
    'A fee by volume only where the applicant asked for paper, e-mail or copied electronic data (fee rules Art. 5).',
  'delivery-date': 'A notice is received on or after the day it was sent, and not after today.',
  'policy-shortens-period':
    'A policy cannot shorten the other side’s time: the consulted party’s 15 working days, the applicant’s 20 to pay.',
  'later-reply-date':
    'A later reply date (Reg. 35) rests on the applicant’s reasons on record and comes after the current due date.',
  'email-refused':
    'An e-mail address that cannot be used for a new staff account; one answer for every reason, so no other agency’s account shows through.',
  'upload-already-used': 'An upload is attached to one record only; another record already holds it.',
} as const;
export type RuleCode = keyof typeof RULES;

/** 422: well-formed, but it breaks a rule (e.g. a refusal without its legal reason). */
export class RuleViolationError extends DomainError {
  readonly code: RuleCode;
  readonly status = 422;
  readonly title = 'Rule violation';
  constructor(code: RuleCode, detail: string, errors: readonly FieldError[] = []) {
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
