import { z } from 'zod';
import { archiveKeys } from '../archive-keys';
import { YearNumber, type IsoDate } from '../calendar/civil-date';
import { RuleViolationError, WrongStateError } from '../errors';
import { displayUntil, type Submission, type SubmissionInput } from './submission';

/**
 * A publication in the reading room (政府信息公开目录): a stable public address, every version kept
 * (a correction or update — 更新 — adds one), shown at least for its display period.
 */
export type PublicationVersion = {
  readonly version: number;
  readonly submissionId: string;
  readonly publishedOn: IsoDate;
  readonly publishedAt: string;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly issuingOffice: string;
  readonly category: string;
  readonly formedOn: IsoDate;
  readonly body: string;
  readonly attachments: readonly {
    readonly name: string;
    readonly uploadKey: string;
    readonly archiveKey: string;
  }[];
  readonly interpretation: {
    readonly name: string;
    readonly uploadKey: string;
    readonly archiveKey: string;
  } | null;
  readonly documentKind: SubmissionInput['documentKind'];
  readonly repeals: SubmissionInput['repeals'] | null;
  readonly archiveKey: string;
};

export type Publication = {
  readonly publicationId: string;
  readonly agencyId: string;
  readonly audience: 'public' | 'internal';
  readonly status: 'published' | 'withdrawn';
  readonly current: PublicationVersion;
  readonly firstPublishedOn: IsoDate;
  readonly displayUntil: IsoDate | null;
  readonly periodic: NonNullable<SubmissionInput['periodic']> | null;
  readonly withdrawal: {
    readonly on: IsoDate;
    readonly reason: string;
    readonly legalBasis: string | null;
    readonly by: string;
  } | null;
  readonly version: number;
};

export const WithdrawalOfPublication = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  legalBasis: z.string().trim().min(1).max(1000).optional(),
});
export type WithdrawalOfPublication = z.infer<typeof WithdrawalOfPublication>;

export const PublicationQuery = z.object({
  category: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a catalogue code')
    .optional(),
  year: YearNumber.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  nextToken: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicationQuery = z.infer<typeof PublicationQuery>;
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** The publication (new, or its next version) that a final approval makes of a submission. */
export function publish(
  submission: Submission,
  existing: Publication | undefined,
  publicationId: string,
  today: IsoDate,
  at: string,
): Publication {
  const content = submission.content;
  const versionNumber = (existing?.current.version ?? 0) + 1;
  const where = { agencyId: submission.agencyId, publicationId, publishedOn: today, version: versionNumber };
  const archived = (
    file: { name: string; uploadKey: string },
    index: number,
    kind: 'attachment' | 'interpretation',
  ) => ({ ...file, archiveKey: archiveKeys.publicationFile(where, kind, index, file.uploadKey) });
  const current: PublicationVersion = {
    version: versionNumber,
    submissionId: submission.id,
    publishedOn: today,
    publishedAt: at,
    title: content.title,
    documentNumber: content.documentNumber ?? null,
    issuingOffice: content.issuingOffice,
    category: content.category,
    formedOn: content.formedOn,
    body: content.body,
    attachments: content.attachments.map((file, index) => archived(file, index, 'attachment')),
    interpretation:
      content.interpretation === undefined ? null : archived(content.interpretation, 0, 'interpretation'),
    documentKind: content.documentKind,
    repeals: content.repeals ?? null,
    archiveKey: archiveKeys.publicationDocument(where),
  };
  if (existing?.status === 'withdrawn')
    throw new WrongStateError('A withdrawn publication is not republished; register a new document.');
  return {
    publicationId,
    agencyId: submission.agencyId,
    audience: content.audience,
    status: 'published',
    current,
    firstPublishedOn: existing?.firstPublishedOn ?? today,
    displayUntil: displayUntil(content, today),
    periodic: content.periodic ?? null,
    withdrawal: null,
    version: (existing?.version ?? 0) + 1,
  };
}

/**
 * Withdrawal (撤回). Inside the display period (long-term items always are) it needs a legal basis
 * recorded by an approver; after it, the reason suffices.
 */
export function withdrawPublication(
  publication: Publication,
  input: WithdrawalOfPublication,
  by: string,
  today: IsoDate,
): Publication {
  if (publication.status === 'withdrawn') throw new WrongStateError('The publication is already withdrawn.');
  const inDisplay = publication.displayUntil === null || today <= publication.displayUntil;
  if (inDisplay && input.legalBasis === undefined) {
    throw new RuleViolationError(
      'inside-display-period',
      publication.displayUntil === null
        ? 'A long-term publication is withdrawn only on a recorded legal basis.'
        : `The publication is displayed until ${publication.displayUntil}; withdrawing it earlier needs a recorded legal basis.`,
      [{ path: 'body.legalBasis', message: 'is required inside the display period' }],
    );
  }
  return {
    ...publication,
    status: 'withdrawn',
    withdrawal: { on: today, reason: input.reason, legalBasis: input.legalBasis ?? null, by },
    version: publication.version + 1,
  };
}

/** The document as archived: what was published, and the signatures that let it through. */
export function archivedDocument(publication: Publication, submission: Submission) {
  return {
    publicationId: publication.publicationId,
    agencyId: publication.agencyId,
    audience: publication.audience,
    ...publication.current,
    attribute: submission.content.attribute,
    signatures: submission.signatures.filter((signature) => signature.round === submission.round),
  };
}
