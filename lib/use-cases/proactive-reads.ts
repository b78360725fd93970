import { NotFoundError } from '#lib/domain/errors';
import type { AttachedFile } from '#lib/domain/submission/submission';
import type { PublicationFileRef } from './reading-room';
import {
  getSubmission,
  publicationView,
  submissionView,
  type ProactiveDeps,
  type ReadingRoomDeps,
} from './proactive';

/**
 * What the agency's own staff read of proactive disclosure besides the API's views: the items waiting at
 * a step of the chain (whoever signs it), a file of a submission, and a publication as its agency sees
 * it — withdrawn ones included, with their withdrawal.
 */

/** A page of the items waiting at `step`, oldest publication deadline first (a Query of the step's queue). */
export async function submissionsAtStep(
  deps: Pick<ProactiveDeps, 'store'>,
  agencyId: string,
  step: string,
  page: { limit: number; nextToken?: string | undefined },
) {
  const found = await deps.store.reviewQueue(agencyId, step, page);
  return { items: found.items.map(submissionView), nextToken: found.nextToken };
}

/** Which file of a submission: an attachment, a file of its redacted version (1-based), or its material. */
export type SubmissionFileRef =
  | { readonly kind: 'attachment' | 'redacted'; readonly number: number }
  | { readonly kind: 'interpretation' | 'evidence' };

/** A short-lived link to a file of one of the agency's submissions (the copy kept when it was attached). */
export async function submissionFileUrl(
  deps: ProactiveDeps,
  agencyId: string,
  submissionId: string,
  file: SubmissionFileRef,
): Promise<string> {
  const { content, redacted } = await getSubmission(deps, agencyId, submissionId);
  const chosen: AttachedFile | undefined =
    file.kind === 'attachment'
      ? content.attachments[file.number - 1]
      : file.kind === 'redacted'
        ? redacted?.attachments[file.number - 1]
        : file.kind === 'interpretation'
          ? content.interpretation
          : content.participationEvidence;
  if (chosen === undefined) throw new NotFoundError(`Submission ${submissionId} has no such file.`);
  return deps.uploads.downloadUrl(chosen.uploadKey, chosen.name);
}

/** One of the agency's publications, public or internal, published or withdrawn (with its withdrawal). */
export async function agencyPublication(deps: ReadingRoomDeps, agencyId: string, publicationId: string) {
  const found = await deps.store.getPublication(publicationId);
  if (found?.publication.agencyId !== agencyId)
    throw new NotFoundError(`There is no publication ${publicationId} in this agency.`);
  const { publication } = found;
  return {
    ...publicationView(publication),
    submissionId: publication.current.submissionId,
    withdrawal: publication.withdrawal,
    periodic: publication.periodic,
  };
}

/**
 * A short-lived link to a file of the current version of one of the agency's publications (internal ones
 * too, and withdrawn ones: the agency keeps its record).
 */
export async function agencyPublicationFileUrl(
  deps: ProactiveDeps,
  agencyId: string,
  publicationId: string,
  file: PublicationFileRef,
): Promise<string> {
  const found = await deps.store.getPublication(publicationId);
  if (found?.publication.agencyId !== agencyId)
    throw new NotFoundError(`There is no publication ${publicationId} in this agency.`);
  const { current } = found.publication;
  const chosen =
    file.kind === 'interpretation' ? current.interpretation : current.attachments[file.number - 1];
  if (chosen === undefined || chosen === null)
    throw new NotFoundError(`Publication ${publicationId} has no such file.`);
  return deps.uploads.downloadUrl(chosen.uploadKey, chosen.name);
}
