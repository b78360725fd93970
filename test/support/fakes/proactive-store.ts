import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import type { Publication, PublicationQuery } from '#lib/domain/submission/publication';
import { waitingStep, type Submission, type SubmissionChange } from '#lib/domain/submission/submission';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { ProactiveStore, PublicationWrite } from '#lib/use-cases/proactive';
import { pageOf } from './paging';
import { copy, headAfter, type InMemoryRecords, type ListingEntry } from './records';

export const submissionCase = (id: string): string => `SUB#${id}`;
export const publicationCase = (id: string): string => `PUB#${id}`;

const conflict = () =>
  new VersionConflictError('The record changed since you read it; read it again and retry.');

/** The step a submission waits at, if it is in review (it is then in that step's queue, not its state's). */
const waitingAt = (submission: Submission) => waitingStep(submission)?.id;

const listingEntryOf = (publication: Publication): ListingEntry => ({
  publicationId: publication.publicationId,
  url: `/v1/publications/${publication.publicationId}`,
  title: publication.current.title,
  documentNumber: publication.current.documentNumber,
  category: publication.current.category,
  publishedOn: publication.current.publishedOn,
  version: publication.current.version,
});

/**
 * Submissions and publications in memory, with the contract of `DynamoProactiveStore`: a submission or
 * publication written at another version than the one read is `VersionConflictError` (an existing one
 * written as new, `AlreadyExistsError`); a final approval writes the submission, its publication, the
 * publication's version, its reading-room entry (replacing the previous version's), the period of the
 * obligation it fulfils and the moves of the annual-report counters of rules and normative documents, all or
 * nothing.
 */
export class InMemoryProactiveStore implements ProactiveStore {
  private readonly submissions = new Map<string, { submission: Submission; chain: ChainHead }>();
  private readonly publications = new Map<string, { publication: Publication; chain: ChainHead }>();
  private readonly versions = new Map<string, Publication['current']>();
  /** Which publication fulfilled each period of an obligation (`agency#obligation#period`). */
  readonly fulfilled = new Map<string, string>();

  constructor(private readonly records: InMemoryRecords) {}

  async getSubmission(id: string): Promise<{ submission: Submission; chain: ChainHead } | undefined> {
    const kept = this.submissions.get(id);
    return kept === undefined ? undefined : copy(kept);
  }

  async getPublication(id: string): Promise<{ publication: Publication; chain: ChainHead } | undefined> {
    const kept = this.publications.get(id);
    return kept === undefined ? undefined : copy(kept);
  }

  async getPublicationVersion(id: string, version: number): Promise<Publication['current'] | undefined> {
    const kept = this.versions.get(`${id}#${version}`);
    return kept === undefined ? undefined : copy(kept);
  }

  async saveSubmission(
    change: SubmissionChange,
    expectedVersion: number | 'new',
    event: TimelineEvent,
    publication?: PublicationWrite,
  ): Promise<void> {
    const { submission } = change;
    const caseKey = submissionCase(submission.id);
    const kept = this.submissions.get(submission.id);
    if (expectedVersion === 'new' && kept !== undefined)
      throw new AlreadyExistsError('The record already exists.');
    if (expectedVersion !== 'new' && kept?.submission.version !== expectedVersion) throw conflict();
    this.records.checkEventFree(caseKey, event);
    if (change.clock?.open === false) this.records.checkClockExists(caseKey, 'publication');
    if (publication !== undefined)
      this.checkPublication(publication.next, publication.previous, publication.event);

    this.submissions.set(submission.id, {
      submission: copy({ ...submission, version: expectedVersion === 'new' ? 1 : expectedVersion + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(caseKey, event);
    if (change.clock?.open === true)
      this.records.putClock(caseKey, 'publication', {
        case: { agencyId: submission.agencyId, kind: 'submission', id: submission.id },
        open: true,
        state: change.clock.state,
        context: undefined,
      });
    else if (change.clock?.open === false) this.records.closeClock(caseKey, 'publication');
    if (publication !== undefined) this.applyPublication(publication);
  }

  async withdraw(next: Publication, previous: Publication, event: TimelineEvent): Promise<void> {
    if (this.publications.get(next.publicationId)?.publication.version !== previous.version) throw conflict();
    this.records.checkEventFree(publicationCase(next.publicationId), event);
    this.publications.set(next.publicationId, {
      publication: copy({ ...next, version: previous.version + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(publicationCase(next.publicationId), event);
    this.records.deleteListing(previous.agencyId, previous.audience, listingEntryOf(previous));
  }

  async listSubmissions(
    agencyId: string,
    state: string,
    page: { limit: number; nextToken?: string | undefined },
  ) {
    const entries = [...this.submissions.values()]
      .map(({ submission }) => submission)
      .filter((item) => item.agencyId === agencyId && item.status === state && waitingAt(item) === undefined)
      .map((item) => ({ sortKey: `${item.createdAt}#${item.id}`, item: copy(item) }));
    return pageOf(`submissions#${agencyId}#${state}`, entries, page);
  }

  async reviewQueue(agencyId: string, step: string, page: { limit: number; nextToken?: string | undefined }) {
    const entries = [...this.submissions.values()]
      .map(({ submission }) => submission)
      .filter((item) => item.agencyId === agencyId && waitingAt(item) === step)
      .map((item) => ({
        sortKey: `${item.publicationDueDate ?? '9999-12-31'}#${item.id}`,
        item: copy(item),
      }));
    return pageOf(`review#${agencyId}#${step}`, entries, page);
  }

  /** A page of the reading room, newest first; like the Query's filter, `q` narrows the page read. */
  async listPublications(agencyId: string, audience: 'public' | 'internal', query: PublicationQuery) {
    const entries = this.records
      .listing(agencyId, audience)
      .filter((entry) => query.category === undefined || entry.category === query.category)
      .filter((entry) => query.year === undefined || entry.publishedOn.startsWith(`${query.year}-`))
      .map((entry) => ({ sortKey: `${entry.publishedOn}#${entry.publicationId}`, item: entry }));
    const page = pageOf(
      // A token is bound to the query's filters, as the adapter binds it (another year or search: 400).
      `reading-room#${agencyId}#${audience}#${query.category ?? ''}#${query.year ?? ''}#${query.q ?? ''}`,
      entries,
      {
        limit: query.limit,
        nextToken: query.nextToken,
        ascending: false,
      },
    );
    const q = query.q;
    return {
      items:
        q === undefined
          ? page.items
          : page.items.filter(
              (entry) => entry.title.includes(q) || entry.documentNumber?.includes(q) === true,
            ),
      nextToken: page.nextToken,
    };
  }

  async periodFulfilment(agencyId: string, obligationId: string, period: string) {
    const publicationId = this.fulfilled.get(`${agencyId}#${obligationId}#${period}`);
    const kept = publicationId === undefined ? undefined : this.publications.get(publicationId);
    return publicationId === undefined || kept === undefined
      ? undefined
      : { publicationId, publishedOn: kept.publication.current.publishedOn };
  }

  private checkPublication(next: Publication, previous: Publication | undefined, event: TimelineEvent): void {
    const kept = this.publications.get(next.publicationId);
    if (previous === undefined && kept !== undefined)
      throw new AlreadyExistsError('The record already exists.');
    if (previous !== undefined && kept?.publication.version !== previous.version) throw conflict();
    this.records.checkEventFree(publicationCase(next.publicationId), event);
    if (this.versions.has(`${next.publicationId}#${next.current.version}`)) throw conflict();
  }

  private applyPublication({ next, previous, event, counterMoves }: PublicationWrite): void {
    this.publications.set(next.publicationId, {
      publication: copy({ ...next, version: (previous?.version ?? 0) + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(publicationCase(next.publicationId), event);
    this.versions.set(`${next.publicationId}#${next.current.version}`, copy(next.current));
    if (previous !== undefined)
      this.records.deleteListing(previous.agencyId, previous.audience, listingEntryOf(previous));
    this.records.putListing(next.agencyId, next.audience, listingEntryOf(next));
    if (next.periodic !== null)
      this.fulfilled.set(
        `${next.agencyId}#${next.periodic.obligationId}#${next.periodic.period}`,
        next.publicationId,
      );
    // Reg. 20(1) in the annual report (table 二): the moves the domain counted.
    for (const move of counterMoves)
      this.records.count(next.agencyId, 'publications', move.year, move.cell, move.delta);
  }
}
