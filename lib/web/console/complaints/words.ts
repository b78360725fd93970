import { dayNumberOf, type IsoDate } from '#lib/domain/calendar/civil-date';
import type { staffComplaintView } from '#lib/domain/complaint';
import type { MessageKey } from '../../messages/catalogue';

/** A complaint as its agency's staff read it. */
export type StaffComplaint = ReturnType<typeof staffComplaintView>;

/**
 * Where a complaint stands against its 30-day answer date, in words and a colour (never the colour
 * alone): overdue or due today (red), due within five days (amber), else green; once answered, whether
 * on time. Pure, so the wording is tested on strings.
 */
export type AnswerClock = {
  readonly tone: 'red' | 'amber' | 'green';
  readonly words: MessageKey;
  readonly days: number;
};

/** Days within which an open complaint is flagged as due soon. */
export const DUE_SOON_DAYS = 5;

export function answerClock(complaint: StaffComplaint, today: IsoDate): AnswerClock {
  if (complaint.answer !== null) {
    const late = dayNumberOf(complaint.answer.on) - dayNumberOf(complaint.answerDueDate);
    return late > 0
      ? { tone: 'red', words: 'cCmp.clock.answeredLate', days: late }
      : { tone: 'green', words: 'cCmp.clock.answeredOnTime', days: 0 };
  }
  const left = dayNumberOf(complaint.answerDueDate) - dayNumberOf(today);
  if (left < 0) return { tone: 'red', words: 'cCmp.clock.overdue', days: -left };
  if (left === 0) return { tone: 'red', words: 'cCmp.clock.dueToday', days: 0 };
  return { tone: left <= DUE_SOON_DAYS ? 'amber' : 'green', words: 'cCmp.clock.left', days: left };
}

export const complaintHref = (complaintId: string): string => `/console/complaints/${complaintId}`;
export const answerAction = (complaintId: string): string => `/console/complaints/${complaintId}/answer`;
