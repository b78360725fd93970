// fast-check directly: importing @fast-check/vitest costs about 4 s per test file here (it loads vitest's
// runner a second time), which the three unit projects would pay three times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '#test/support/depth';
import { checkReport, COLUMNS, draftContent, type Cells } from '#lib/domain/annual-report';
import type { Applicant, ApplicantColumn } from '#lib/domain/application/applicant';
import { OPEN_STATUSES, type ApplicationStatus } from '#lib/domain/application/application';
import { addDays, type IsoDate } from '#lib/domain/calendar/civil-date';
import { DomainError } from '#lib/domain/errors';
import { eventIsIntact, type TimelineEvent } from '#lib/domain/timeline';
import {
  submitApplication,
  supplementByApplicant,
  withdrawByApplicant,
} from '#lib/use-cases/applications/applicant';
import { act, registerApplication, type StaffAction } from '#lib/use-cases/applications/casework';
import { systemStep } from '#lib/use-cases/applications/system-steps';
import {
  aPrincipal,
  aRegistration,
  anAgency,
  anApplicant,
  anOnlineApplication,
  anOrganisation,
  calendar,
  cst,
  decisions,
} from '#test/support/factories';
import { applicationCase, givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';

/**
 * Properties of the application machine over random sequences of actions, taken through the use cases
 * against the in-memory ports: citizens apply and supplement, staff register, ask, consult, extend,
 * suspend, charge and decide, the sweep closes what lapsed, days pass. Refused actions are skipped (and
 * must write nothing). After every step the invariants are checked against an independent model: which
 * days the reply clock ran, which cases are received and closed, and the timeline as stored.
 */

const AGENCY = 'ag-city';
const clerk = aPrincipal(['clerk']);
const head = aPrincipal(['approver']);
const REPLY_WORKING_DAYS = 20; // the agency has no policy of its own: the Regulations' 20 (Reg. 33)

// --- actions -------------------------------------------------------------------------------------------

type Column = Extract<ApplicantColumn, 'natural_person' | 'research_institution' | 'commercial_enterprise'>;
type Action =
  | { kind: 'register'; daysBack: number; column: Column }
  | { kind: 'submit'; column: Column }
  | { kind: 'confirm'; target: number }
  | { kind: 'clarify'; target: number; period: number | undefined }
  | { kind: 'supplement'; target: number }
  | { kind: 'consult'; target: number }
  | { kind: 'answer'; target: number; which: number }
  | { kind: 'consultation-lapsed'; target: number; which: number }
  | { kind: 'extend'; target: number; workingDays: number }
  | { kind: 'suspend'; target: number }
  | { kind: 'resume'; target: number }
  | { kind: 'fee'; target: number; pages: number }
  | { kind: 'pay'; target: number }
  | { kind: 'fee-unpaid'; target: number }
  | { kind: 'no-supplement'; target: number }
  | { kind: 'close-abandoned'; target: number }
  | { kind: 'reopen'; target: number; period: number | undefined }
  | { kind: 'decide'; target: number; outcome: 'disclosed' | 'notDisclosed' | 'notHeld' }
  | { kind: 'withdraw'; target: number };

const KINDS_ON_A_CASE = [
  'confirm',
  'clarify',
  'supplement',
  'consult',
  'answer',
  'consultation-lapsed',
  'extend',
  'suspend',
  'resume',
  'fee',
  'pay',
  'fee-unpaid',
  'no-supplement',
  'close-abandoned',
  'reopen',
  'decide',
  'withdraw',
] as const satisfies Action['kind'][];
type KindOnACase = (typeof KINDS_ON_A_CASE)[number];

/**
 * One step of a scenario: days pass, then an action is chosen. `choice` picks among the actions the
 * cases' states allow (so sequences reach deep states: a suspension is resumed, a fee paid); a `wild`
 * step picks any action on any case instead, so refusals are exercised too. The rules may still refuse
 * a chosen action (a deadline passed, a clarification asked twice, a fee the 2020 rules make free…).
 */
const step = fc.record({
  days: fc.nat({ max: 6 }),
  choice: fc.nat({ max: 10_000 }),
  wild: fc.nat({ max: 5 }).map((n) => n === 0),
  daysBack: fc.nat({ max: 3 }),
  column: fc.constantFrom<Column>('natural_person', 'research_institution', 'commercial_enterprise'),
  period: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  which: fc.nat({ max: 2 }),
  workingDays: fc.integer({ min: 1, max: 20 }),
  pages: fc.integer({ min: 1, max: 300 }),
  outcome: fc.constantFrom('disclosed', 'notDisclosed', 'notHeld'),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** A scenario: a first day in 2024–2026, then up to 25 steps. */
const scenario = fc.record({
  startDay: fc.nat({ max: 900 }), // days after 2024-01-01
  steps: fc.array(step, { minLength: 1, maxLength: 25, size: 'max' }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

// --- the independent model -----------------------------------------------------------------------------

/** What happened to the reply clock, as the model records it from the actions that were taken. */
type ReplyEntry =
  | { type: 'start'; on: IsoDate; workingDays: number }
  | { type: 'stop'; on: IsoDate }
  | { type: 'run'; on: IsoDate }
  | { type: 'restart'; on: IsoDate }
  | { type: 'extend'; workingDays: number };

type CaseModel = {
  readonly id: string;
  readonly token: string;
  readonly column: Column;
  receivedOn: IsoDate | null;
  replyLog: ReplyEntry[];
  openConsultations: string[];
  closed: { on: IsoDate; as: 'decided' | 'withdrawn' } | null;
};

/** The working days in (from, to], counted one day at a time. */
function workingDaysAfter(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
    if (calendar.isWorkingDay(day)) count += 1;
  return count;
}

/**
 * The reply clock by a day-by-day count: it counts the working days after each day it (re)starts or runs
 * again, up to each day it stops, and never a day while it is stopped; a supplement starts the count
 * afresh with the rule's own period, not the extended one (Reg. 30); an extension adds to the period (Reg. 33). Running: the day the count reaches the
 * period. Stopped: the days left.
 */
function replyByHand(log: readonly ReplyEntry[]): { dueDate: IsoDate } | { remaining: number } {
  let base = 0;
  let period = 0;
  let counted = 0;
  let countingFrom: IsoDate = '';
  let running = false;
  for (const entry of log) {
    switch (entry.type) {
      case 'start':
        base = entry.workingDays;
        period = entry.workingDays;
        counted = 0;
        countingFrom = entry.on;
        running = true;
        break;
      case 'stop':
        counted += workingDaysAfter(countingFrom, entry.on);
        running = false;
        break;
      case 'run':
        countingFrom = entry.on;
        running = true;
        break;
      case 'restart':
        period = base;
        counted = 0;
        countingFrom = entry.on;
        running = true;
        break;
      case 'extend':
        period += entry.workingDays;
        break;
    }
  }
  if (!running) return { remaining: period - counted };
  let day = countingFrom;
  while (counted < period) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  // Stopped on its last day, nothing was left: it ends on the day it runs again, or on the next working
  // day if that is a day off (民法典 Art. 203).
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return { dueDate: day };
}

const applicantOf = (of: Column): Applicant => (of === 'natural_person' ? anApplicant() : anOrganisation(of));

// --- taking the actions --------------------------------------------------------------------------------

/** The statuses in which each action on a case can be taken. */
const ALLOWED_IN: Record<KindOnACase, readonly ApplicationStatus[]> = {
  confirm: ['awaiting_confirmation'],
  clarify: ['in_progress'],
  supplement: ['awaiting_clarification'],
  'no-supplement': ['awaiting_clarification'],
  'close-abandoned': ['abandonment_pending'],
  reopen: ['abandonment_pending'],
  consult: ['in_progress', 'consulting'],
  answer: ['consulting'],
  'consultation-lapsed': ['consulting'],
  extend: ['in_progress'],
  suspend: ['in_progress'],
  resume: ['suspended'],
  fee: ['in_progress'],
  pay: ['awaiting_fee'],
  'fee-unpaid': ['awaiting_fee'],
  // Not while consulting: the decision waits for the consulted parties (Reg. 32).
  decide: ['in_progress', 'awaiting_clarification', 'awaiting_fee', 'suspended'],
  withdraw: OPEN_STATUSES,
};

/** The action of a step, given the cases as they are. */
function chooseAction(world: InMemoryWorld, cases: readonly CaseModel[], next: Step): Action {
  const statuses = cases.map((model) => world.applications.statusOf(model.id));
  const onCase = (kind: KindOnACase, target: number): Action => {
    if (kind === 'clarify' || kind === 'reopen') return { kind, target, period: next.period };
    if (kind === 'answer' || kind === 'consultation-lapsed') return { kind, target, which: next.which };
    if (kind === 'extend') return { kind, target, workingDays: next.workingDays };
    if (kind === 'fee') return { kind, target, pages: next.pages };
    if (kind === 'decide') return { kind, target, outcome: next.outcome };
    return { kind, target };
  };
  // Answers to what the agency asked (a supplement, a payment, a reply) are weighted up so that sequences
  // go on past them; closing a case is weighted down so that they last.
  const weightOf = (kind: Action['kind']): number =>
    ['confirm', 'supplement', 'answer', 'resume', 'pay'].includes(kind) ? 4 : kind === 'withdraw' ? 0.5 : 1;
  const registration: Action = { kind: 'register', daysBack: next.daysBack, column: next.column };
  const candidates: Action[] = [registration, { kind: 'submit', column: next.column }];
  for (const [target] of cases.entries())
    for (const kind of KINDS_ON_A_CASE) {
      const status = statuses[target];
      if (next.wild || (status !== undefined && ALLOWED_IN[kind].includes(status)))
        candidates.push(onCase(kind, target));
    }
  let left =
    (next.choice / 10_001) * candidates.reduce((sum, candidate) => sum + weightOf(candidate.kind), 0);
  for (const candidate of candidates) {
    left -= weightOf(candidate.kind);
    if (left < 0) return candidate;
  }
  return registration;
}

/** Takes the action through its use case; true if taken, false if refused (a domain error). */
async function take(
  world: InMemoryWorld,
  cases: CaseModel[],
  step: Action,
  today: IsoDate,
): Promise<boolean> {
  const deps = world.applicationDeps;
  const now = cst(today);
  try {
    if (step.kind === 'register') {
      const receivedOn = addDays(today, -step.daysBack);
      const view = await registerApplication(
        deps,
        clerk,
        AGENCY,
        aRegistration({ receivedOn, applicant: applicantOf(step.column) }),
        now,
      );
      cases.push({
        id: view.trackingNumber,
        token: view.accessToken,
        column: step.column,
        receivedOn,
        replyLog: [{ type: 'start', on: receivedOn, workingDays: REPLY_WORKING_DAYS }],
        openConsultations: [],
        closed: null,
      });
      return true;
    }
    if (step.kind === 'submit') {
      const answer = await submitApplication(
        deps,
        AGENCY,
        anOnlineApplication({ applicant: applicantOf(step.column) }),
        undefined,
        now,
      );
      cases.push({
        id: answer.trackingNumber,
        token: answer.accessToken,
        column: step.column,
        receivedOn: null,
        replyLog: [],
        openConsultations: [],
        closed: null,
      });
      return true;
    }
    const model = cases[step.target];
    if (model === undefined) throw new Error(`no case ${step.target}`);
    const staff = (action: StaffAction, principal = clerk) =>
      act(deps, principal, AGENCY, model.id, action, now);
    const consultationOf = async (which: number) => {
      const found = await world.applications.get(model.id);
      const open =
        found?.application.consultations.filter((consultation) => consultation.repliedOn === null) ?? [];
      return open[which % Math.max(open.length, 1)]?.id ?? 'c0';
    };
    const closesAs = (as: 'decided' | 'withdrawn') => {
      model.closed = { on: today, as };
    };
    switch (step.kind) {
      case 'confirm':
        await staff({ kind: 'confirmation' });
        model.receivedOn = today;
        model.replyLog = [{ type: 'start', on: today, workingDays: REPLY_WORKING_DAYS }];
        return true;
      case 'clarify':
        await staff({
          kind: 'clarification-request',
          input: { items: ['请写明所需信息的名称'], periodWorkingDays: step.period },
        });
        model.replyLog.push({ type: 'stop', on: today });
        return true;
      case 'supplement':
        await supplementByApplicant(deps, model.id, model.token, { text: '补充说明', attachments: [] }, now);
        model.replyLog.push({ type: 'restart', on: today });
        return true;
      case 'consult': {
        const view = await staff({
          kind: 'consultation',
          input: { party: 'third_party', name: '某公司', contact: '010-1', matter: '是否同意公开' },
        });
        if (model.openConsultations.length === 0) model.replyLog.push({ type: 'stop', on: today });
        model.openConsultations.push(view.consultations.at(-1)?.id ?? '');
        return true;
      }
      case 'answer':
      case 'consultation-lapsed': {
        const consultationId = await consultationOf(step.which);
        if (step.kind === 'answer')
          await staff({
            kind: 'consultation-reply',
            consultationId,
            input: { answer: 'consent', summary: '同意' },
          });
        else if (
          (await systemStep(deps, model.id, { kind: 'consultation-lapsed', consultationId }, now)) === null
        )
          return false;
        model.openConsultations = model.openConsultations.filter((id) => id !== consultationId);
        if (model.openConsultations.length === 0) model.replyLog.push({ type: 'run', on: today });
        return true;
      }
      case 'extend':
        await staff(
          { kind: 'extension', input: { workingDays: step.workingDays, reason: '情况复杂' } },
          head,
        );
        model.replyLog.push({ type: 'extend', workingDays: step.workingDays });
        return true;
      case 'suspend':
        await staff({ kind: 'suspension', input: { reason: '不可抗力' } });
        model.replyLog.push({ type: 'stop', on: today });
        return true;
      case 'resume':
        await staff({ kind: 'resumption', input: {} });
        model.replyLog.push({ type: 'run', on: today });
        return true;
      case 'fee':
        await staff({
          kind: 'fee-notice',
          input: { basis: { method: 'by_volume', pages: step.pages }, explanation: '超出合理范围' },
        });
        model.replyLog.push({ type: 'stop', on: today });
        return true;
      case 'pay':
        await staff({ kind: 'fee-payment', input: {} });
        model.replyLog.push({ type: 'run', on: today });
        return true;
      case 'fee-unpaid':
        if ((await systemStep(deps, model.id, { kind: step.kind }, now)) === null) return false;
        closesAs('decided');
        return true;
      case 'no-supplement':
        // The case waits for its handler's review (Reg. 30): still open, the reply clock still stopped.
        return (await systemStep(deps, model.id, { kind: step.kind }, now)) !== null;
      case 'close-abandoned':
        await staff({ kind: 'abandonment-review', input: { verdict: 'abandoned' } });
        closesAs('decided');
        return true;
      case 'reopen':
        await staff({
          kind: 'abandonment-review',
          input: {
            verdict: 'reopened',
            reason: '申请人出差在外，未能及时补正',
            periodWorkingDays: step.period,
          },
        });
        return true;
      case 'decide':
        await staff({ kind: 'decision', input: decisions[step.outcome]() }, head);
        closesAs('decided');
        return true;
      case 'withdraw':
        await withdrawByApplicant(deps, model.id, model.token, {}, now);
        closesAs('withdrawn');
        return true;
    }
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** Everything written, to compare before and after a refused action. */
const written = (world: InMemoryWorld) => ({
  timelines: [...world.records.eventCounts()],
  counters: world.records.counters(AGENCY),
});
const eventCount = (world: InMemoryWorld) =>
  [...world.records.eventCounts().values()].reduce((sum, count) => sum + count, 0);

type Check = (world: InMemoryWorld, cases: readonly CaseModel[], today: IsoDate) => Promise<void>;

/**
 * Plays the scenario (its first action registers a letter, so there is a case to act on) and checks after
 * every step: a taken action wrote one event, a refused one wrote nothing; then `check`.
 */
async function play({ startDay, steps }: Scenario, check: Check): Promise<void> {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency());
  const cases: CaseModel[] = [];
  let today = addDays('2024-01-01', startDay);
  const stepOnce = async (chosen: Action) => {
    const before = written(world);
    const events = eventCount(world);
    if (await take(world, cases, chosen, today)) expect(eventCount(world)).toBe(events + 1);
    else expect(written(world)).toEqual(before);
    await check(world, cases, today);
  };
  await stepOnce({ kind: 'register', daysBack: 0, column: 'natural_person' });
  for (const next of steps) {
    today = addDays(today, next.days);
    await stepOnce(chooseAction(world, cases, next));
  }
}

const loaded = async (world: InMemoryWorld, model: CaseModel) => {
  const found = await world.applications.get(model.id);
  if (found === undefined) throw new Error(`${model.id} was created`);
  return found;
};

// --- the properties ------------------------------------------------------------------------------------

/** A property of every scenario: `check` holds after each of its steps (20 scenarios of up to 25 steps). */
const holdsAfterEveryStep = (check: Check) => () =>
  fc.assert(
    fc.asyncProperty(scenario, (s) => play(s, check)),
    { numRuns: runs(20) },
  );

// A scenario takes milliseconds; the limit is for a machine loaded by other work, as the infra tests allow.
describe('the application machine over random sequences of actions', { timeout: 30_000 }, () => {
  it(
    'the reply is never due before the date of receipt',
    holdsAfterEveryStep(async (world, cases) => {
      for (const model of cases) {
        const { application } = await loaded(world, model);
        expect(application.receivedOn).toBe(model.receivedOn);
        const { receivedOn, dueDate } = application;
        if (dueDate !== null)
          expect(receivedOn !== null && dueDate > receivedOn, `${dueDate} after ${receivedOn}`).toBe(true);
      }
    }),
  );

  it(
    'days the clock is stopped (clarification, consultation, fee, force majeure) are never counted',
    holdsAfterEveryStep(async (world, cases) => {
      for (const model of cases) {
        if (model.receivedOn === null || model.closed !== null) continue;
        const { application, reply } = await loaded(world, model);
        const byHand = replyByHand(model.replyLog);
        if ('dueDate' in byHand) {
          expect(application.dueDate).toBe(byHand.dueDate);
          expect(reply).toMatchObject({ status: 'running', dueDate: byHand.dueDate });
        } else {
          expect(application.dueDate).toBeNull();
          expect(reply).toMatchObject({ status: 'suspended', remainingWorkingDays: byHand.remaining });
        }
      }
    }),
  );

  it(
    'a case is decided at most once, and a closed case stays closed',
    holdsAfterEveryStep(async (world, cases) => {
      for (const model of cases) {
        const { application } = await loaded(world, model);
        const types = world.records.timeline(applicationCase(model.id)).map((event) => event.type);
        const closings = types.filter((type) => type === 'decision_made' || type === 'application_withdrawn');
        expect(closings.length).toBeLessThanOrEqual(1);
        if (model.closed === null) expect(['decided', 'withdrawn']).not.toContain(application.status);
        else {
          expect(application.status).toBe(model.closed.as);
          expect(closings).toEqual([
            model.closed.as === 'decided' ? 'decision_made' : 'application_withdrawn',
          ]);
        }
      }
    }),
  );

  it(
    'the counters add up to the annual report’s totals, and what is open carries into the next year',
    holdsAfterEveryStep(async (world, cases, today) => {
      const counters = world.records.counters(AGENCY).filter((counter) => counter.kind === 'applications');
      const firstYear = Math.min(...counters.map((counter) => counter.year), Number(today.slice(0, 4)));
      for (let year = firstYear; year <= Number(today.slice(0, 4)); year += 1) {
        const thisYear = counters.find((counter) => counter.year === year)?.cells ?? {};
        const before: Record<string, number> = {};
        for (const counter of counters.filter((c) => c.year < year))
          for (const [cell, n] of Object.entries(counter.cells)) before[cell] = (before[cell] ?? 0) + n;
        const content = draftContent({
          agencyId: AGENCY,
          agencyName: '某市生态环境局',
          year,
          narrative: { general: '', problems: '', other: '' },
          applicationsThisYear: thisYear,
          applicationsBefore: before,
          publicationsUpToYear: [],
          inForceAtStartOfYear: null,
          challengesUpToYear: [],
          figures: { licensing: 0, penalties: 0, enforcement: 0, feeIncomeTenThousandYuan: 0 },
        });
        const sumOf = (cells: Cells, prefix: string) =>
          Object.entries(cells).reduce((sum, [cell, n]) => (cell.startsWith(prefix) ? sum + n : sum), 0);
        const total = content.applications.total;
        expect(total?.received).toBe(sumOf(thisYear, 'received.'));
        expect(total?.resultsTotal).toBe(sumOf(thisYear, 'decided.'));
        expect(
          checkReport(content, null).filter((failure) => failure.path.startsWith('applications')),
        ).toEqual([]);
        const endOfYear = `${year}-12-31`;
        const stillOpen = cases.filter(
          (model) =>
            model.receivedOn !== null &&
            model.receivedOn <= endOfYear &&
            !(model.closed !== null && model.closed.on <= endOfYear),
        );
        expect(total?.carriedOut).toBe(stillOpen.length);
        for (const name of COLUMNS)
          expect(content.applications[name]?.carriedOut).toBe(
            stillOpen.filter((model) => model.column === name).length,
          );
      }
    }),
  );

  it(
    'every event extends its case’s hash chain',
    holdsAfterEveryStep(async (world) => {
      for (const [caseKey, events] of world.records.allTimelines()) {
        let previous: TimelineEvent | undefined;
        for (const [index, event] of events.entries()) {
          expect(event.seq).toBe(index + 1);
          expect(event.prevHash).toBe(previous?.hash ?? null);
          expect(eventIsIntact(event)).toBe(true);
          previous = event;
        }
        const id = caseKey.startsWith('APP#') ? caseKey.slice('APP#'.length) : undefined;
        if (id !== undefined)
          expect((await world.applications.get(id))?.chain).toEqual({
            seq: events.length,
            hash: previous?.hash,
          });
      }
    }),
  );
});
