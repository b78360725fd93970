import { catalogueOf, officeContacts } from '#lib/domain/agency';
import { policyOn } from '#lib/domain/application/policy';
import { reconsiderationBodyOf } from '#lib/domain/application/remedies';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { GoneError, NotFoundError } from '#lib/domain/errors';
import type { Publication, PublicationQuery, ReadingRoomEntry } from '#lib/domain/submission/publication';
import type { AgencyStore } from './agencies';
import { publicationView, type ReadingRoomDeps } from './proactive';
import type { UploadStore } from './uploads';

/**
 * The reading room as the public reads it (the portal's pages): what an agency says of itself and its
 * guide (Reg. 22), its publications found by category, year and words (Reg. 23), a publication with its
 * files and versions, and what is left of a withdrawn one.
 */

/** What the public reads of an agency: its office, its catalogue, and what its guide is generated from. */
export async function publicAgency(store: AgencyStore, agencyId: string, today: IsoDate) {
  const agency = await store.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  const parent = agency.parentAgencyId === null ? undefined : await store.get(agency.parentAgencyId);
  const policy = policyOn(agency.policies, today);
  return {
    agencyId: agency.agencyId,
    name: agency.name,
    level: agency.level,
    parent: parent === undefined ? null : { agencyId: parent.agencyId, name: parent.name },
    office: agency.profile === null ? null : officeContacts(agency.profile),
    guideSections: agency.profile?.guideSections ?? [],
    catalogue: catalogueOf(agency),
    /** The time policy in force today: what an applicant and a reader can count on. */
    policy: {
      replyWorkingDays: policy.replyWorkingDays,
      maxExtensionWorkingDays: policy.maxExtensionWorkingDays,
      feePaymentWorkingDays: policy.feePaymentWorkingDays,
      publicationWorkingDays: policy.publicationWorkingDays,
    },
    /** Who reconsiders its decisions (行政复议法 Arts. 24–27), as its letters name it. */
    reconsideration: reconsiderationBodyOf(agency, parent),
  };
}
export type PublicAgency = Awaited<ReturnType<typeof publicAgency>>;

/**
 * Reads a search (`q`) may take to fill one page. A search is a filter on the listing Query (titles and
 * document numbers), so a read of `limit` entries may return fewer matches: the page is topped up from
 * the next entries, up to this many reads, and may end up to `limit - 1` longer than `limit`.
 */
export const SEARCH_READS_PER_PAGE = 5;

/**
 * A page of the agency's public reading room, newest first, by category and year, or searched; every
 * read is a Query on the agency's listing partition (never a Scan). The next page's token is bound to
 * the query it continues.
 */
export async function readingRoomPage(
  deps: ReadingRoomDeps,
  agencyId: string,
  query: PublicationQuery,
): Promise<{ items: ReadingRoomEntry[]; nextToken: string | null; reads: number }> {
  const items: ReadingRoomEntry[] = [];
  let nextToken = query.nextToken;
  let reads = 0;
  do {
    const page = await deps.store.listPublications(agencyId, 'public', { ...query, nextToken });
    items.push(...page.items);
    nextToken = page.nextToken ?? undefined;
    reads += 1;
  } while (
    query.q !== undefined &&
    items.length < query.limit &&
    nextToken !== undefined &&
    reads < SEARCH_READS_PER_PAGE
  );
  return { items, nextToken: nextToken ?? null, reads };
}

/** A public publication, or what is left of it once withdrawn (撤回). */
async function publicOne(deps: ReadingRoomDeps, publicationId: string): Promise<Publication> {
  const found = await deps.store.getPublication(publicationId);
  if (found?.publication.audience !== 'public')
    throw new NotFoundError(`There is no publication ${publicationId}.`);
  return found.publication;
}

/**
 * A publication as its public page shows it: the version asked for (the current one by default) with
 * its history; once withdrawn, the record of it that stays readable — its title, number, issuer,
 * category, dates and the withdrawal (when, why, on what basis) — and neither its text nor its files.
 */
export async function publicPublication(
  deps: ReadingRoomDeps,
  publicationId: string,
  version: number | undefined,
) {
  const publication = await publicOne(deps, publicationId);
  if (publication.status === 'withdrawn' && publication.withdrawal !== null) {
    const { current, withdrawal } = publication;
    return {
      status: 'withdrawn' as const,
      publicationId,
      agencyId: publication.agencyId,
      title: current.title,
      documentNumber: current.documentNumber,
      issuingOffice: current.issuingOffice,
      category: current.category,
      formedOn: current.formedOn,
      firstPublishedOn: publication.firstPublishedOn,
      latestVersion: current.version,
      withdrawal: { on: withdrawal.on, reason: withdrawal.reason, legalBasis: withdrawal.legalBasis },
    };
  }
  if (version === undefined || version === publication.current.version)
    return { ...publicationView(publication), status: 'published' as const };
  const earlier = await deps.store.getPublicationVersion(publicationId, version);
  if (earlier === undefined)
    throw new NotFoundError(`Publication ${publicationId} has no version ${version}.`);
  return { ...publicationView(publication, earlier), status: 'published' as const };
}

/** Which file of a version: an attachment (1-based, as the page numbers them) or the interpretation (解读). */
export type PublicationFileRef =
  { readonly kind: 'attachment'; readonly number: number } | { readonly kind: 'interpretation' };

/**
 * A short-lived link to a file of a public publication (of its current version, or of `version`): the
 * copy kept when it was published. A withdrawn publication's files are no longer given (410).
 */
export async function publicationFileUrl(
  deps: ReadingRoomDeps & { uploads: Pick<UploadStore, 'downloadUrl'> },
  publicationId: string,
  version: number | undefined,
  file: PublicationFileRef,
): Promise<string> {
  const publication = await publicOne(deps, publicationId);
  if (publication.status === 'withdrawn')
    throw new GoneError(`Publication ${publicationId} was withdrawn; its files are no longer published.`);
  const shown =
    version === undefined || version === publication.current.version
      ? publication.current
      : await deps.store.getPublicationVersion(publicationId, version);
  if (shown === undefined) throw new NotFoundError(`Publication ${publicationId} has no version ${version}.`);
  const chosen = file.kind === 'interpretation' ? shown.interpretation : shown.attachments[file.number - 1];
  if (chosen === undefined || chosen === null)
    throw new NotFoundError(`Version ${shown.version} of ${publicationId} has no such file.`);
  return deps.uploads.downloadUrl(chosen.uploadKey, chosen.name);
}
