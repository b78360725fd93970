import type { Application, Change, Context, Decision } from '#lib/domain/application/application';
import { issueDecision } from '#lib/domain/application/decision';
import {
  decisionLetterBody,
  decisionLetterHtml,
  type PublishedPublication,
} from '#lib/domain/application/decision-letter';
import type { DecisionInput } from '#lib/domain/application/outcomes';
import { bodyInLetter, remedyRouteOf } from '#lib/domain/application/remedies';
import { archiveKeys } from '#lib/domain/archive-keys';
import type { ClockState } from '#lib/domain/calendar/clock';
import { NotFoundError, RuleViolationError } from '#lib/domain/errors';
import { reconsiderationBodyFor } from '../agencies';
import type { ApplicationActionDeps, ApplicationDeps } from './ports';

/**
 * The decision step with its letter: the domain step decides; the letter is rendered with the agency's
 * office details and the body that reconsiders its decisions (derived, remedies.ts), and rides in the
 * timeline event, so the archiver writes it from the stream and copies the released files beside it.
 * `publication`: the reading-room publication the decision names as where the information is published
 * (see `publishedPublication`).
 */
export async function issueDecisionWithLetter(
  deps: Pick<ApplicationActionDeps, 'agencies'>,
  application: Application,
  reply: ClockState | null,
  input: DecisionInput,
  decidedBy: Decision['decidedBy'],
  context: Context,
  publication: PublishedPublication | null = null,
): Promise<Change> {
  const where = { agencyId: application.agencyId, id: application.id, decidedOn: context.today };
  const letterKey = archiveKeys.decisionLetter(where, application.version + 1);
  const change = issueDecision(application, reply, input, decidedBy, letterKey, context);
  const decided = change.application.decision;
  if (decided === null) return change;
  const { parties } = await letterParties(deps, application.agencyId);
  const letterHtml = decisionLetterHtml(change.application, decided, parties, publication);
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

/**
 * The letter a decision would send, before it is sent: the decision step is taken on the case as it is
 * (so everything it would refuse is refused here too) and its letter's body rendered, nothing written.
 */
export async function decisionLetterPreview(
  deps: Pick<ApplicationDeps, 'agencies' | 'publications'>,
  application: Application,
  reply: ClockState | null,
  input: DecisionInput,
  decidedBy: Decision['decidedBy'],
  context: Context,
): Promise<string> {
  const publication = await publishedPublication(deps, application.agencyId, input);
  const change = issueDecision(application, reply, input, decidedBy, 'preview', context);
  const decided = change.application.decision;
  if (decided === null) throw new Error('A decision step decides.');
  const { parties } = await letterParties(deps, application.agencyId);
  return decisionLetterBody(change.application, decided, parties, publication);
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

/**
 * The reading-room publication a disclosure names as where the information is already published (Reg.
 * 36(1)): it must be public and not withdrawn, or the letter would say "已经主动公开" of something the
 * applicant cannot find (422 `not-published`). Any agency's publication will do (a department may point
 * to its government's). Null when the decision names none.
 */
export async function publishedPublication(
  deps: Pick<ApplicationDeps, 'publications' | 'agencies'>,
  agencyId: string,
  input: DecisionInput,
): Promise<PublishedPublication | null> {
  if (input.outcome !== 'disclosed' || input.published === undefined || !('publicationId' in input.published))
    return null;
  const { publicationId } = input.published;
  const found = await deps.publications.getPublication(publicationId);
  const path = 'body.published.publicationId';
  // An internal publication is reported like one that does not exist: it is not published to anyone.
  if (found?.publication.audience !== 'public')
    throw new RuleViolationError('not-published', `There is no public publication ${publicationId}.`, [
      { path, message: 'is not a publication the public can read' },
    ]);
  const { publication } = found;
  if (publication.withdrawal !== null)
    throw new RuleViolationError(
      'not-published',
      `Publication ${publicationId} was withdrawn on ${publication.withdrawal.on}.`,
      [{ path, message: 'was withdrawn: it is no longer published' }],
    );
  const publisher =
    publication.agencyId === agencyId
      ? null
      : ((await deps.agencies.get(publication.agencyId))?.name ?? publication.agencyId);
  return {
    publicationId,
    title: publication.current.title,
    documentNumber: publication.current.documentNumber,
    publishedOn: publication.firstPublishedOn,
    publisher,
  };
}
