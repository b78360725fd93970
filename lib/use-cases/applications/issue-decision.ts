import type { Application, Change, Context, Decision } from '#lib/domain/application/application';
import { issueDecision } from '#lib/domain/application/decision';
import { decisionLetterHtml } from '#lib/domain/application/decision-letter';
import type { DecisionInput } from '#lib/domain/application/outcomes';
import { archiveKeys } from '#lib/domain/archive-keys';
import type { ClockState } from '#lib/domain/calendar/clock';
import type { ApplicationActionDeps } from './ports';

/**
 * The decision step with its letter: the domain step decides; the letter is rendered with the agency's
 * office details and its reconsideration body, and rides in the timeline event, so the archiver writes
 * it from the stream and copies the released files beside it.
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
