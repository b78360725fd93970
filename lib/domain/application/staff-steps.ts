import type { IsoDate } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { isOpen, type Application } from './application';
import { unnotifiedObjections } from './consultation';
import { DEFAULT_POLICY, lawful, REGULATION_LIMITS } from './policy';

/**
 * Which of the staff's steps a case admits now, so the console offers exactly those (each step function
 * still checks its own conditions, and more: the input). Each line restates the precondition of its step
 * in the module named beside it; `test/unit/staff-steps.test.ts` takes every step on cases in every state
 * and checks that a step said to be open succeeds and one said to be closed is refused, so the two cannot
 * drift apart.
 */
export const STAFF_STEPS = [
  'confirmation',
  'assignment',
  'clarification-request',
  'consultation',
  'consultation-reply',
  'disclosure-notice',
  'extension',
  'suspension',
  'resumption',
  'fee-notice',
  'fee-payment',
  'reasons-request',
  'reasons',
  'later-reply-date',
  'delivery',
  'abandonment-review',
  'decision',
] as const;
export type StaffStep = (typeof STAFF_STEPS)[number];

/** What the check reads of a case (the staff's view of it has all of this). */
export type CaseState = Pick<
  Application,
  | 'status'
  | 'receivedOn'
  | 'dueDate'
  | 'policy'
  | 'clarification'
  | 'consultations'
  | 'extensions'
  | 'fee'
  | 'volumeReview'
>;

/** The last day a clarification may be asked for: 7 working days from receipt (Reg. 30; clarification.ts). */
export const clarificationWindowEnd = (
  state: Pick<Application, 'receivedOn'>,
  calendar: WorkingCalendar,
  today: IsoDate,
): IsoDate | null =>
  calendar.addWorkingDays(state.receivedOn ?? today, REGULATION_LIMITS.clarificationWindowWorkingDays)
    .dueDate;

/** The working days of extension still allowed under the case's policy (Reg. 33; reply-clock.ts). */
export const extensionRoom = (state: Pick<Application, 'policy' | 'extensions'>): number =>
  Math.max(
    0,
    lawful(state.policy ?? DEFAULT_POLICY).maxExtensionWorkingDays -
      state.extensions.reduce((sum, extension) => sum + extension.workingDays, 0),
  );

/** Notices sent by post whose delivery is not yet recorded (delivery.ts). */
export function undeliveredNotices(state: CaseState): ('clarification' | 'fee' | `consultation:${string}`)[] {
  const notices: ('clarification' | 'fee' | `consultation:${string}`)[] = [];
  if (state.clarification?.delivery && state.clarification.delivery.deliveredOn === null)
    notices.push('clarification');
  for (const consultation of state.consultations)
    if (consultation.delivery && consultation.delivery.deliveredOn === null)
      notices.push(`consultation:${consultation.id}`);
  if (state.fee?.delivery && state.fee.delivery.deliveredOn === null) notices.push('fee');
  return notices;
}

export function openSteps(
  state: CaseState,
  context: { calendar: WorkingCalendar; today: IsoDate },
): ReadonlySet<StaffStep> {
  const { status } = state;
  const { today } = context;
  const steps = new Set<StaffStep>();
  const running = status === 'in_progress';
  const beforeDue = state.dueDate === null || today <= state.dueDate;
  // A running reply clock stops only before its due date (calendar/clock.ts): consulting, a fee notice
  // and a suspension all stop it.
  const mayStop = running && beforeDue;
  // intake.ts `confirm`
  if (status === 'awaiting_confirmation') steps.add('confirmation');
  // assignment.ts `assign`
  if (isOpen(status)) steps.add('assignment');
  // clarification.ts `requestClarification`: once, within the window
  if (running && state.clarification === null) {
    const end = clarificationWindowEnd(state, context.calendar, today);
    if (end !== null && today <= end) steps.add('clarification-request');
  }
  // consultation.ts `consult`, `consultationReply`, `notifyThirdParty`
  if (mayStop || status === 'consulting') steps.add('consultation');
  if (status === 'consulting' && state.consultations.some((consultation) => consultation.repliedOn === null))
    steps.add('consultation-reply');
  if (
    ['in_progress', 'awaiting_clarification', 'consulting', 'awaiting_fee', 'suspended'].includes(status) &&
    unnotifiedObjections(state).length > 0
  )
    steps.add('disclosure-notice');
  // reply-clock.ts `extend`, `suspend`, `resume`
  if (running && beforeDue && extensionRoom(state) > 0) steps.add('extension');
  if (mayStop) steps.add('suspension');
  if (status === 'suspended') steps.add('resumption');
  // fee-notice.ts `feeNotice`, `feePayment`
  if (mayStop && state.fee === null) steps.add('fee-notice');
  if (status === 'awaiting_fee') steps.add('fee-payment');
  // volume-review.ts `askForReasons`, `recordReasons`, `setLaterReplyDate`
  const review = state.volumeReview;
  if (running && review === null) steps.add('reasons-request');
  if (running && review !== null && review.answeredOn === null) steps.add('reasons');
  if (running && review?.reasons != null && review.laterReply === null && state.dueDate !== null && beforeDue)
    steps.add('later-reply-date');
  // delivery.ts `recordDelivery`
  if (undeliveredNotices(state).length > 0) steps.add('delivery');
  // abandonment.ts: a lapsed supplement period is closed as abandoned or reopened, not decided otherwise
  if (status === 'abandonment_pending') steps.add('abandonment-review');
  // decision.ts `issueDecision`: not while a consultation is open
  if (
    ['in_progress', 'awaiting_clarification', 'consulting', 'awaiting_fee', 'suspended'].includes(status) &&
    state.consultations.every((consultation) => consultation.repliedOn !== null)
  )
    steps.add('decision');
  return steps;
}
