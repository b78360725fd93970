import * as z from 'zod';
import { archiveKeys } from '../archive-keys';
import { CivilDate, YearNumber, yearOf, type IsoDate } from '../calendar/civil-date';
import { RuleViolationError, WrongStateError } from '../errors';
import {
  AttachedFile,
  Audience,
  displayUntil,
  DocumentKind,
  ObligationPeriod,
  readLegacyRepeals,
  RepealedDocument,
  type Submission,
} from './submission';
import { freeText, optionalText } from '../free-text';

/** A publication's id, as the final approval draws it. */
export const PublicationId = z.string().regex(/^pub_[0-9a-f]{12}$/, 'must be a publication id');

/** A file of a published version, with where its archived copy is kept. */
export const ArchivedFile = AttachedFile.extend({ archiveKey: z.string() }).readonly();
export type ArchivedFile = z.infer<typeof ArchivedFile>;

/** The fields of one version of a publication, as published (and as archived, with its files). */
export const PublicationVersionFields = z.object({
  version: z.int(),
  submissionId: z.string(),
  publishedOn: CivilDate,
  publishedAt: z.string(),
  title: z.string(),
  documentNumber: z.string().nullable(),
  issuingOffice: z.string(),
  category: z.string(),
  formedOn: CivilDate,
  /** A revision's date of change (Reg. 26: 变更); null for a first version and versions kept before it. */
  changedOn: CivilDate.nullable().default(null),
  /** The day it takes effect (施行日期); null where it does not say, and in versions kept before it. */
  effectiveOn: CivilDate.nullable().default(null),
  body: z.string(),
  attachments: z.array(ArchivedFile).readonly(),
  interpretation: ArchivedFile.nullable(),
  documentKind: DocumentKind,
  repeals: z.array(RepealedDocument).readonly(),
  archiveKey: z.string(),
});
/** One version of a publication; versions kept before a repeal named several documents are read as a list. */
export const PublicationVersion = z.preprocess(readLegacyRepeals, PublicationVersionFields.readonly());
export type PublicationVersion = z.infer<typeof PublicationVersion>;

/**
 * A line of the reading room's list (a publication's or an annual report's): the current version's
 * title, number, category and date, and the address to open it (lines older than the address lack it).
 */
export const ReadingRoomEntry = z.object({ publicationId: z.string(), url: z.string().optional() }).extend(
  PublicationVersionFields.pick({
    title: true,
    documentNumber: true,
    category: true,
    publishedOn: true,
    version: true,
  }).shape,
);
export type ReadingRoomEntry = z.infer<typeof ReadingRoomEntry>;

/**
 * A publication in the reading room (政府信息公开目录): a stable public address, every version kept
 * (a correction or update — 更新 — adds one), shown at least for its display period.
 */
export const Publication = z
  .object({
    publicationId: z.string(),
    agencyId: z.string(),
    audience: Audience,
    status: z.enum(['published', 'withdrawn']),
    current: PublicationVersion,
    firstPublishedOn: CivilDate,
    displayUntil: CivilDate.nullable(),
    /** The law, regulation or rule that sets a display shorter than 15 days; null when none does. */
    displayBasis: z.string().nullable().default(null),
    periodic: ObligationPeriod.nullable(),
    withdrawal: z
      .object({ on: CivilDate, reason: z.string(), legalBasis: z.string().nullable(), by: z.string() })
      .readonly()
      .nullable(),
    version: z.int(),
  })
  .readonly();
export type Publication = z.infer<typeof Publication>;

export const WithdrawalOfPublication = z.strictObject({
  reason: freeText(2000),
  legalBasis: optionalText(1000),
});
export type WithdrawalOfPublication = z.infer<typeof WithdrawalOfPublication>;

export const PublicationQuery = z.object({
  category: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a catalogue code')
    .optional(),
  year: YearNumber.optional(),
  q: optionalText(100),
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
    changedOn: submission.changedOn,
    effectiveOn: content.effectiveOn ?? null,
    // After a secrecy review that concluded "redact", the redacted version is what is published.
    body: submission.redacted?.body ?? content.body,
    attachments: (submission.redacted?.attachments ?? content.attachments).map((file, index) =>
      archived(file, index, 'attachment'),
    ),
    interpretation:
      content.interpretation === undefined ? null : archived(content.interpretation, 0, 'interpretation'),
    documentKind: content.documentKind,
    repeals: content.repeals,
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
    displayBasis: content.display.kind === 'until' ? (content.display.legalBasis ?? null) : null,
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

/**
 * The original of a redacted publication, kept internal: its text, and its files with where their
 * archived copies are kept; null when nothing was redacted.
 */
export function originalOfRedacted(publication: Publication, submission: Submission) {
  if (submission.redacted === null) return null;
  const where = {
    agencyId: publication.agencyId,
    publicationId: publication.publicationId,
    publishedOn: publication.current.publishedOn,
    version: publication.current.version,
  };
  return {
    body: submission.content.body,
    attachments: submission.content.attachments.map((file, index) => ({
      ...file,
      archiveKey: archiveKeys.publicationFile(where, 'original', index, file.uploadKey),
    })),
  };
}

/**
 * The document as archived: what was published, the signatures that let it through and, when the
 * secrecy review redacted it, the original (internal, never published).
 */
export function archivedDocument(publication: Publication, submission: Submission) {
  return {
    publicationId: publication.publicationId,
    agencyId: publication.agencyId,
    audience: publication.audience,
    ...publication.current,
    original: originalOfRedacted(publication, submission),
    attribute: submission.content.attribute,
    signatures: submission.signatures.filter((signature) => signature.round === submission.round),
  };
}

/** A move of one of table 二's counters (`PUBLICATIONS#<year>`: `issued.<kind>`, `repealed.<kind>`). */
export type DocumentCounterMove = { readonly year: number; readonly cell: string; readonly delta: number };

/**
 * What a version counts in table 二 (the national format's 本年制发件数 / 本年废止件数 by 规章 and 行政规范性
 * 文件): a rule or normative document as issued in the year of its date of issue (its formation, not its
 * publication: issued in December, published in January, it is December's); each document it ends as
 * ended (废止/失效) under that document's own kind — repealed, in the year the repealing item was issued;
 * expired, in the year its validity ended.
 */
function documentCounts(version: PublicationVersion): DocumentCounterMove[] {
  const year = yearOf(version.formedOn);
  return [
    ...(version.documentKind === 'other' ? [] : [{ year, cell: `issued.${version.documentKind}`, delta: 1 }]),
    ...version.repeals.map((ended) => ({
      year: yearOf(ended.expiredOn ?? version.formedOn),
      cell: `repealed.${ended.kind}`,
      delta: 1,
    })),
  ];
}

/**
 * How publishing a version moves the counters: what it counts, less what the version it replaces
 * counted — so a revision that corrects a date, a kind or the list of documents ended moves the
 * counts, and one that changes none of them moves nothing.
 */
export function documentCounterMoves(
  previous: PublicationVersion | undefined,
  next: PublicationVersion,
): DocumentCounterMove[] {
  const net = new Map<string, DocumentCounterMove>();
  const add = (move: DocumentCounterMove, sign: 1 | -1) => {
    const key = `${move.year}#${move.cell}`;
    net.set(key, { ...move, delta: (net.get(key)?.delta ?? 0) + sign * move.delta });
  };
  for (const move of previous === undefined ? [] : documentCounts(previous)) add(move, -1);
  for (const move of documentCounts(next)) add(move, 1);
  return [...net.values()].filter((move) => move.delta !== 0);
}
