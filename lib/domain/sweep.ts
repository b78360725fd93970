import * as z from 'zod';
import { addDays, type IsoDate } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { Accountable, type OfficeHead, type Party } from './case-clock';
import { CaseRef, type TimelineEvent } from './timeline';

/**
 * What the daily compliance sweep looks at for a day D (China Standard Time), and the rules it applies.
 * Reading by due day keeps the work proportional to what falls due, not to the table:
 * - breaches and automatic steps are recorded on the first working day after a deadline passed unmet,
 *   so on working day D the sweep takes the clocks that ran out from the previous working day to D − 1
 *   (on a day off it records none: they wait for the next working day);
 * - reminders go out when a clock is due in exactly 3, and in exactly 1, working days — every working
 *   day is exactly 3 (and 1) working days after some day, so none is missed, and repeats are idempotent.
 */
export type DayPlan = {
  readonly day: IsoDate;
  readonly workingDay: boolean;
  /** Due dates whose unmet clocks become breaches (or automatic steps) today. */
  readonly lapsedDueDates: readonly IsoDate[];
  /** Due dates that get a reminder today, with how many working days are left. */
  readonly reminderDueDates: readonly { readonly dueDate: IsoDate; readonly workingDaysLeft: 1 | 3 }[];
};

export function planDay(calendar: WorkingCalendar, day: IsoDate): DayPlan {
  const workingDay = calendar.isWorkingDay(day);
  const lapsedDueDates: IsoDate[] = [];
  if (workingDay) {
    for (let date = calendar.previousWorkingDay(day); date < day; date = addDays(date, 1))
      lapsedDueDates.push(date);
  }
  return {
    day,
    workingDay,
    lapsedDueDates,
    reminderDueDates: [
      { dueDate: calendar.addWorkingDays(day, 1).dueDate, workingDaysLeft: 1 },
      { dueDate: calendar.addWorkingDays(day, 3).dueDate, workingDaysLeft: 3 },
    ],
  };
}

/**
 * The day under which the due-day index files a running clock: its due date — or, for a clock written
 * when its due date has already passed (a letter received 03-02 and registered 05-06, a document
 * registered long after it was formed, any step on a case already overdue), the day it is written, so
 * that the next sweep finds it instead of none. The clock keeps its real due date and the breach records
 * that; breach keys are deterministic, so a clock filed again adds no second breach.
 */
export const dueDayIndexOf = (dueDate: IsoDate, writtenOn: IsoDate): IsoDate =>
  dueDate < writtenOn ? writtenOn : dueDate;

/** The days a run sweeps: every day after the watermark up to `today` (a missed day is caught up). */
export function daysToSweep(watermark: IsoDate | null, today: IsoDate, maxDays = 366): IsoDate[] {
  if (watermark !== null && watermark >= today) return [];
  const days: IsoDate[] = [];
  for (
    let day = watermark === null ? today : addDays(watermark, 1);
    day <= today && days.length < maxDays;
    day = addDays(day, 1)
  )
    days.push(day);
  return days;
}

export const BREACH_KINDS = [
  'reply_overdue', // 答复逾期
  'extension_overdue', // 延期后仍逾期
  'publication_overdue', // 主动公开逾期
  'periodic_missed', // 定期公开事项未按期公开
  'consultation_overdue', // 第三方（机关）逾期未答复 (for the record)
  'annual_report_missing', // 年度报告未按期公布
  'complaint_unanswered', // 投诉逾期未答复
  'confirmation_overdue', // 在线申请逾期未确认 (the agency's own limit, not the law's: RULES §2)
] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];

/**
 * RULES §3 "Accountability": a breach by an act no leader approved is the handler's; one a leader
 * approved (an extension, a publication the leader signed) is that leader's, the handler secondary.
 * A case nobody was assigned has the clerk who registered (or confirmed) it as its handler, and the
 * head of the disclosure office answers beside them; with no such clerk either (an online application
 * never confirmed), the office head answers alone. An application's breach never names nobody.
 */
export function accountability(context: {
  handler: Party | null;
  leader: Party | null;
  /** Who registered or confirmed the case, from its timeline (see `registrarOf`). */
  registrar?: Party | null;
  /** Named only for applications (RULES §3 does not put the office head over other cases). */
  officeHead?: OfficeHead | null;
}): { primary: Accountable | null; secondary: Accountable | null } {
  const handler = context.handler ?? context.registrar ?? null;
  if (context.leader !== null) return { primary: context.leader, secondary: handler };
  if (context.handler !== null) return { primary: context.handler, secondary: null };
  const officeHead = context.officeHead ?? null;
  return handler === null
    ? { primary: officeHead, secondary: null }
    : { primary: handler, secondary: officeHead };
}

/** The case's timeline events that receive an application: a clerk registers it, or confirms it online. */
const RECEIPT_EVENTS: readonly string[] = ['application_registered', 'application_confirmed'];

/** The member of staff who registered or confirmed the case, as its timeline says (the latest to do so). */
export function registrarOf(events: readonly Pick<TimelineEvent, 'type' | 'actor'>[]): Party | null {
  let registrar: Party | null = null;
  for (const event of events)
    if (RECEIPT_EVENTS.includes(event.type) && event.actor.kind === 'staff')
      registrar = { staffId: event.actor.staffId, name: event.actor.name ?? null };
  return registrar;
}

/**
 * A breach of a deadline (RULES §2–4): what lapsed, who answers for it, and how far up the agency tree
 * it has climbed. One schema: the sweep builds it, the store parses what it kept, oversight lists it.
 */
export const Breach = z.object({
  breachKey: z.string(), // `<year>#<kind>#<caseKind>#<caseId>#<clock>`: recorded once per lapse
  agencyId: z.string(),
  kind: z.enum(BREACH_KINDS),
  case: CaseRef.nullable(),
  clock: z.string().nullable(),
  subject: z.string(),
  dueDate: z.string(),
  recordedOn: z.string(),
  accountable: z.object({ primary: Accountable.nullable(), secondary: Accountable.nullable() }),
  /** The agency whose supervisors now see it (it climbs the tree while it stays open). */
  level: z.string(),
  escalations: z.array(z.object({ on: z.string(), to: z.string() })),
  escalateOn: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  version: z.int(),
});
export type Breach = z.infer<typeof Breach>;

/**
 * What a breach without a case concerns, read from its key: the report year of a missing annual report
 * (`<year>#annual_report_missing#annual_report#<reportYear>#report`), or the obligation and period of a
 * missed periodic publication (`<year>#periodic_missed#obligation#<obligationId>#<period>`). It is cured
 * when that report is published or that period met.
 */
export function obligationOfBreach(
  breach: Pick<Breach, 'kind' | 'breachKey'>,
):
  | { kind: 'annual_report'; year: number }
  | { kind: 'periodic'; obligationId: string; period: string }
  | null {
  const [, , , id, last] = breach.breachKey.split('#');
  if (id === undefined || last === undefined) return null;
  if (breach.kind === 'annual_report_missing' && /^\d{4}$/.test(id))
    return { kind: 'annual_report', year: Number(id) };
  if (breach.kind === 'periodic_missed') return { kind: 'periodic', obligationId: id, period: last };
  return null;
}

/** A breach still open this many working days after it was recorded goes up to the parent agency. */
export const ESCALATION_WORKING_DAYS = 5;

/** The cutoff for publishing `reportYear`'s annual report (`MM-DD` in the following year). */
export const annualReportCutoff = (cutoff: string, reportYear: number): IsoDate =>
  `${reportYear + 1}-${cutoff}`;

/** Reminders before the cutoff: 30, 7 and 1 days before (natural days). */
export const ANNUAL_REPORT_REMINDER_DAYS = [30, 7, 1] as const;

/** The report year whose cutoff matters on `day`: last year's, from January 1. */
export const reportYearOf = (day: IsoDate): number => Number(day.slice(0, 4)) - 1;

/** The period of a periodic obligation that closed the day before `day`, if one did. */
export function periodClosedBefore(
  cadence: 'monthly' | 'quarterly' | 'yearly',
  day: IsoDate,
): { period: string; closedOn: IsoDate } | null {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (day.slice(8, 10) !== '01') return null;
  const closedOn = addDays(day, -1);
  if (cadence === 'monthly') return { period: closedOn.slice(0, 7), closedOn };
  if (cadence === 'quarterly' && [1, 4, 7, 10].includes(month)) {
    const quarter = month === 1 ? 4 : (month - 1) / 3;
    return { period: `${month === 1 ? year - 1 : year}-Q${quarter}`, closedOn };
  }
  if (cadence === 'yearly' && month === 1) return { period: String(year - 1), closedOn };
  return null;
}
