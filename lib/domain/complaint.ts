import * as z from 'zod';
import { shownCharacters } from './application/applicant';
import { TrackingNumber, tokenMatches } from './application/secrets';
import type { IsoDate } from './calendar/civil-date';
import { evaluateClock, type ClockState } from './calendar/clock';
import type { WorkingCalendar } from './calendar/working-calendar';
import { WrongStateError } from './errors';
import { freeText } from './free-text';

/**
 * A complaint about an agency's disclosure work (Reg. 51; seed 003 items 31–33; seed 002 §19, §24–26):
 * the supervising office investigates and answers within 30 days (natural days; a last day off moves to
 * the next working day). A complaint carries the complainant's personal data: only whoever holds its
 * access code (shown once, kept only as its SHA-256, as an application's access token) reads it back.
 */
export const COMPLAINT_ANSWER_DAYS = 30;

const text = freeText;

export const ComplaintInput = z.strictObject({
  complainant: z.strictObject({
    name: text(200),
    contact: text(200),
    email: z.email('must be an e-mail address').max(254).optional(),
  }),
  subject: text(200),
  details: text(4000),
  trackingNumber: TrackingNumber.optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintInput>;

export const ComplaintReply = z.strictObject({ reply: text(4000), upheld: z.boolean() });
export type ComplaintReply = z.infer<typeof ComplaintReply>;

/** A complaint as kept: received, then answered once. One schema: built here, parsed from storage. */
export const Complaint = z.object({
  id: z.string(),
  agencyId: z.string(),
  status: z.enum(['open', 'answered']),
  receivedOn: z.string(),
  answerDueDate: z.string(),
  complainant: z.object({ name: z.string(), contact: z.string(), email: z.string().optional() }),
  subject: z.string(),
  details: z.string(),
  trackingNumber: z.string().nullable(),
  answer: z.object({ text: z.string(), upheld: z.boolean(), on: z.string(), by: z.string() }).nullable(),
  /** The access code's SHA-256; complaints filed before codes existed have none, and no one reads them back. */
  accessCodeHash: z.string().nullable().default(null),
  version: z.int(),
});
export type Complaint = Readonly<z.infer<typeof Complaint>>;

export function receiveComplaint(
  input: ComplaintInput,
  ids: { id: string; agencyId: string; accessCodeHash: string },
  today: IsoDate,
  calendar: WorkingCalendar,
): { complaint: Complaint; clock: ClockState } {
  const clock = evaluateClock(calendar, [
    { type: 'start', on: today, workingDays: 0, naturalDays: COMPLAINT_ANSWER_DAYS },
  ]);
  return {
    complaint: {
      id: ids.id,
      agencyId: ids.agencyId,
      status: 'open',
      receivedOn: today,
      answerDueDate: clock.dueDate ?? today,
      complainant: input.complainant,
      subject: input.subject,
      details: input.details,
      trackingNumber: input.trackingNumber ?? null,
      answer: null,
      accessCodeHash: ids.accessCodeHash,
      version: 1,
    },
    clock,
  };
}

export function answerComplaint(
  complaint: Complaint,
  reply: ComplaintReply,
  by: string,
  today: IsoDate,
): Complaint {
  if (complaint.status !== 'open') throw new WrongStateError('The complaint has been answered.');
  return {
    ...complaint,
    status: 'answered',
    answer: { text: reply.reply, upheld: reply.upheld, on: today, by },
    version: complaint.version + 1,
  };
}

/** Whether `accessCode` opens the complaint (a complaint without a code opens to no one). */
export const complaintCodeMatches = (complaint: Complaint, accessCode: string): boolean =>
  complaint.accessCodeHash !== null && tokenMatches(accessCode, complaint.accessCodeHash);

/** The complaint as staff see it: everything but the complainant's secret. */
export function staffComplaintView(complaint: Complaint): Omit<Complaint, 'accessCodeHash'> {
  const { accessCodeHash: _secret, ...rest } = complaint;
  return rest;
}

/** A contact as staff who do not answer the complaint see it: only its end, as an identity number is masked. */
export function maskContact(contact: string): string {
  const characters = Array.from(contact.replace(/\s/g, ''));
  const shown = shownCharacters(characters.length);
  return `${'*'.repeat(characters.length - shown)}${characters.slice(characters.length - shown).join('')}`;
}

/** An e-mail address as staff who do not answer see it: its first character and its domain. */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  return at <= 0 ? maskContact(email) : `${email.slice(0, 1)}***${email.slice(at)}`;
};

/** The complainant as staff who do not answer the complaint see them: the name, the contacts masked. */
export function maskedComplainant(complainant: Complaint['complainant']): Complaint['complainant'] {
  return {
    name: complainant.name,
    contact: maskContact(complainant.contact),
    ...(complainant.email === undefined ? {} : { email: maskEmail(complainant.email) }),
  };
}

/**
 * What the complainant reads with the access code: what was received, the date the answer is due and,
 * once given, the answer and its date — never who inside answered it.
 */
export const ComplainantView = Complaint.pick({
  agencyId: true,
  status: true,
  receivedOn: true,
  answerDueDate: true,
  complainant: true,
  subject: true,
  details: true,
  trackingNumber: true,
}).extend({
  complaintId: z.string(),
  answer: Complaint.shape.answer.unwrap().omit({ by: true }).nullable(),
});
export type ComplainantView = z.infer<typeof ComplainantView>;

export function complainantView(complaint: Complaint): ComplainantView {
  return {
    complaintId: complaint.id,
    agencyId: complaint.agencyId,
    status: complaint.status,
    receivedOn: complaint.receivedOn,
    answerDueDate: complaint.answerDueDate,
    complainant: complaint.complainant,
    subject: complaint.subject,
    details: complaint.details,
    trackingNumber: complaint.trackingNumber,
    answer:
      complaint.answer === null
        ? null
        : { text: complaint.answer.text, upheld: complaint.answer.upheld, on: complaint.answer.on },
  };
}
