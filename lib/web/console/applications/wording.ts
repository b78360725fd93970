import type { ApplicationStatus } from '#lib/domain/application/application';
import {
  CANNOT_PROVIDE_REASONS,
  NOT_DISCLOSED_REASONS,
  NOT_PROCESSED_REASONS,
  OTHERWISE_HANDLED_REASONS,
  type Outcome,
} from '#lib/domain/application/outcomes';
import type { MessageKey, Translate } from '../../messages/catalogue';

/**
 * The applications pages' words that are computed: the days left (colour AND text), the outcome rows as
 * the national table groups them, the applicant's details masked for roles that do not need them. Pure:
 * tested on strings.
 */

/** Each state as the staff say it (the portal's words speak to the applicant). */
export const STAFF_STATUS_WORDS: Readonly<Record<ApplicationStatus, MessageKey>> = {
  awaiting_confirmation: 'cApps.status.awaiting_confirmation',
  in_progress: 'cApps.status.in_progress',
  awaiting_clarification: 'cApps.status.awaiting_clarification',
  abandonment_pending: 'cApps.status.abandonment_pending',
  consulting: 'cApps.status.consulting',
  awaiting_fee: 'cApps.status.awaiting_fee',
  suspended: 'cApps.status.suspended',
  decided: 'cApps.status.decided',
  withdrawn: 'cApps.status.withdrawn',
};

/**
 * The portal's sentences of the clock (`clockStepSentences`) said to staff: the few words that address
 * the applicant as “you” name them instead.
 */
const STAFF_CLOCK_WORDS: Readonly<Partial<Record<MessageKey, MessageKey>>> = {
  'follow.clock.suspend.clarification': 'cApps.clock.suspend.clarification',
  'follow.clock.suspend.fee': 'cApps.clock.suspend.fee',
};
export const staffClockWords =
  (t: Translate): Translate =>
  (key, values) =>
    t(STAFF_CLOCK_WORDS[key] ?? key, values);

/** Days left to the reply: the words, and the colour of its tag (never the only sign). */
export function daysLeftText(
  t: Translate,
  left: number | null,
  status: ApplicationStatus,
): { text: string; tone: 'red' | 'amber' | 'green' | null } {
  if (left === null) {
    if (status === 'awaiting_confirmation') return { text: t('cApps.days.unconfirmed'), tone: 'amber' };
    if (status === 'decided' || status === 'withdrawn') return { text: t('cApps.days.closed'), tone: null };
    return { text: t('cApps.days.stopped'), tone: null };
  }
  if (left < 0) return { text: t('cApps.days.overdue', { count: -left }), tone: 'red' };
  if (left === 0) return { text: t('cApps.days.today'), tone: 'red' };
  return { text: t('cApps.days.left', { count: left }), tone: left <= 3 ? 'amber' : 'green' };
}

/** The national table's rows of outcomes, grouped as it groups them (三、(三)). */
export type OutcomeGroup = { readonly outcome: Outcome; readonly reasons: readonly string[] };
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  { outcome: 'disclosed', reasons: [] },
  { outcome: 'partially_disclosed', reasons: [] },
  { outcome: 'not_disclosed', reasons: Object.keys(NOT_DISCLOSED_REASONS) },
  { outcome: 'cannot_provide', reasons: Object.keys(CANNOT_PROVIDE_REASONS) },
  { outcome: 'not_processed', reasons: Object.keys(NOT_PROCESSED_REASONS) },
  { outcome: 'otherwise_handled', reasons: Object.keys(OTHERWISE_HANDLED_REASONS) },
];

/** A row's value in the decision form: `outcome` or `outcome.reason`. */
export const outcomeChoice = (outcome: Outcome, reason?: string): string =>
  reason === undefined ? outcome : `${outcome}.${reason}`;

/** The words of every reason of the national table (the domain's constants are its Chinese text). */
export const REASON_WORDS: Readonly<Record<string, MessageKey>> = {
  state_secret: 'cApps.reason.state_secret',
  prohibited_by_law: 'cApps.reason.prohibited_by_law',
  security_stability: 'cApps.reason.security_stability',
  third_party_rights: 'cApps.reason.third_party_rights',
  internal_affairs: 'cApps.reason.internal_affairs',
  process_information: 'cApps.reason.process_information',
  law_enforcement_files: 'cApps.reason.law_enforcement_files',
  administrative_inquiry: 'cApps.reason.administrative_inquiry',
  not_held: 'cApps.reason.not_held',
  needs_creation: 'cApps.reason.needs_creation',
  unclear_after_clarification: 'cApps.reason.unclear_after_clarification',
  petition_complaint: 'cApps.reason.petition_complaint',
  repeated_application: 'cApps.reason.repeated_application',
  published_material: 'cApps.reason.published_material',
  mass_repeated: 'cApps.reason.mass_repeated',
  confirm_or_reissue: 'cApps.reason.confirm_or_reissue',
  no_supplement: 'cApps.reason.no_supplement',
  fee_unpaid: 'cApps.reason.fee_unpaid',
  other: 'cApps.reason.other',
};

export const reasonText = (t: Translate, reason: string): string => {
  const key = REASON_WORDS[reason];
  return key === undefined ? reason : t(key);
};

/** An address as those who need not write to the applicant see it: its first six characters (the area). */
export const maskAddress = (address: string): string =>
  address.length <= 6 ? '＊'.repeat(address.length) : `${address.slice(0, 6)}${'＊'.repeat(4)}`;

/** An e-mail address with all but the first character of its local part hidden. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '＊＊＊';
  return `${email.slice(0, 1)}＊＊＊${email.slice(at)}`;
}
