import {
  abandonmentDecision,
  reopenAbandoned,
  type AbandonmentReviewInput,
} from '#lib/domain/application/abandonment';
import { isOpen, type ApplicationStatus } from '#lib/domain/application/application';
import { assign, type AssignmentInput } from '#lib/domain/application/assignment';
import { requestClarification, type ClarificationRequestInput } from '#lib/domain/application/clarification';
import {
  consult,
  consultationReply,
  type ConsultationInput,
  type ConsultationReplyInput,
  type DisclosureNoticeInput,
} from '#lib/domain/application/consultation';
import { recordDelivery, type DeliveryRecordInput } from '#lib/domain/application/delivery';
import {
  feeNotice,
  feePayment,
  type FeeNoticeInput,
  type FeePaymentInput,
} from '#lib/domain/application/fee-notice';
import { confirm, register, type RegistrationInput } from '#lib/domain/application/intake';
import type { DecisionInput } from '#lib/domain/application/outcomes';
import { policyOn } from '#lib/domain/application/policy';
import {
  extend,
  resume,
  suspend,
  type ExtensionInput,
  type ResumptionInput,
  type SuspensionInput,
} from '#lib/domain/application/reply-clock';
import { applicantKeyOf, hashToken } from '#lib/domain/application/secrets';
import {
  askForReasons,
  recordReasons,
  setLaterReplyDate,
  type LaterReplyInput,
  type ReasonsInput,
  type ReasonsRequestInput,
} from '#lib/domain/application/volume-review';
import { chinaDateOf, chinaIsoOf, chinaYearOf } from '#lib/domain/china-time';
import {
  AlreadyExistsError,
  NotFoundError,
  RuleViolationError,
  VersionConflictError,
} from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { EMPTY_CHAIN, nextEvent, staffActor } from '#lib/domain/timeline';
import { currentCalendar } from '../calendar';
import { takeUploads } from '../uploads';
import { applicationOwner, takeAttachments } from './attachments';
import { issueDecisionWithLetter, publishedPublication } from './issue-decision';
import { keptRecord, keyedRequest, madeBefore, type KeyedRequest } from './keyed-creation';
import type { ApplicationDeps } from './ports';
import { caseRef, replyOf, runStep, type Step } from './step-runner';
import { notifyThirdPartyWithLetter } from './third-party-notice';
import { queueItemView, staffView } from './views';

/** What the agency's staff do with applications: register, list, open a case, and take its steps. */

/**
 * A letter, fax, e-mail, in-person or oral application, registered with its date of receipt. With an
 * `idempotencyKey` (the console's form key, bound to the platform secret) the same registration sent again
 * is the one application, answered again with its access token (kept sealed under the key for a day).
 */
export async function registerApplication(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  input: RegistrationInput,
  now: Date,
  idempotencyKey?: string,
) {
  const agency = await deps.agencies.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  const keyed = keyedRequest(agencyId, idempotencyKey, input);
  const replay = () => replayedRegistration(deps, agencyId, keyed);
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  const calendar = await currentCalendar(deps.calendars);
  const token = deps.newAccessToken();
  const ids = {
    id: deps.newTrackingNumber(chinaYearOf(now)),
    agencyId,
    applicantKey: applicantKeyOf(deps.applicantSecret, input.applicant),
    accessTokenHash: hashToken(token),
  };
  await takeAttachments(
    deps.uploads,
    input.attachments,
    'body.attachments',
    keyed === undefined ? applicationOwner(ids.id) : `idempotency/${keyed.keyHash}`,
  );
  const change = register(input, ids, chinaIsoOf(now), policyOn(agency.policies, input.receivedOn), {
    calendar,
    today: chinaDateOf(now),
  });
  const event = nextEvent(caseRef(change.application), EMPTY_CHAIN, {
    type: change.event.type,
    now,
    actor: staffActor(principal),
    data: change.event.data,
  });
  try {
    await deps.applications.create(change, event, keptRecord(keyed, agencyId, ids.id, token, now));
  } catch (error) {
    // The same form sent twice side by side: the one that lost answers as the other did.
    if (error instanceof AlreadyExistsError) {
      const other = await replay();
      if (other !== undefined) return other;
    }
    throw error;
  }
  // The access token goes on the receipt handed or sent to the applicant.
  return { ...(await staffView(deps, change.application, change.reply)), accessToken: token };
}

/** The registration an idempotency key made, answered again (a different registration under it is refused). */
async function replayedRegistration(
  deps: ApplicationDeps,
  agencyId: string,
  keyed: KeyedRequest | undefined,
) {
  const made = await madeBefore(deps.applications, agencyId, keyed);
  if (made === undefined) return undefined;
  const found = await loadForStaff(deps, agencyId, made.applicationId);
  const calendar = await currentCalendar(deps.calendars);
  return {
    ...(await staffView(deps, found.application, replyOf(calendar, found.reply))),
    accessToken: made.accessToken,
  };
}

export async function listApplications(
  deps: Pick<ApplicationDeps, 'applications'>,
  agencyId: string,
  query: {
    status?: ApplicationStatus | 'open' | 'closed' | undefined;
    /** Open applications due on or after this day (undated ones left out). */
    dueFrom?: string | undefined;
    dueBefore?: string | undefined;
    /** Only those assigned to this staff member (read among the page; a page may hold fewer). */
    handler?: string | undefined;
    limit: number;
    nextToken?: string | undefined;
  },
) {
  const open =
    query.status === undefined ||
    query.status === 'open' ||
    (query.status !== 'closed' && isOpen(query.status));
  const page = await deps.applications.list(agencyId, {
    open,
    dueFrom: query.dueFrom,
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
      .filter((application) => query.handler === undefined || application.assignee?.staffId === query.handler)
      .map(queueItemView),
    nextToken: page.nextToken,
  };
}

/** The case, if it is this agency's. */
export async function loadForStaff(deps: ApplicationDeps, agencyId: string, id: string) {
  const found = await deps.applications.get(id);
  // Another agency's application is reported exactly like one that does not exist.
  if (found?.application.agencyId !== agencyId)
    throw new NotFoundError(`There is no application ${id} in this agency.`);
  return found;
}

export async function getCase(deps: ApplicationDeps, agencyId: string, id: string) {
  const found = await loadForStaff(deps, agencyId, id);
  const calendar = await currentCalendar(deps.calendars);
  const reply = replyOf(calendar, found.reply);
  const history = await deps.applications.applicantHistory(agencyId, found.application.applicantKey);
  return {
    ...(await staffView(deps, found.application, reply)),
    timeline: await deps.applications.events(id),
    applicantHistory: history.filter((entry) => entry.applicationId !== id),
    // Pieces in the month of receipt, as the fee rules count them (the month submitted if not yet received).
    applicationsThisMonth: await deps.applications.piecesInMonth(
      agencyId,
      found.application.applicantKey,
      (found.application.receivedOn ?? chinaDateOf(new Date(found.application.submittedAt))).slice(0, 7),
    ),
  };
}

/** The staff actions (the route of each says who may take it). */
export type StaffAction =
  | { kind: 'confirmation' }
  | { kind: 'clarification-request'; input: ClarificationRequestInput }
  | { kind: 'consultation'; input: ConsultationInput }
  | { kind: 'consultation-reply'; consultationId: string; input: ConsultationReplyInput }
  | { kind: 'disclosure-notice'; consultationId: string; input: DisclosureNoticeInput }
  | { kind: 'extension'; input: ExtensionInput }
  | { kind: 'suspension'; input: SuspensionInput }
  | { kind: 'resumption'; input: ResumptionInput }
  | { kind: 'fee-notice'; input: FeeNoticeInput }
  | { kind: 'fee-payment'; input: FeePaymentInput }
  | { kind: 'decision'; input: DecisionInput }
  | { kind: 'assignment'; input: AssignmentInput }
  | { kind: 'delivery'; input: DeliveryRecordInput }
  | { kind: 'reasons-request'; input: ReasonsRequestInput }
  | { kind: 'reasons'; input: ReasonsInput }
  | { kind: 'later-reply-date'; input: LaterReplyInput }
  | { kind: 'abandonment-review'; input: AbandonmentReviewInput };

/**
 * A staff action on a case of the agency, taken as one step, answered with the case. With
 * `expectedVersion` (the version of the case the person's form was made from) a case changed since is
 * refused (409): a form sent twice, or after someone else's step, takes no step the person did not see.
 */
export async function act(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  action: StaffAction,
  now: Date,
  expectedVersion?: number,
) {
  const found = await loadForStaff(deps, agencyId, id);
  if (expectedVersion !== undefined && found.application.version !== expectedVersion)
    throw new VersionConflictError(
      `The application is at version ${String(found.application.version)}, not ${String(expectedVersion)}.`,
    );
  const releasedFiles =
    action.kind === 'decision' && 'releasedFiles' in action.input ? action.input.releasedFiles : [];
  await takeUploads(
    deps.uploads,
    releasedFiles.map((file, index) => [`body.releasedFiles.${index}.uploadKey`, file.uploadKey] as const),
    applicationOwner(id),
  );
  const result = await runStep(
    deps,
    found,
    now,
    staffActor(principal),
    staffStep(deps, principal, agencyId, action),
  );
  return staffView(deps, result.application, result.reply);
}

/** The state-machine step a staff action takes. */
function staffStep(deps: ApplicationDeps, principal: Principal, agencyId: string, action: StaffAction): Step {
  return async (application, reply, context) => {
    switch (action.kind) {
      case 'confirmation': {
        const agency = await deps.agencies.get(agencyId);
        return confirm(application, policyOn(agency?.policies ?? [], context.today), context);
      }
      case 'clarification-request':
        return requestClarification(application, reply, action.input, context);
      case 'consultation':
        return consult(application, reply, action.input, deps.newConsultationId(), context);
      case 'consultation-reply':
        return consultationReply(application, reply, action.consultationId, action.input, context);
      case 'disclosure-notice':
        return notifyThirdPartyWithLetter(
          deps,
          application,
          reply,
          action.consultationId,
          action.input,
          context,
        );
      case 'extension':
        return extend(application, reply, action.input, principal.staffId, context);
      case 'suspension':
        return suspend(application, reply, action.input, context);
      case 'resumption':
        return resume(application, reply, action.input, context);
      case 'fee-notice': {
        // Its place among the applicant's applications of its month of receipt (a letter registered later
        // counts in the month it arrived): later ones do not count.
        const receivedOn = application.receivedOn ?? context.today;
        const before = await deps.applications.piecesInMonth(
          agencyId,
          application.applicantKey,
          receivedOn.slice(0, 7),
          { receivedOn, submittedAt: application.submittedAt, id: application.id },
        );
        return feeNotice(application, reply, action.input, before + 1, context);
      }
      case 'fee-payment':
        return feePayment(application, reply, action.input, context);
      case 'decision':
        return issueDecisionWithLetter(
          deps,
          application,
          reply,
          action.input,
          { staffId: principal.staffId, name: principal.name },
          context,
          await publishedPublication(deps, agencyId, action.input),
        );
      case 'abandonment-review':
        // Reg. 30: deemed abandoned only without a good reason — closed with its letter, or reopened.
        return action.input.verdict === 'abandoned'
          ? issueDecisionWithLetter(
              deps,
              application,
              reply,
              abandonmentDecision(application),
              { staffId: principal.staffId, name: principal.name },
              context,
            )
          : reopenAbandoned(application, reply, action.input, context);
      case 'assignment': {
        const assignee = await deps.staff.get(action.input.staffId);
        if (assignee?.agencyId !== agencyId || !assignee.enabled || !assignee.roles.includes('clerk')) {
          throw new RuleViolationError(
            'not-a-handler',
            'The handler must be an enabled clerk of this agency.',
            [{ path: 'body.staffId', message: 'is not an enabled clerk of this agency' }],
          );
        }
        return assign(
          application,
          { staffId: assignee.staffId, name: assignee.name, email: assignee.email },
          context,
        );
      }
      case 'delivery':
        return recordDelivery(application, reply, action.input, context);
      case 'reasons-request':
        return askForReasons(application, action.input, context);
      case 'reasons':
        return recordReasons(application, action.input, context);
      case 'later-reply-date':
        return setLaterReplyDate(application, reply, action.input, principal.staffId, context);
    }
  };
}
