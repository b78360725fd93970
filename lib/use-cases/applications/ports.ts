import type { Application, Change } from '#lib/domain/application/application';
import type { IdempotencyRecord } from '#lib/domain/application/secrets';
import type { Publication } from '#lib/domain/submission/publication';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from '../agencies';
import type { Archive } from '../archive-events';
import type { StoredClockState } from '#lib/domain/calendar/clock';
import type { CalendarStore } from '../calendar';
import type { StaffStore } from '../staff';
import type { UploadStore } from '../uploads';

/** The application, its reply clock as stored (the use case re-evaluates it against the calendar), its chain. */
export type LoadedApplication = {
  application: Application;
  reply: StoredClockState | null;
  chain: ChainHead;
};

/** An application's place among an applicant's receipts: its date of receipt, then its submission. */
export type ReceiptPlace = { receivedOn: string; submittedAt: string; id: string };

/** Port: where applications are kept (see DynamoApplicationStore). */
export interface ApplicationStore {
  get(id: string): Promise<LoadedApplication | undefined>;
  create(change: Change, event: TimelineEvent, idempotency?: IdempotencyRecord): Promise<void>;
  save(
    change: Change,
    expectedVersion: number,
    event: TimelineEvent,
    previousReplyYears?: readonly number[],
  ): Promise<void>;
  idempotency(agencyId: string, keyHash: string): Promise<IdempotencyRecord | undefined>;
  /**
   * The portal shows an application's access token once, on its receipt: marks it shown (a conditional
   * write, kept until `expiresAt`, epoch seconds) and says whether this call was the first to.
   */
  markTokenShown(id: string, expiresAt: number): Promise<boolean>;
  /** Whether the portal has shown the application's access token (`markTokenShown`). */
  tokenShown(id: string): Promise<boolean>;
  applicantHistory(
    agencyId: string,
    applicantKey: string,
    limit?: number,
  ): Promise<{ applicationId: string; submittedAt: string }[]>;
  /**
   * The pieces (件, fee rules Art. 4) of the applicant's applications received in a natural month
   * (`YYYY-MM`, CST, by date of receipt): all of them, or those received before one (`before`).
   */
  piecesInMonth(
    agencyId: string,
    applicantKey: string,
    month: string,
    before?: ReceiptPlace,
  ): Promise<number>;
  /**
   * A page of the agency's open (by due date, undated first) or closed applications. `dueFrom` and
   * `dueBefore` (inclusive) keep the open ones due in that range: with `dueFrom`, undated ones are left out.
   */
  list(
    agencyId: string,
    options: {
      open: boolean;
      dueFrom?: string | undefined;
      dueBefore?: string | undefined;
      limit: number;
      nextToken?: string | undefined;
    },
  ): Promise<{ items: Application[]; nextToken: string | null }>;
  events(id: string): Promise<Record<string, unknown>[]>;
  /**
   * Online applications of the agency still awaiting confirmation, oldest first. A page may hold fewer
   * than `limit` (they are read among the open applications that have no running reply clock).
   */
  listAwaitingConfirmation(
    agencyId: string,
    page: { limit: number; nextToken?: string | undefined },
  ): Promise<{ items: Application[]; nextToken: string | null }>;
}

/** Port: the reading room's publications, to check that information said to be published is (Reg. 36(1)). */
export interface PublicationLookup {
  getPublication(id: string): Promise<{ publication: Publication } | undefined>;
}

export type ApplicationDeps = {
  applications: ApplicationStore;
  calendars: CalendarStore;
  agencies: AgencyStore;
  staff: StaffStore;
  uploads: UploadStore;
  publications: PublicationLookup;
  letterUrl: (key: string) => Promise<string>;
  /**
   * Where a step writes its letters as soon as it is committed (before anyone is shown their link); the
   * archiver writes them too, from the stream. Absent where the function may not write the archive.
   */
  letters?: Pick<Archive, 'put'> | undefined;
  applicantSecret: Uint8Array;
  newTrackingNumber: (year: number) => string;
  newAccessToken: () => string;
  newConsultationId: () => string;
};

/** What a state-machine step needs (the sweep's automatic steps use only this). */
export type ApplicationActionDeps = Pick<
  ApplicationDeps,
  'applications' | 'calendars' | 'agencies' | 'letters'
>;

/** What the views need: links to the decision letter and to released files. */
export type ViewDeps = Pick<ApplicationDeps, 'letterUrl' | 'uploads'>;
