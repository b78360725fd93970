import { supplement, type SupplementInput } from '#lib/domain/application/clarification';
import { submitOnline, type OnlineApplicationInput } from '#lib/domain/application/intake';
import { applicantKeyOf, hashToken, tokenMatches } from '#lib/domain/application/secrets';
import { recordReasons, type ReasonsInput } from '#lib/domain/application/volume-review';
import { withdraw, type WithdrawalInput } from '#lib/domain/application/withdrawal';
import { policyOn } from '#lib/domain/application/policy';
import { chinaDateOf, chinaIsoOf, chinaYearOf } from '#lib/domain/china-time';
import { AlreadyExistsError, NotFoundError } from '#lib/domain/errors';
import { EMPTY_CHAIN, nextEvent } from '#lib/domain/timeline';
import { currentCalendar } from '../calendar';
import { applicationOwner, takeAttachments } from './attachments';
import { keptRecord, keyedRequest, madeBefore, type KeyedRequest } from './keyed-creation';
import type { ApplicationDeps } from './ports';
import { caseRef, replyOf, runStep } from './step-runner';
import { publicView } from './views';

/**
 * What citizens and organisations do without an account: apply online, then follow, supplement or
 * withdraw their application with its tracking number and access token.
 */

/** An online application (POST /v1/agencies/{agencyId}/applications), idempotent on Idempotency-Key. */
export async function submitApplication(
  deps: ApplicationDeps,
  agencyId: string,
  input: OnlineApplicationInput,
  idempotencyKey: string | undefined,
  now: Date,
) {
  const agency = await deps.agencies.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  const keyed = keyedRequest(agencyId, idempotencyKey, input);
  const earlier = await replayIdempotent(deps, agencyId, keyed);
  if (earlier !== undefined) return earlier;
  const token = deps.newAccessToken();
  const ids = {
    id: deps.newTrackingNumber(chinaYearOf(now)),
    agencyId,
    applicantKey: applicantKeyOf(deps.applicantSecret, input.applicant),
    accessTokenHash: hashToken(token),
  };
  // A retry with the same Idempotency-Key (after a write whose outcome was unknown) may take its files again.
  await takeAttachments(
    deps.uploads,
    input.attachments,
    'body.attachments',
    keyed === undefined ? applicationOwner(ids.id) : `idempotency/${keyed.keyHash}`,
  );
  // The agency's time to confirm runs from the day of submission, under its policy of that day.
  const today = chinaDateOf(now);
  const calendar = await currentCalendar(deps.calendars);
  const change = submitOnline(input, ids, chinaIsoOf(now), policyOn(agency.policies, today), {
    calendar,
    today,
  });
  const event = nextEvent(caseRef(change.application), EMPTY_CHAIN, {
    type: change.event.type,
    now,
    actor: { kind: 'applicant' },
    data: change.event.data,
  });
  try {
    await deps.applications.create(change, event, keptRecord(keyed, agencyId, ids.id, token, now));
  } catch (error) {
    // A concurrent retry with the same key won: answer as it did.
    if (error instanceof AlreadyExistsError) {
      const replay = await replayIdempotent(deps, agencyId, keyed);
      if (replay !== undefined) return replay;
    }
    throw error;
  }
  return {
    trackingNumber: ids.id,
    accessToken: token,
    status: change.application.status,
    submittedAt: change.application.submittedAt,
    statusUrl: `/v1/applications/${ids.id}`,
  };
}

async function replayIdempotent(deps: ApplicationDeps, agencyId: string, keyed: KeyedRequest | undefined) {
  const made = await madeBefore(deps.applications, agencyId, keyed);
  if (made === undefined) return undefined;
  const found = await deps.applications.get(made.applicationId);
  if (found === undefined) throw new NotFoundError('The application of this Idempotency-Key is gone.');
  return {
    trackingNumber: made.applicationId,
    accessToken: made.accessToken,
    status: found.application.status,
    submittedAt: found.application.submittedAt,
    statusUrl: `/v1/applications/${made.applicationId}`,
  };
}

/** The applicant's view. A wrong or missing token is answered exactly like an unknown number. */
export async function loadForApplicant(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
) {
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
  input: SupplementInput,
  now: Date,
) {
  const found = await loadForApplicant(deps, trackingNumber, token);
  await takeAttachments(
    deps.uploads,
    input.attachments,
    'body.attachments',
    applicationOwner(trackingNumber),
  );
  const result = await runStep(deps, found, now, { kind: 'applicant' }, (application, reply, context) =>
    supplement(application, reply, input, context),
  );
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

/** The applicant's reasons, when the agency asked for them (Reg. 35). */
export async function reasonsByApplicant(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
  input: ReasonsInput,
  now: Date,
) {
  const found = await loadForApplicant(deps, trackingNumber, token);
  const result = await runStep(deps, found, now, { kind: 'applicant' }, (application, _reply, context) =>
    recordReasons(application, input, context),
  );
  return publicView(deps, result.application, result.reply, await deps.applications.events(trackingNumber));
}

export async function withdrawByApplicant(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
  input: WithdrawalInput,
  now: Date,
) {
  const found = await loadForApplicant(deps, trackingNumber, token);
  const result = await runStep(deps, found, now, { kind: 'applicant' }, (application, reply, context) =>
    withdraw(application, reply, input, context),
  );
  return publicView(deps, result.application, result.reply, await deps.applications.events(trackingNumber));
}
