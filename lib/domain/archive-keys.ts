import type { IsoDate } from './calendar/civil-date';
import type { CaseRef } from './timeline';
import { uploadIdOf } from './upload-key';

/**
 * The one place that lays out the archive bucket: every record of a case is kept under
 * `agency=<id>/year=<yyyy>/<kind>/<id>/…` (DESIGN, Data), so retention and audits go by agency and year.
 * Only our own ids appear in keys, never personal data.
 */
const folder = (agencyId: string, year: number | string, kind: string, id: string): string =>
  `agency=${agencyId}/year=${year}/${kind}/${id}`;

const yearOf = (date: IsoDate): string => date.slice(0, 4);

/** A version of a publication, filed under the year it was published. */
type PublicationVersionRef = {
  readonly agencyId: string;
  readonly publicationId: string;
  readonly publishedOn: IsoDate;
  readonly version: number;
};
const publicationFolder = (ref: PublicationVersionRef): string =>
  `${folder(ref.agencyId, yearOf(ref.publishedOn), 'publication', ref.publicationId)}/v${ref.version}`;

/** An application decided on a day (its decision letter and released files). */
type DecidedApplicationRef = { readonly agencyId: string; readonly id: string; readonly decidedOn: IsoDate };
const decisionFolder = (ref: DecidedApplicationRef): string =>
  folder(ref.agencyId, yearOf(ref.decidedOn), 'application', ref.id);

export const archiveKeys = {
  /** A timeline event, under the year (CST) it happened; the sequence is zero-padded so keys sort. */
  event: (ref: CaseRef, year: number, seq: number): string =>
    `${folder(ref.agencyId, year, ref.kind, ref.id)}/events/${String(seq).padStart(8, '0')}.json`,

  /** The decision letter, named by the version of the application that the decision makes. */
  decisionLetter: (ref: DecidedApplicationRef, version: number): string =>
    `${decisionFolder(ref)}/decision-letter-v${version}.html`,
  /** A released file (`index`: its place in the decision, from 0), copied beside the letter. */
  releasedFile: (ref: DecidedApplicationRef, index: number, uploadKey: string): string =>
    `${decisionFolder(ref)}/released-${index + 1}-${uploadIdOf(uploadKey)}`,

  /**
   * The written notice to a consulted third party that its information will be disclosed (Reg. 32),
   * filed with the application under the year it was sent, named by its consultation and the version
   * of the application that records it.
   */
  thirdPartyNotice: (
    ref: { readonly agencyId: string; readonly id: string; readonly sentOn: IsoDate },
    consultationId: string,
    version: number,
  ): string =>
    `${folder(ref.agencyId, yearOf(ref.sentOn), 'application', ref.id)}/third-party-notice-${consultationId}-v${version}.html`,

  /** A published edition of a government's roll-up (汇总), without extension (`.json`, `.html` beside it). */
  rollUp: (agencyId: string, year: number, edition: number): string =>
    `${folder(agencyId, year, 'roll_up', String(year))}/edition-${edition}`,

  /** A published edition of an annual report, without extension (`.json` and `.html` go beside it). */
  annualReport: (agencyId: string, year: number, edition: number): string =>
    `${folder(agencyId, year, 'annual_report', String(year))}/edition-${edition}`,

  publicationDocument: (ref: PublicationVersionRef): string => `${publicationFolder(ref)}/document.json`,
  /** A file of a publication (`index`: its place among the files of its kind, from 0). */
  publicationFile: (
    ref: PublicationVersionRef,
    kind: 'attachment' | 'interpretation' | 'original', // original: a redacted publication's, internal
    index: number,
    uploadKey: string,
  ): string => `${publicationFolder(ref)}/${kind}-${index + 1}-${uploadIdOf(uploadKey)}`,
};
