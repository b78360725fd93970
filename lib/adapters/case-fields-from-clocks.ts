import { applicationFieldsFromClock } from './application-store';
import type { CaseFieldsFromClock } from './clock-store';
import { complaintFieldsFromClock } from './complaint-store';
import { submissionFieldsFromClock } from './proactive-store';
import type { CaseKind } from '#lib/domain/timeline';

/** Every kind of case whose item copies a clock's due date, with how it does (for `DynamoClockStore`). */
export const CASE_FIELDS_FROM_CLOCKS: Partial<Record<CaseKind, CaseFieldsFromClock>> = {
  application: applicationFieldsFromClock,
  submission: submissionFieldsFromClock,
  complaint: complaintFieldsFromClock,
};
