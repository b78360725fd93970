import type { z } from 'zod';
import { archiveKeys } from '#lib/domain/archive-keys';
import { maskedApplicant } from '#lib/domain/application/applicant';
import * as machine from '#lib/domain/application/application';
import type {
  Application,
  Change,
  Context,
  OnlineApplicationInput,
  RegistrationInput,
} from '#lib/domain/application/application';
import { decisionLetterHtml } from '#lib/domain/application/decision-letter';
import { outcomeLabel } from '#lib/domain/application/outcomes';
import { policyOn } from '#lib/domain/application/policy';
import {
  applicantKeyOf,
  hashToken,
  idempotencyKeyHash,
  requestHash,
  sealToken,
  tokenMatches,
  unsealToken,
} from '#lib/domain/application/secrets';
import { evaluateClock, type ClockState } from '#lib/domain/calendar/clock';
import type { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { chinaDateOf, chinaIsoOf, chinaYearOf } from '#lib/domain/china-time';
import { AlreadyExistsError, NotFoundError, RuleViolationError } from '#lib/domain/errors';
import { assertAgencyStaff, type Principal, type Role } from '#lib/domain/staff';
import { nextEvent, staffActor, type Actor, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from './agencies';
import { currentCalendar, type CalendarStore, type StoredClockState } from './calendar';
import type { StaffStore } from './staff';
import { checkUploads, type UploadStore } from './uploads';

/** The application, its reply clock as stored (the use case re-evaluates it against the calendar), its chain. */
export type LoadedApplication = {
  application: Application;
  reply: StoredClockState | null;
  chain: ChainHead;
};

/** Port: where applications are kept (see DynamoApplicationStore). */
export interface ApplicationStore {
  get(id: string): Promise<LoadedApplication | undefined>;
  create(change: Change, event: TimelineEvent, idempotency?: IdempotencyRecord): Promise<void>;
  save(
    change: Change,
    expectedVersion: number,
    event: TimelineEvent,
    previousReplyYears?: readonly number[],
  ): Promise<void>;
  idempotency(agencyId: string, keyHash: string): Promise<IdempotencyRecord | undefined>;
  applicantHistory(
    agencyId: string,
    applicantKey: string,
    limit?: number,
  ): Promise<{ applicationId: string; submittedAt: string }[]>;
  countInMonth(
    agencyId: string,
    applicantKey: string,
    month: string,
    upTo?: { submittedAt: string; id: string },
  ): Promise<number>;
  list(
    agencyId: string,
    options: { open: boolean; dueBefore?: string | undefined; limit: number; nextToken?: string | undefined },
  ): Promise<{ items: Application[]; nextToken: string | null }>;
  events(id: string): Promise<Record<string, unknown>[]>;
}
/** An idempotent public submission: its key (hashed), the request's hash, and the sealed access token. */
export type IdempotencyRecord = {
  keyHash: string;
  requestHash: string;
  applicationId: string;
  sealedToken: string;
  expiresAt: number;
};

export type ApplicationDeps = {
  applications: ApplicationStore;
  calendars: CalendarStore;
  agencies: AgencyStore;
  staff: StaffStore;
  uploads: UploadStore;
  letterUrl: (key: string) => Promise<string>;
  applicantSecret: Uint8Array;
  newTrackingNumber: (year: number) => string;
  newAccessToken: () => string;
  newConsultationId: () => string;
};

/** What a state-machine step needs (the sweep's automatic steps use only this). */
export type ApplicationActionDeps = Pick<ApplicationDeps, 'applications' | 'calendars' | 'agencies'>;

const IDEMPOTENCY_HOURS = 24;

const caseRef = (application: Pick<Application, 'agencyId' | 'id'>) =>
  ({ agencyId: application.agencyId, kind: 'application', id: application.id }) as const;

// --- Public: citizens and organisations -----------------------------------------------------------------

/** An online application (POST /v1/agencies/{agencyId}/applications), idempotent on Idempotency-Key. */
export async function submitApplication(
  deps: ApplicationDeps,
  agencyId: string,
  input: OnlineApplicationInput,
  idempotencyKey: string | undefined,
  now: Date,
) {
  if ((await deps.agencies.get(agencyId)) === undefined)
    throw new NotFoundError(`There is no agency ${agencyId}.`);
  const keyHash = idempotencyKey === undefined ? undefined : idempotencyKeyHash(agencyId, idempotencyKey);
  const fingerprint = requestHash(input);
  if (keyHash !== undefined && idempotencyKey !== undefined) {
    const replay = await replayIdempotent(deps, agencyId, keyHash, idempotencyKey, fingerprint);
    if (replay !== undefined) return replay;
  }
  await checkAttachments(deps.uploads, input.attachments, 'body.attachments');
  const token = deps.newAccessToken();
  const ids = {
    id: deps.newTrackingNumber(chinaYearOf(now)),
    agencyId,
    applicantKey: applicantKeyOf(deps.applicantSecret, input.applicant),
    accessTokenHash: hashToken(token),
  };
  const change = machine.submitOnline(input, ids, chinaIsoOf(now));
  const event = nextEvent(
    caseRef(change.application),
    { seq: 0, hash: null },
    { type: change.event.type, now, actor: { kind: 'applicant' }, data: change.event.data },
  );
  const record =
    keyHash === undefined || idempotencyKey === undefined
      ? undefined
      : {
          keyHash,
          requestHash: fingerprint,
          applicationId: ids.id,
          sealedToken: sealToken(token, idempotencyKey, agencyId),
          expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_HOURS * 3600,
        };
  try {
    await deps.applications.create(change, event, record);
  } catch (error) {
    // A concurrent retry with the same key won: answer as it did.
    if (error instanceof AlreadyExistsError && keyHash !== undefined && idempotencyKey !== undefined) {
      const replay = await replayIdempotent(deps, agencyId, keyHash, idempotencyKey, fingerprint);
      if (replay !== undefined) return replay;
    }
    throw error;
  }
  for (const key of input.attachments) await deps.uploads.markReferenced(key);
  return {
    trackingNumber: ids.id,
    accessToken: token,
    status: change.application.status,
    submittedAt: change.application.submittedAt,
    statusUrl: `/v1/applications/${ids.id}`,
  };
}

async function replayIdempotent(
  deps: ApplicationDeps,
  agencyId: string,
  keyHash: string,
  idempotencyKey: string,
  fingerprint: string,
) {
  const record = await deps.applications.idempotency(agencyId, keyHash);
  if (record === undefined) return undefined;
  if (record.requestHash !== fingerprint) {
    throw new RuleViolationError(
      'idempotency-key-reused',
      'This Idempotency-Key was used for a different request.',
      [{ path: 'header.idempotency-key', message: 'was already used with another body' }],
    );
  }
  const found = await deps.applications.get(record.applicationId);
  if (found === undefined) throw new NotFoundError('The application of this Idempotency-Key is gone.');
  return {
    trackingNumber: record.applicationId,
    accessToken: unsealToken(record.sealedToken, idempotencyKey, agencyId),
    status: found.application.status,
    submittedAt: found.application.submittedAt,
    statusUrl: `/v1/applications/${record.applicationId}`,
  };
}

/** The attachments at `path` (`body.attachments.0`, …) were uploaded and are within the limit. */
const checkAttachments = (uploads: UploadStore, keys: readonly string[], path: string) =>
  checkUploads(
    uploads,
    keys.map((key, index) => [`${path}.${index}`, key] as const),
  );

/** The applicant's view. A wrong or missing token is answered exactly like an unknown number. */
async function loadForApplicant(deps: ApplicationDeps, trackingNumber: string, token: string | undefined) {
  const notFound = () =>
    new NotFoundError('There is no application with this tracking number and access token.');
  if (token === undefined) throw notFound();
  const found = await deps.applications.get(trackingNumber);
  if (found === undefined || !tokenMatches(token, found.application.accessTokenHash)) throw notFound();
  return found;
}

export async function applicationStatus(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
) {
  const found = await loadForApplicant(deps, trackingNumber, token);
  const calendar = await currentCalendar(deps.calendars);
  return publicView(
    deps,
    found.application,
    replyOf(calendar, found.reply),
    await deps.applications.events(trackingNumber),
  );
}

export async function supplementByApplicant(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
  input: z.infer<typeof machine.SupplementInput>,
  now: Date,
) {
  const found = await loadForApplicant(deps, trackingNumber, token);
  await checkAttachments(deps.uploads, input.attachments, 'body.attachments');
  const result = await apply(deps, found, now, { kind: 'applicant' }, (application, reply, context) =>
    machine.supplement(application, reply, input, context),
  );
  for (const key of input.attachments) await deps.uploads.markReferenced(key);
  return {
    ...(await publicView(
      deps,
      result.application,
      result.reply,
      await deps.applications.events(trackingNumber),
    )),
    version: result.version,
  };
}

export async function withdrawByApplicant(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
  input: z.infer<typeof machine.WithdrawalInput>,
  now: Date,
) {
  const found = await loadForApplicant(deps, trackingNumber, token);
  const result = await apply(deps, found, now, { kind: 'applicant' }, (application, reply, context) =>
    machine.withdraw(application, reply, input, context),
  );
  return publicView(deps, result.application, result.reply, await deps.applications.events(trackingNumber));
}

// --- Staff ----------------------------------------------------------------------------------------------

/** A letter, fax, e-mail, in-person or oral application, registered with its date of receipt. */
export async function registerApplication(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  input: RegistrationInput,
  now: Date,
) {
  assertAgencyStaff(principal, agencyId, 'clerk');
  const agency = await deps.agencies.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  await checkAttachments(deps.uploads, input.attachments, 'body.attachments');
  const calendar = await currentCalendar(deps.calendars);
  const token = deps.newAccessToken();
  const ids = {
    id: deps.newTrackingNumber(chinaYearOf(now)),
    agencyId,
    applicantKey: applicantKeyOf(deps.applicantSecret, input.applicant),
    accessTokenHash: hashToken(token),
  };
  const change = machine.register(input, ids, chinaIsoOf(now), policyOn(agency.policies, input.receivedOn), {
    calendar,
    today: chinaDateOf(now),
  });
  const event = nextEvent(
    caseRef(change.application),
    { seq: 0, hash: null },
    { type: change.event.type, now, actor: staffActor(principal), data: change.event.data },
  );
  await deps.applications.create(change, event);
  for (const key of input.attachments) await deps.uploads.markReferenced(key);
  // The access token goes on the receipt handed or sent to the applicant.
  return { ...(await staffView(deps, change.application, change.reply)), accessToken: token };
}

export async function listApplications(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  query: {
    status?: machine.ApplicationStatus | 'open' | 'closed' | undefined;
    dueBefore?: string | undefined;
    limit: number;
    nextToken?: string | undefined;
  },
) {
  assertAgencyStaff(principal, agencyId);
  const open =
    query.status === undefined ||
    query.status === 'open' ||
    (query.status !== 'closed' && machine.isOpen(query.status));
  const page = await deps.applications.list(agencyId, {
    open,
    dueBefore: query.dueBefore,
    limit: query.limit,
    nextToken: query.nextToken,
  });
  const wanted =
    query.status === undefined || query.status === 'open' || query.status === 'closed'
      ? undefined
      : query.status;
  return {
    items: page.items
      .filter((application) => wanted === undefined || application.status === wanted)
      .map((application) => ({
        trackingNumber: application.id,
        status: application.status,
        channel: application.channel,
        receivedOn: application.receivedOn,
        dueDate: application.dueDate,
        provisional: application.provisional,
        applicant: maskedApplicant(application.applicant),
        request: { description: application.request.description.slice(0, 200) },
        assignee: application.assignee,
        outcome: application.decision?.outcome ?? null,
      })),
    nextToken: page.nextToken,
  };
}

async function loadForStaff(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  ...roles: Role[]
) {
  assertAgencyStaff(principal, agencyId, ...roles);
  const found = await deps.applications.get(id);
  // Another agency's application is reported exactly like one that does not exist.
  if (found?.application.agencyId !== agencyId)
    throw new NotFoundError(`There is no application ${id} in this agency.`);
  return found;
}

export async function getCase(deps: ApplicationDeps, principal: Principal, agencyId: string, id: string) {
  const found = await loadForStaff(deps, principal, agencyId, id);
  const calendar = await currentCalendar(deps.calendars);
  const reply = replyOf(calendar, found.reply);
  const history = await deps.applications.applicantHistory(agencyId, found.application.applicantKey);
  return {
    ...(await staffView(deps, found.application, reply)),
    timeline: await deps.applications.events(id),
    applicantHistory: history.filter((entry) => entry.applicationId !== id),
    applicationsThisMonth: await deps.applications.countInMonth(
      agencyId,
      found.application.applicantKey,
      found.application.submittedAt.slice(0, 7),
    ),
  };
}

/** The staff actions, each with the roles that may take it. */
export type StaffAction =
  | { kind: 'confirmation' }
  | { kind: 'clarification-request'; input: z.infer<typeof machine.ClarificationRequestInput> }
  | { kind: 'consultation'; input: z.infer<typeof machine.ConsultationInput> }
  | {
      kind: 'consultation-reply';
      consultationId: string;
      input: z.infer<typeof machine.ConsultationReplyInput>;
    }
  | { kind: 'extension'; input: z.infer<typeof machine.ExtensionInput> }
  | { kind: 'suspension'; input: z.infer<typeof machine.SuspensionInput> }
  | { kind: 'resumption'; input: z.infer<typeof machine.ResumptionInput> }
  | { kind: 'fee-notice'; input: z.infer<typeof machine.FeeNoticeInput> }
  | { kind: 'fee-payment'; input: z.infer<typeof machine.FeePaymentInput> }
  | { kind: 'decision'; input: machine.DecisionInput }
  | { kind: 'assignment'; input: z.infer<typeof machine.AssignmentInput> };

export const ACTION_ROLES: Record<StaffAction['kind'], Role[]> = {
  confirmation: ['clerk'],
  'clarification-request': ['clerk'],
  consultation: ['clerk'],
  'consultation-reply': ['clerk'],
  // Reg. 33: only with the consent of the head of the disclosure office.
  extension: ['approver'],
  suspension: ['clerk', 'approver'],
  resumption: ['clerk', 'approver'],
  'fee-notice': ['clerk'],
  'fee-payment': ['clerk'],
  decision: ['clerk', 'approver'],
  assignment: ['clerk', 'approver', 'agency_admin'],
};

export async function act(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  action: StaffAction,
  now: Date,
) {
  const found = await loadForStaff(deps, principal, agencyId, id, ...ACTION_ROLES[action.kind]);
  const actor = staffActor(principal);
  const decide = async (
    application: Application,
    reply: ClockState | null,
    context: Context,
  ): Promise<Change> => {
    switch (action.kind) {
      case 'confirmation': {
        const agency = await deps.agencies.get(agencyId);
        return machine.confirm(application, policyOn(agency?.policies ?? [], context.today), context);
      }
      case 'clarification-request':
        return machine.requestClarification(application, reply, action.input, context);
      case 'consultation':
        return machine.consult(application, reply, action.input, deps.newConsultationId(), context);
      case 'consultation-reply':
        return machine.consultationReply(application, reply, action.consultationId, action.input, context);
      case 'extension':
        return machine.extend(application, reply, action.input, principal.staffId, context);
      case 'suspension':
        return machine.suspend(application, reply, action.input, context);
      case 'resumption':
        return machine.resume(application, reply, action.input, context);
      case 'fee-notice': {
        // Its place among the applicant's applications of that month: later ones do not count.
        const ordinal = await deps.applications.countInMonth(
          agencyId,
          application.applicantKey,
          application.submittedAt.slice(0, 7),
          { submittedAt: application.submittedAt, id: application.id },
        );
        return machine.feeNotice(application, reply, action.input, ordinal, context);
      }
      case 'fee-payment':
        return machine.feePayment(application, reply, action.input, context);
      case 'decision':
        return decision(
          deps,
          application,
          reply,
          action.input,
          { staffId: principal.staffId, name: principal.name },
          context,
        );
      case 'assignment': {
        const assignee = await deps.staff.get(action.input.staffId);
        if (assignee?.agencyId !== agencyId || !assignee.enabled || !assignee.roles.includes('clerk')) {
          throw new RuleViolationError(
            'not-a-handler',
            'The handler must be an enabled clerk of this agency.',
            [{ path: 'body.staffId', message: 'is not an enabled clerk of this agency' }],
          );
        }
        return machine.assign(
          application,
          { staffId: assignee.staffId, name: assignee.name, email: assignee.email },
          context,
        );
      }
    }
  };
  if (action.kind === 'decision' && 'releasedFiles' in action.input)
    await checkUploads(
      deps.uploads,
      action.input.releasedFiles.map(
        (file, index) => [`body.releasedFiles.${index}.uploadKey`, file.uploadKey] as const,
      ),
    );
  const result = await apply(deps, found, now, actor, decide);
  if (action.kind === 'decision' && 'releasedFiles' in action.input)
    for (const file of action.input.releasedFiles) await deps.uploads.markReferenced(file.uploadKey);
  return staffView(deps, result.application, result.reply);
}

async function decision(
  deps: ApplicationActionDeps,
  application: Application,
  reply: ClockState | null,
  input: machine.DecisionInput,
  decidedBy: { staffId: string; name?: string | undefined },
  context: Context,
): Promise<Change> {
  const where = { agencyId: application.agencyId, id: application.id, decidedOn: context.today };
  const letterKey = archiveKeys.decisionLetter(where, application.version + 1);
  const change = machine.decide(application, reply, input, decidedBy, letterKey, context);
  const decided = change.application.decision;
  if (decided === null) return change;
  const agency = await deps.agencies.get(application.agencyId);
  const parent =
    agency?.parentAgencyId === null || agency === undefined
      ? undefined
      : await deps.agencies.get(agency.parentAgencyId);
  const letterHtml = decisionLetterHtml(change.application, decided, {
    agencyName: agency?.name ?? application.agencyId,
    officeName: agency?.profile?.officeName ?? null,
    officePhone: agency?.profile?.phone ?? null,
    officeAddress: agency?.profile?.address ?? null,
    reconsiderationBody: parent?.name ?? null,
  });
  // The letter rides in the timeline event; the archiver writes it to `letterKey` from the stream, and
  // copies the released files beside it.
  const releasedFiles = 'releasedFiles' in decided ? decided.releasedFiles : [];
  return {
    ...change,
    event: {
      ...change.event,
      data: {
        ...change.event.data,
        archiveObjects: [{ key: letterKey, body: letterHtml, contentType: 'text/html; charset=utf-8' }],
        uploadCopies: releasedFiles.map((file, index) => ({
          uploadKey: file.uploadKey,
          archiveKey: archiveKeys.releasedFile(where, index, file.uploadKey),
        })),
      },
    },
  };
}

/** Loads the calendar, runs one state-machine step, and writes it with its event in one transaction. */
async function apply(
  deps: ApplicationActionDeps,
  found: { application: Application; reply: StoredClockState | null; chain: ChainHead },
  now: Date,
  actor: Actor,
  step: (application: Application, reply: ClockState | null, context: Context) => Change | Promise<Change>,
): Promise<{ application: Application; reply: ClockState | null; version: number }> {
  const calendar = await currentCalendar(deps.calendars);
  const reply = replyOf(calendar, found.reply);
  const stepped = await step(found.application, reply, { calendar, today: chinaDateOf(now) });
  // A step that leaves the reply clock alone still rewrites it, so its context (handler, leader) stays current.
  const change = { ...stepped, reply: stepped.reply ?? reply };
  const application = { ...change.application, version: found.application.version + 1 };
  const event = nextEvent(caseRef(application), found.chain, {
    type: change.event.type,
    now,
    actor,
    data: change.event.data,
  });
  await deps.applications.save(
    { ...change, application },
    found.application.version,
    event,
    found.reply?.provisionalYears ?? [],
  );
  return { application, reply: change.reply ?? reply, version: application.version };
}

const replyOf = (calendar: WorkingCalendar, stored: StoredClockState | null): ClockState | null =>
  stored === null ? null : evaluateClock(calendar, stored.events);

// --- Views ----------------------------------------------------------------------------------------------

/** How the due date was reached: receipt, each suspension and resumption, each extension, days off skipped. */
function explainDueDate(reply: ClockState | null) {
  if (reply === null) return [];
  return reply.steps.map((step) => ({
    step: step.event.type,
    on: step.event.on,
    ...(step.event.type === 'suspend' ? { reason: step.event.reason } : {}),
    ...(step.event.type === 'resume' ? { restart: step.event.restart } : {}),
    ...(step.event.type === 'start' || step.event.type === 'extend'
      ? { workingDays: step.event.workingDays }
      : {}),
    dueDate: step.dueDate,
    remainingWorkingDays: step.remainingWorkingDays,
    provisional: step.provisional,
    daysOff: step.daysOff,
    adjustedWorkdays: step.adjustedWorkdays,
  }));
}

async function decisionView(deps: ApplicationDeps, application: Application) {
  const decided = application.decision;
  if (decided === null) return null;
  const reason =
    'reason' in decided ? decided.reason : 'withheldBecause' in decided ? decided.withheldBecause : undefined;
  return {
    outcome: decided.outcome,
    reason: reason ?? null,
    label: outcomeLabel({ outcome: decided.outcome, reason }),
    reasons: decided.reasons ?? null,
    legalBasis: decided.legalBasis ?? null,
    decidedOn: decided.decidedOn,
    heldBy: 'heldBy' in decided ? (decided.heldBy ?? null) : null,
    publishedAt: 'publishedAt' in decided ? (decided.publishedAt ?? null) : null,
    letterUrl: await deps.letterUrl(decided.letterKey),
    files: await Promise.all(
      ('releasedFiles' in decided ? decided.releasedFiles : []).map(async (file) => ({
        name: file.name,
        url: await deps.uploads.downloadUrl(file.uploadKey, file.name),
      })),
    ),
  };
}

/** Timeline events as the applicant sees them: what happened and when, never who inside the agency. */
const PUBLIC_EVENTS: Record<string, string> = {
  application_submitted: '申请已提交，等待受理确认',
  application_registered: '申请已登记受理',
  application_confirmed: '申请已确认受理',
  clarification_requested: '需要补正申请内容',
  clarification_supplemented: '已收到补正，答复期限重新计算',
  consultation_sent: '正在征求第三方或有关机关意见（所需时间不计入答复期限）',
  consultation_answered: '已收到征求意见答复',
  reply_extended: '答复期限已延长',
  reply_suspended: '因不可抗力中止办理',
  reply_resumed: '恢复办理',
  fee_notice_sent: '已发出收费通知',
  fee_paid: '已缴纳信息处理费',
  decision_made: '已作出答复',
  application_withdrawn: '申请已撤回',
  due_date_recomputed: '节假日安排公布，答复期限已据此确定',
};

function publicTimeline(events: readonly Record<string, unknown>[]) {
  return events.flatMap((event) => {
    const type = typeof event.type === 'string' ? event.type : '';
    const description = PUBLIC_EVENTS[type];
    if (description === undefined) return [];
    const data = (event.data ?? {}) as Record<string, unknown>;
    return [
      {
        at: event.at,
        type,
        description,
        ...(typeof data.dueDate === 'string' ? { dueDate: data.dueDate } : {}),
      },
    ];
  });
}

async function publicView(
  deps: ApplicationDeps,
  application: Application,
  reply: ClockState | null,
  events: readonly Record<string, unknown>[],
) {
  const requests = [];
  if (application.clarification) {
    requests.push({
      kind: 'clarification',
      items: application.clarification.items,
      respondBy: application.clarification.dueDate,
      answered: application.clarification.supplementedOn !== null,
    });
  }
  if (application.fee) {
    requests.push({
      kind: 'fee',
      amountYuan: application.fee.amountYuan,
      method: application.fee.method,
      units: application.fee.units,
      payBy: application.fee.dueDate,
      paid: application.fee.paidOn !== null,
      explanation: application.fee.explanation,
    });
  }
  return {
    trackingNumber: application.id,
    agencyId: application.agencyId,
    status: application.status,
    submittedAt: application.submittedAt,
    receivedOn: application.receivedOn,
    dueDate: application.dueDate,
    provisional: application.provisional,
    dueDateExplained: explainDueDate(reply),
    requests,
    decision: await decisionView(deps, application),
    timeline: publicTimeline(events),
  };
}

async function staffView(deps: ApplicationDeps, application: Application, reply: ClockState | null) {
  const { accessTokenHash: _hidden, applicantKey: _key, ...rest } = application;
  return {
    ...rest,
    trackingNumber: application.id,
    dueDateExplained: explainDueDate(reply),
    decision:
      application.decision === null
        ? null
        : { ...application.decision, view: await decisionView(deps, application) },
  };
}

// --- Automatic steps (the sweep) ------------------------------------------------------------------------

export type SystemStep =
  | { kind: 'no-supplement' }
  | { kind: 'fee-unpaid' }
  | { kind: 'consultation-lapsed'; consultationId: string };

const SWEEP: Actor = { kind: 'system', process: 'sweep' };
const SWEEP_SIGNATURE = { staffId: 'system', name: '合规巡查（自动）' };

/**
 * A step the rules prescribe when a period lapses: no supplement in time, or a fee unpaid, closes the
 * application as "otherwise handled" (with a letter); a consultation unanswered in time lets the reply
 * clock run again. Returns the application (for the notice to the applicant), or null when the case has
 * moved on meanwhile and nothing is to be done.
 */
export async function systemStep(
  deps: ApplicationActionDeps,
  id: string,
  step: SystemStep,
  now: Date,
): Promise<Application | null> {
  const found = await deps.applications.get(id);
  if (found === undefined) return null;
  const { application } = found;
  const applies =
    step.kind === 'no-supplement'
      ? application.status === 'awaiting_clarification' && application.clarification?.supplementedOn === null
      : step.kind === 'fee-unpaid'
        ? application.status === 'awaiting_fee' && application.fee?.paidOn === null
        : application.status === 'consulting' &&
          application.consultations.some((c) => c.id === step.consultationId && c.repliedOn === null);
  if (!applies) return null;
  const result = await apply(deps, found, now, SWEEP, (current, reply, context) => {
    if (step.kind === 'consultation-lapsed')
      return machine.consultationLapsed(current, reply, step.consultationId, context);
    const input: machine.DecisionInput =
      step.kind === 'no-supplement'
        ? {
            outcome: 'otherwise_handled',
            reason: 'no_supplement',
            legalBasis: '《中华人民共和国政府信息公开条例》第三十条',
            reasons: `申请人未在补正期限（${current.clarification?.dueDate ?? ''}）内补正，视为放弃申请，行政机关不再处理。`,
          }
        : {
            outcome: 'otherwise_handled',
            reason: 'fee_unpaid',
            legalBasis: '《政府信息公开信息处理费管理办法》',
            reasons: `申请人未在缴费期限（${current.fee?.dueDate ?? ''}）内缴纳信息处理费，行政机关不再处理。`,
          };
    return decision(deps, current, reply, input, SWEEP_SIGNATURE, context);
  });
  return result.application;
}
