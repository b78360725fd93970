import type { Application, Change, Context } from '#lib/domain/application/application';
import { notifyThirdParty, type DisclosureNoticeInput } from '#lib/domain/application/consultation';
import { thirdPartyNoticeHtml } from '#lib/domain/application/third-party-notice';
import { archiveKeys } from '#lib/domain/archive-keys';
import type { ClockState } from '#lib/domain/calendar/clock';
import { letterParties } from './issue-decision';
import type { ApplicationActionDeps } from './ports';

/**
 * 书面告知第三方 with its letter (Reg. 32): the domain step records the notice on the consultation; the
 * letter to the third party — what will be disclosed, why, and its remedies with the body named — rides
 * in the timeline event, so the archiver writes it before any decision letter can follow.
 */
export async function notifyThirdPartyWithLetter(
  deps: Pick<ApplicationActionDeps, 'agencies'>,
  application: Application,
  reply: ClockState | null,
  consultationId: string,
  input: DisclosureNoticeInput,
  context: Context,
): Promise<Change> {
  const letterKey = archiveKeys.thirdPartyNotice(
    { agencyId: application.agencyId, id: application.id, sentOn: context.today },
    consultationId,
    application.version + 1,
  );
  const change = notifyThirdParty(application, reply, consultationId, input, letterKey, context);
  const consultation = change.application.consultations.find((candidate) => candidate.id === consultationId);
  if (consultation === undefined || consultation.disclosureNotice === null)
    throw new Error(`The notice step did not record the notice on consultation ${consultationId}.`);
  const { parties } = await letterParties(deps, application.agencyId);
  const letterHtml = thirdPartyNoticeHtml(
    change.application,
    consultation,
    consultation.disclosureNotice,
    parties,
  );
  return {
    ...change,
    event: {
      ...change.event,
      data: {
        ...change.event.data,
        archiveObjects: [{ key: letterKey, body: letterHtml, contentType: 'text/html; charset=utf-8' }],
      },
    },
  };
}
