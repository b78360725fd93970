import type { Agency } from '#lib/domain/agency';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { addDays } from '#lib/domain/calendar/civil-date';
import type { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { chinaDateOf, chinaIsoOf } from '#lib/domain/china-time';
import {
  accountability,
  annualReportCutoff,
  registrarOf,
  ANNUAL_REPORT_REMINDER_DAYS,
  daysToSweep,
  ESCALATION_WORKING_DAYS,
  obligationOfBreach,
  periodClosedBefore,
  planDay,
  reportYearOf,
  type Breach,
  type BreachKind,
} from '#lib/domain/sweep';
import type { Accountable, ClockContext, DueClock } from '#lib/domain/case-clock';
import {
  EMPTY_CHAIN,
  nextEvent,
  TimelineEvent,
  type Actor,
  type CaseRef,
  type ChainHead,
} from '#lib/domain/timeline';
import { abandonmentReviewNotice } from '#lib/domain/application/abandonment';
import {
  CLARIFICATION_CLOCK,
  CONFIRMATION_CLOCK,
  CONFIRMATION_REMINDER_CLOCK,
  FEE_CLOCK,
  type Application,
} from '#lib/domain/application/application';
import { applicantNoticeOf } from '#lib/domain/application/system-steps';
import { systemStep, type ApplicationActionDeps, type SystemStep } from './applications/system-steps';
import { currentCalendar, type CalendarStore } from './calendar';

/** Port: a notification, written once under its key (an outbox), e-mailed where e-mail is set up. */
export type Notification = {
  agencyId: string;
  day: IsoDate;
  key: string;
  kind: string;
  to: string[];
  subject: string;
  body: string;
};
export interface Notifier {
  /** Sends it once: false when it was sent before (a re-run of a day). */
  send(notification: Notification): Promise<boolean>;
}

/** Port: the agencies' outboxes, where every notification is kept once (oversight lists them). */
export interface Outbox {
  /** Keeps the notification under its agency, day and key; false when it is there already. */
  post(notification: Notification): Promise<boolean>;
}

/** A reminder the sweep sent, as recorded in its agency's list of reminders. */
export type Reminder =
  | {
      readonly day: IsoDate;
      readonly dueDate: IsoDate;
      readonly workingDaysLeft: 1 | 3;
      readonly case: CaseRef;
      readonly clock: string;
      readonly subject: string;
      readonly handler: ClockContext['handler'];
    }
  | {
      readonly day: IsoDate;
      readonly dueDate: IsoDate;
      readonly kind: 'annual_report';
      readonly daysLeft: number;
    }
  | {
      /** An online application unconfirmed after 1 working day; `dueDate`: the agency's limit. */
      readonly day: IsoDate;
      readonly dueDate: IsoDate;
      readonly kind: 'confirmation';
      readonly case: CaseRef;
      readonly subject: string;
      readonly handler: ClockContext['handler'];
    };

/** Port: what the sweep reads and writes. Every write is once-only, so a re-run records nothing twice. */
export interface SweepStore {
  /** Items read so far by this store (the run reports its cost). */
  readonly itemsRead: number;
  /** The last day swept, if any. */
  watermark(): Promise<IsoDate | null>;
  /** Moves the watermark forward to `day` (never back). */
  setWatermark(day: IsoDate): Promise<void>;
  /** The running clocks whose due date is `date`. */
  clocksDueOn(date: IsoDate): Promise<DueClock[]>;
  /** The open breaches due to climb a level on `date`, with their timeline's head. */
  escalationsDueOn(date: IsoDate): Promise<(Breach & { chain: ChainHead })[]>;
  /** Records a new breach and its first event; false when it was recorded before. */
  recordBreach(breach: Breach, event: TimelineEvent): Promise<boolean>;
  /** Saves the breach's next state if it is still at `expectedVersion`. */
  updateBreach(next: Breach, expectedVersion: number, event: TimelineEvent): Promise<void>;
  /** Whether the case's clock is still running (a breach of a clock since stopped is resolved). */
  clockIsOpen(caseRef: CaseRef, clock: string): Promise<boolean>;
  /** Records a reminder once under its key; false when it was sent before. */
  recordReminder(agencyId: string, reminderKey: string, reminder: Reminder): Promise<boolean>;
  /** Whether a publication fulfilled the periodic obligation's period. */
  periodPublished(agencyId: string, obligationId: string, period: string): Promise<boolean>;
  /** Whether the agency published its annual report for `year`. */
  annualReportPublished(agencyId: string, year: number): Promise<boolean>;
  allAgencies(): Promise<Agency[]>;
  /** Up to `limit` of the open clocks whose due date depends on `year` being provisional, as labels. */
  provisionalClocks(year: number, limit: number): Promise<string[]>;
}

export type SweepDeps = {
  store: SweepStore;
  calendars: CalendarStore;
  notifier: Notifier;
  applications: ApplicationActionDeps;
  archive: { put(key: string, body: string): Promise<void> };
};

export type SweepSummary = {
  runId: string;
  requestedDay: IsoDate;
  days: IsoDate[];
  counts: Record<string, number>;
  itemsRead: number;
  durationMs: number;
};

const SWEEP_ACTOR: Actor = { kind: 'system', process: 'sweep' };

/**
 * The daily compliance sweep (RULES §1–4): reminders, breaches with who answers for them, the steps the
 * rules prescribe when a period lapses, escalation up the agency tree, the annual-report cutoff, and
 * calendar readiness. Every write has a deterministic key and is conditional, so a re-run records
 * nothing twice; days after the watermark are caught up; a run that dies half-way is finished by the next.
 */
export async function sweep(
  deps: SweepDeps,
  request: { day: IsoDate; redo?: boolean },
  now: Date,
  elapsedMs: () => number,
  runId: string,
): Promise<SweepSummary> {
  const counts: Record<string, number> = {};
  const count = (kind: string) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  const calendar = await currentCalendar(deps.calendars);
  const watermark = await deps.store.watermark();
  const days = request.redo === true ? [request.day] : daysToSweep(watermark, request.day);
  let agencies: Agency[] | undefined;
  const agencyList = async () => (agencies ??= await deps.store.allAgencies());

  for (const day of days) {
    const plan = planDay(calendar, day);
    // Reminders: clocks due in exactly 3 and 1 working days.
    for (const { dueDate, workingDaysLeft } of plan.reminderDueDates) {
      for (const clock of await deps.store.clocksDueOn(dueDate)) {
        if (!remindable(clock, dueDate, workingDaysLeft)) continue;
        const key = `${clock.case.kind}#${clock.case.id}#${clock.name}#${dueDate}#${workingDaysLeft}`;
        const agencyId = clock.case.agencyId;
        if (
          await deps.store.recordReminder(agencyId, key, {
            day,
            dueDate,
            workingDaysLeft,
            case: clock.case,
            clock: clock.name,
            subject: clock.context?.subject ?? clock.case.id,
            handler: clock.context?.handler ?? null,
          })
        ) {
          count(`reminder.${clock.name === 'publication' ? 'publication' : 'reply'}.${workingDaysLeft}`);
          await deps.notifier.send({
            agencyId,
            day,
            key: `reminder#${key}`,
            kind: 'reminder',
            to: recipients(clock),
            subject: `【提醒】${clock.context?.subject ?? clock.case.id} 将于${dueDate}到期（还有${workingDaysLeft}个工作日）`,
            body: `${clock.name === 'publication' ? '主动公开' : '依申请公开答复'}期限为${dueDate}，请按时办理。`,
          });
        }
      }
    }
    // Lapsed deadlines: breaches and automatic steps, on working days.
    for (const dueDate of plan.lapsedDueDates) {
      for (const clock of await deps.store.clocksDueOn(dueDate)) {
        await onLapsed({ deps, calendar, agencies: agencyList, day, now, count }, clock);
      }
      for (const breach of await deps.store.escalationsDueOn(dueDate)) {
        await escalate(deps, calendar, await agencyList(), breach, day, now, count);
      }
    }
    if (plan.workingDay)
      await periodicObligations(deps, calendar, await agencyList(), day, plan.lapsedDueDates, now, count);
    await annualReports(deps, calendar, await agencyList(), day, now, count);
    await calendarReadiness(deps, calendar, day, count);
    await deps.store.setWatermark(day);
  }

  const summary: SweepSummary = {
    runId,
    requestedDay: request.day,
    days,
    counts,
    itemsRead: deps.store.itemsRead,
    durationMs: Math.round(elapsedMs()),
  };
  await deps.archive.put(
    `system/sweeps/${request.day}/${runId}.json`,
    JSON.stringify({ ...summary, finishedAt: chinaIsoOf(now) }),
  );
  return summary;
}

/**
 * Which clocks get reminders: the reply (3 and 1 days) and the publication deadline (3 days) — each as
 * due on its real due date, not a clock filed under a later day because it was written overdue.
 */
function remindable(clock: DueClock, dueDate: IsoDate, workingDaysLeft: 1 | 3): boolean {
  if (clock.state.dueDate !== dueDate) return false;
  if (clock.case.kind === 'application') return clock.name === 'reply';
  if (clock.case.kind === 'submission') return clock.name === 'publication' && workingDaysLeft === 3;
  return false;
}

const recipients = (clock: DueClock): string[] => [
  clock.context?.handler?.email ?? `handler:${clock.context?.handler?.staffId ?? 'unassigned'}`,
  'office',
];

/** What acting on one day's lapsed clocks needs. */
type LapseRun = {
  deps: SweepDeps;
  calendar: WorkingCalendar;
  agencies: () => Promise<readonly Agency[]>;
  day: IsoDate;
  now: Date;
  count: (kind: string) => void;
};

async function onLapsed(run: LapseRun, clock: DueClock): Promise<void> {
  const { deps, day, now, count } = run;
  const dueDate = clock.state.dueDate ?? day;
  if (clock.case.kind === 'application') {
    if (clock.name === 'reply') {
      await recordBreach(
        run,
        clock.context?.extended === true ? 'extension_overdue' : 'reply_overdue',
        clock,
        dueDate,
      );
      return;
    }
    if (clock.name === CONFIRMATION_CLOCK) {
      await recordBreach(run, 'confirmation_overdue', clock, dueDate);
      return;
    }
    if (clock.name === CONFIRMATION_REMINDER_CLOCK) {
      await confirmationReminder(run, clock);
      return;
    }
    const step: SystemStep | undefined =
      clock.name === CLARIFICATION_CLOCK
        ? { kind: 'no-supplement' }
        : clock.name === FEE_CLOCK
          ? { kind: 'fee-unpaid' }
          : clock.name.startsWith('consultation-')
            ? { kind: 'consultation-lapsed', consultationId: clock.name.slice('consultation-'.length) }
            : undefined;
    if (step === undefined) return;
    if (step.kind === 'consultation-lapsed') await recordBreach(run, 'consultation_overdue', clock, dueDate);
    const application = await systemStep(deps.applications, clock.case.id, step, now);
    if (application !== null) {
      count(`step.${step.kind}`);
      await noticeToApplicant(deps, application, step, day);
      if (step.kind === 'no-supplement') await noticeToHandler(deps, clock, application, dueDate, day);
    }
    return;
  }
  if (clock.case.kind === 'submission' && clock.name === 'publication')
    await recordBreach(run, 'publication_overdue', clock, dueDate);
  if (clock.case.kind === 'complaint' && clock.name === 'answer')
    await recordBreach(run, 'complaint_unanswered', clock, dueDate);
}

/**
 * An online application still unconfirmed 1 working day after it was submitted: a reminder to the office
 * (and its handler, if one is assigned), naming the agency's limit — a policy of the agency, not the law.
 */
async function confirmationReminder(run: LapseRun, clock: DueClock): Promise<void> {
  const { deps, day, count } = run;
  const found = await deps.applications.applications.get(clock.case.id);
  const application = found?.application;
  if (application?.status !== 'awaiting_confirmation' || application.confirmation === null) return;
  const { dueDate, workingDays } = application.confirmation;
  const subject = clock.context?.subject ?? clock.case.id;
  const key = `${clock.case.kind}#${clock.case.id}#${CONFIRMATION_CLOCK}#${dueDate}`;
  const recorded = await deps.store.recordReminder(clock.case.agencyId, key, {
    day,
    dueDate,
    kind: 'confirmation',
    case: clock.case,
    subject,
    handler: clock.context?.handler ?? null,
  });
  if (!recorded) return;
  count('reminder.confirmation');
  await deps.notifier.send({
    agencyId: clock.case.agencyId,
    day,
    key: `reminder#${key}`,
    kind: 'reminder',
    to: recipients(clock),
    subject: `【提醒】在线申请 ${subject}（${application.submittedAt.slice(0, 10)}提交）尚未确认受理`,
    body: `确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条第三项）。本机关规定在${workingDays}个工作日内（${dueDate}前）确认（机关自定期限，非法定期限），请及时确认。`,
  });
}

async function noticeToApplicant(
  deps: SweepDeps,
  application: Application,
  step: SystemStep,
  day: IsoDate,
): Promise<void> {
  const body = applicantNoticeOf(step);
  if (body === null) return;
  await deps.notifier.send({
    agencyId: application.agencyId,
    day,
    key: `applicant#${application.id}#${step.kind}`,
    kind: 'notice_to_applicant',
    to:
      application.applicant.email === undefined
        ? [`applicant:${application.id}`]
        : [application.applicant.email],
    subject: `政府信息公开申请 ${application.id}`,
    body,
  });
}

/** The supplement period lapsed: the handler reviews whether the applicant had a good reason (Reg. 30). */
async function noticeToHandler(
  deps: SweepDeps,
  clock: DueClock,
  application: Application,
  supplementBy: IsoDate,
  day: IsoDate,
): Promise<void> {
  const notice = abandonmentReviewNotice(application, supplementBy);
  await deps.notifier.send({
    agencyId: application.agencyId,
    day,
    key: `handler#${application.id}#abandonment_pending#${supplementBy}`,
    kind: 'abandonment_review',
    to: recipients(clock),
    ...notice,
  });
}

/**
 * Who answers for a breach (RULES §3, `accountability`). A clock written while its application had no
 * handler is answered for by the clerk who registered or confirmed it — from its timeline — with the
 * office head beside them, or by the office head alone: an application's breach never names nobody.
 */
async function whoAnswers(run: LapseRun, clock: DueClock): Promise<Breach['accountable']> {
  const handler = clock.context?.handler ?? null;
  const leader = clock.context?.leader ?? null;
  if (clock.case.kind !== 'application' || handler !== null) return accountability({ handler, leader });
  const store = run.deps.applications.applications;
  const [found, events] = await Promise.all([store.get(clock.case.id), store.events(clock.case.id)]);
  // A handler assigned since (the confirmation clocks are not rewritten by an assignment).
  const assignee = found?.application.assignee ?? null;
  const agency = (await run.agencies()).find((candidate) => candidate.agencyId === clock.case.agencyId);
  return accountability({
    handler: assignee === null ? null : { staffId: assignee.staffId, name: assignee.name },
    leader,
    registrar: registrarOf(events.map((event) => TimelineEvent.parse(event))),
    officeHead: { role: 'office_head', agencyId: clock.case.agencyId, name: agency?.profile?.head ?? null },
  });
}

async function recordBreach(
  run: LapseRun,
  kind: BreachKind,
  clock: DueClock,
  dueDate: IsoDate,
): Promise<void> {
  const { deps, calendar, day, now, count } = run;
  const breachKey = `${dueDate.slice(0, 4)}#${kind}#${clock.case.kind}#${clock.case.id}#${clock.name}`;
  const breach = openBreach({
    breachKey,
    agencyId: clock.case.agencyId,
    kind,
    case: clock.case,
    clock: clock.name,
    subject: clock.context?.subject ?? clock.case.id,
    dueDate,
    recordedOn: day,
    accountable: await whoAnswers(run, clock),
    escalateOn:
      kind === 'consultation_overdue' ? null : calendar.addWorkingDays(day, ESCALATION_WORKING_DAYS).dueDate,
  });
  await writeBreach(deps, breach, day, now, count);
}

/** A new breach: open, recorded at its own agency's level, not yet escalated. */
const openBreach = (fields: Omit<Breach, 'level' | 'escalations' | 'status' | 'version'>): Breach => ({
  ...fields,
  level: fields.agencyId,
  escalations: [],
  status: 'open',
  version: 1,
});

async function writeBreach(
  deps: SweepDeps,
  breach: Breach,
  day: IsoDate,
  now: Date,
  count: (kind: string) => void,
): Promise<void> {
  const event = nextEvent({ agencyId: breach.agencyId, kind: 'breach', id: breach.breachKey }, EMPTY_CHAIN, {
    type: 'breach_recorded',
    now,
    actor: SWEEP_ACTOR,
    data: { kind: breach.kind, case: breach.case, dueDate: breach.dueDate, accountable: breach.accountable },
  });
  if (!(await deps.store.recordBreach(breach, event))) return;
  count(`breach.${breach.kind}`);
  await deps.notifier.send({
    agencyId: breach.agencyId,
    day,
    key: `breach#${breach.breachKey}`,
    kind: 'breach',
    to: [
      'office',
      'supervisors',
      ...(breach.accountable.primary === null ? [] : [addressOf(breach.accountable.primary)]),
    ],
    subject: `【逾期】${breach.subject}（${breach.kind}，期限${breach.dueDate}）`,
    body: `责任人：${breach.accountable.primary === null ? '未指定' : labelOf(breach.accountable.primary)}${breach.accountable.secondary === null ? '' : `；次要责任人：${labelOf(breach.accountable.secondary)}`}。${breach.kind === 'confirmation_overdue' ? '确认期限为本机关自定期限，非法定期限。' : ''}`,
  });
}

/** Where a breach's notification reaches who answers for it: their account, or the office head's desk. */
const addressOf = (party: Accountable): string =>
  'staffId' in party ? `staff:${party.staffId}` : 'office_head';

/** Who answers, as a notification names them. */
const labelOf = (party: Accountable): string =>
  'staffId' in party ? (party.name ?? party.staffId) : `${party.name ?? ''}（政府信息公开工作机构负责人）`;

/**
 * Whether what the breach is about is still unmet: a case's clock still running, an annual report still
 * unpublished, a period of a periodic obligation still without its publication.
 */
async function breachStillOpen(deps: SweepDeps, breach: Breach): Promise<boolean> {
  if (breach.case !== null && breach.clock !== null) return deps.store.clockIsOpen(breach.case, breach.clock);
  const obligation = obligationOfBreach(breach);
  if (obligation?.kind === 'annual_report')
    return !(await deps.store.annualReportPublished(breach.agencyId, obligation.year));
  if (obligation?.kind === 'periodic')
    return !(await deps.store.periodPublished(breach.agencyId, obligation.obligationId, obligation.period));
  return true;
}

/** A breach still open 5 working days after it was recorded climbs to the parent agency's supervisors. */
async function escalate(
  deps: SweepDeps,
  calendar: WorkingCalendar,
  agencies: readonly Agency[],
  breach: Breach & { chain: ChainHead },
  day: IsoDate,
  now: Date,
  count: (kind: string) => void,
): Promise<void> {
  const stillOpen = await breachStillOpen(deps, breach);
  const parent = agencies.find((agency) => agency.agencyId === breach.level)?.parentAgencyId ?? null;
  const { chain, ...current } = breach;
  let next: Breach;
  let type: string;
  if (!stillOpen) {
    next = { ...current, status: 'resolved', escalateOn: null, version: current.version + 1 };
    type = 'breach_resolved';
  } else if (parent === null) {
    next = { ...current, escalateOn: null, version: current.version + 1 };
    type = 'breach_at_top';
  } else {
    next = {
      ...current,
      level: parent,
      escalations: [...current.escalations, { on: day, to: parent }],
      escalateOn: calendar.addWorkingDays(day, ESCALATION_WORKING_DAYS).dueDate,
      version: current.version + 1,
    };
    type = 'breach_escalated';
  }
  const event = nextEvent({ agencyId: breach.agencyId, kind: 'breach', id: breach.breachKey }, chain, {
    type,
    now,
    actor: SWEEP_ACTOR,
    data: { level: next.level, escalateOn: next.escalateOn },
  });
  await deps.store.updateBreach(next, current.version, event);
  count(type.replace('breach_', 'breach.'));
  if (type === 'breach_escalated' && parent !== null) {
    await deps.notifier.send({
      agencyId: parent,
      day,
      key: `escalation#${breach.agencyId}#${breach.breachKey}#${day}`,
      kind: 'escalation',
      to: ['supervisors'],
      subject: `【督办】下级机关${breach.agencyId}逾期事项：${breach.subject}`,
      body: `逾期类型：${breach.kind}；期限：${breach.dueDate}；记录日期：${breach.recordedOn}。`,
    });
  }
}

/** A periodic obligation whose period closed and whose time to publish passed with nothing published. */
async function periodicObligations(
  deps: SweepDeps,
  calendar: WorkingCalendar,
  agencies: readonly Agency[],
  day: IsoDate,
  lapsedDueDates: readonly IsoDate[],
  now: Date,
  count: (kind: string) => void,
): Promise<void> {
  const lapsed = new Set(lapsedDueDates);
  const lastWorkingDay = calendar.previousWorkingDay(day);
  for (const agency of agencies) {
    for (const obligation of agency.obligations) {
      // The periods whose publication deadline lapsed today: look back over the last periods that closed.
      for (let back = 1; back <= 400; back += 1) {
        const closed = periodClosedBefore(obligation.cadence, addDays(day, -back + 1));
        if (closed === null) continue;
        const due = calendar.addWorkingDays(closed.closedOn, obligation.publishWithinWorkingDays).dueDate;
        if (due < lastWorkingDay) break;
        if (!lapsed.has(due) || closed.closedOn < obligation.declaredOn) continue;
        if (await deps.store.periodPublished(agency.agencyId, obligation.id, closed.period)) continue;
        const breach = openBreach({
          // Listed under the year of the period it concerns (a 2031-Q4 item missed in January 2032 is 2031's).
          breachKey: `${closed.period.slice(0, 4)}#periodic_missed#obligation#${obligation.id}#${closed.period}`,
          agencyId: agency.agencyId,
          kind: 'periodic_missed',
          case: null,
          clock: null,
          subject: `${obligation.title}（${closed.period}）`,
          dueDate: due,
          recordedOn: day,
          accountable: { primary: null, secondary: null },
          escalateOn: calendar.addWorkingDays(day, ESCALATION_WORKING_DAYS).dueDate,
        });
        await writeBreach(deps, breach, day, now, count);
      }
    }
  }
}

/** From January 1: reminders 30, 7 and 1 days before the cutoff; a breach the day after it. */
async function annualReports(
  deps: SweepDeps,
  calendar: WorkingCalendar,
  agencies: readonly Agency[],
  day: IsoDate,
  now: Date,
  count: (kind: string) => void,
): Promise<void> {
  const reportYear = reportYearOf(day);
  for (const agency of agencies) {
    const cutoff = annualReportCutoff(agency.annualReportCutoff, reportYear);
    const reminderDay = ANNUAL_REPORT_REMINDER_DAYS.find((days) => addDays(cutoff, -days) === day);
    const dayAfter = addDays(cutoff, 1) === day;
    if (reminderDay === undefined && !dayAfter) continue;
    if (await deps.store.annualReportPublished(agency.agencyId, reportYear)) continue;
    if (reminderDay !== undefined) {
      if (
        await deps.store.recordReminder(agency.agencyId, `annual_report#${reportYear}#${reminderDay}`, {
          day,
          dueDate: cutoff,
          kind: 'annual_report',
          daysLeft: reminderDay,
        })
      ) {
        count(`reminder.annual_report.${reminderDay}`);
        await deps.notifier.send({
          agencyId: agency.agencyId,
          day,
          key: `annual_report#${reportYear}#${reminderDay}`,
          kind: 'reminder',
          to: ['office', 'agency_admin'],
          subject: `【提醒】${reportYear}年度政府信息公开工作年度报告须于${cutoff}前公布（还有${reminderDay}天）`,
          body: '请按国家统一格式起草、审核并公布年度报告。',
        });
      }
      continue;
    }
    const breach = openBreach({
      // Listed under the year the report covers (the 2025 report's breach is 2025's).
      breachKey: `${reportYear}#annual_report_missing#annual_report#${reportYear}#report`,
      agencyId: agency.agencyId,
      kind: 'annual_report_missing',
      case: null,
      clock: null,
      subject: `${reportYear}年度政府信息公开工作年度报告`,
      dueDate: cutoff,
      recordedOn: day,
      accountable: { primary: null, secondary: null },
      escalateOn: calendar.isWorkingDay(day)
        ? calendar.addWorkingDays(day, ESCALATION_WORKING_DAYS).dueDate
        : calendar.addWorkingDays(calendar.previousWorkingDay(day), ESCALATION_WORKING_DAYS + 1).dueDate,
    });
    await writeBreach(deps, breach, day, now, count);
  }
}

/** From December 1, daily while next year's official calendar is not loaded: a warning to platform admins. */
async function calendarReadiness(
  deps: SweepDeps,
  calendar: WorkingCalendar,
  day: IsoDate,
  count: (kind: string) => void,
): Promise<void> {
  if (day.slice(5, 7) !== '12') return;
  const next = Number(day.slice(0, 4)) + 1;
  if (calendar.sourceOf(next) !== 'provisional') return;
  const clocks = await deps.store.provisionalClocks(next, 100);
  const sent = await deps.notifier.send({
    agencyId: 'platform',
    day,
    key: `calendar_readiness#${next}#${day}`,
    kind: 'calendar_warning',
    to: ['platform_admin'],
    subject: `【提醒】${next}年节假日安排尚未载入（PUT /v1/calendars/${next}）`,
    body: `${clocks.length}个在办期限的到期日依赖${next}年的暂定日历：${clocks.slice(0, 20).join('，')}${clocks.length > 20 ? '……' : ''}`,
  });
  if (sent) count('warning.calendar');
}

export const sweepDayOf = (input: {
  date?: string | undefined;
  scheduledTime?: string | undefined;
}): IsoDate => input.date ?? chinaDateOf(new Date(input.scheduledTime ?? 0));
