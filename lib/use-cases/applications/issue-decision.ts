import type { Application, Change, Context, Decision } from '#lib/domain/application/application';
import { issueDecision } from '#lib/domain/application/decision';
import { decisionLetterHtml } from '#lib/domain/application/decision-letter';
import type { DecisionInput } from '#lib/domain/application/outcomes';
import { bodyInLetter, remedyRouteOf } from '#lib/domain/application/remedies';
import { archiveKeys } from '#lib/domain/archive-keys';
import type { ClockState } from '#lib/domain/calendar/clock';
import { NotFoundError } from '#lib/domain/errors';
import { reconsiderationBodyFor } from '../agencies';
import type { ApplicationActionDeps } from './ports';

/**
 * The decision step with its letter: the domain step decides; the letter is rendered with the agency's
 * office details and the body that reconsiders its decisions (derived, remedies.ts), and rides in the
 * timeline event, so the archiver writes it from the stream and copies the released files beside it.
 */
export async function issueDecisionWithLetter(
  deps: Pick<ApplicationActionDeps, 'agencies'>,
  application: Application,
  reply: ClockState | null,
  input: DecisionInput,
  decidedBy: Decision['decidedBy'],
  context: Context,
): Promise<Change> {
  const where = { agencyId: application.agencyId, id: application.id, decidedOn: context.today };
  const letterKey = archiveKeys.decisionLetter(where, application.version + 1);
  const change = issueDecision(application, reply, input, decidedBy, letterKey, context);
  const decided = change.application.decision;
  if (decided === null) return change;
  const { parties } = await letterParties(deps, application.agencyId);
  const letterHtml = decisionLetterHtml(change.application, decided, parties);
  const releasedFiles = 'releasedFiles' in decided ? decided.releasedFiles : [];
  const body = parties.reconsiderationBody;
  return {
    ...change,
    event: {
      ...change.event,
      data: {
        ...change.event.data,
        // What the letter told the applicant; `gap` says why the body could not be named, if it could not.
        remedy: {
          route: remedyRouteOf(decided.outcome),
          body: bodyInLetter(body),
          named: body.name !== null,
          gap: body.gap,
        },
        archiveObjects: [{ key: letterKey, body: letterHtml, contentType: 'text/html; charset=utf-8' }],
        uploadCopies: releasedFiles.map((file, index) => ({
          uploadKey: file.uploadKey,
          archiveKey: archiveKeys.releasedFile(where, index, file.uploadKey),
        })),
      },
    },
  };
}

/** The agency as its letters name it: its office details and the body that reconsiders its decisions. */
export async function letterParties(deps: Pick<ApplicationActionDeps, 'agencies'>, agencyId: string) {
  const agency = await deps.agencies.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  return {
    agency,
    parties: {
      agencyName: agency.name,
      officeName: agency.profile?.officeName ?? null,
      officePhone: agency.profile?.phone ?? null,
      officeAddress: agency.profile?.address ?? null,
      reconsiderationBody: await reconsiderationBodyFor(deps.agencies, agency),
    },
  };
}
