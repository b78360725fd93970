import { publicationMoves, type DayMove } from '#lib/domain/compliance';
import { randomBytes } from 'node:crypto';
import { catalogueOf, reviewChainOf, type Agency } from '#lib/domain/agency';
import { policyOn } from '#lib/domain/application/policy';
import { chinaDateOf, chinaIsoOf } from '#lib/domain/china-time';
import { GoneError, NotFoundError, RuleViolationError, VersionConflictError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import {
  archivedDocument,
  documentCounterMoves,
  originalOfRedacted,
  publish,
  withdrawPublication,
  type DocumentCounterMove,
  type Publication,
  type PublicationQuery,
  type ReadingRoomEntry,
  type WithdrawalOfPublication,
} from '#lib/domain/submission/publication';
// The domain's steps share their names with the use cases that take them: imported as the changes they make.
import {
  checkContent,
  createSubmission as newSubmissionChange,
  editSubmission as editedSubmissionChange,
  publicationPeriod,
  review,
  submitForReview,
  waitingStep,
  type ReviewInput,
  type Submission,
  type SubmissionChange,
  type SubmissionInput,
} from '#lib/domain/submission/submission';
import { fixedStepLabel } from '#lib/domain/submission/review-chain';
import {
  canonicalJson,
  EMPTY_CHAIN,
  nextEvent,
  staffActor,
  type ChainHead,
  type TimelineEvent,
} from '#lib/domain/timeline';
import type { AgencyStore } from './agencies';
import { currentCalendar, type CalendarStore } from './calendar';
import { takeUploads, type UploadStore } from './uploads';

/** Port: submissions and publications (see DynamoProactiveStore). */
export interface ProactiveStore {
  getSubmission(id: string): Promise<{ submission: Submission; chain: ChainHead } | undefined>;
  getPublication(id: string): Promise<{ publication: Publication; chain: ChainHead } | undefined>;
  getPublicationVersion(id: string, version: number): Promise<Publication['current'] | undefined>;
  /**
   * Writes a submission change; with `publication`, the publication it makes and the moves of the annual
   * report's counters of rules and normative documents, in the same transaction.
   */
  saveSubmission(
    change: SubmissionChange,
    expectedVersion: number | 'new',
    event: TimelineEvent,
    publication?: PublicationWrite,
  ): Promise<void>;
  withdraw(next: Publication, previous: Publication, event: TimelineEvent): Promise<void>;
  listSubmissions(
    agencyId: string,
    state: string,
    page: { limit: number; nextToken?: string | undefined },
  ): Promise<{ items: Submission[]; nextToken: string | null }>;
  reviewQueue(
    agencyId: string,
    step: string,
    page: { limit: number; nextToken?: string | undefined },
  ): Promise<{ items: Submission[]; nextToken: string | null }>;
  listPublications(
    agencyId: string,
    audience: 'public' | 'internal',
    query: PublicationQuery,
  ): Promise<{ items: ReadingRoomEntry[]; nextToken: string | null }>;
  /** The publication that fulfilled a period of a periodic obligation, if one did. */
  periodFulfilment(
    agencyId: string,
    obligationId: string,
    period: string,
  ): Promise<{ publicationId: string; publishedOn: string } | undefined>;
}

/** What a final approval writes besides the submission: the publication, its event, table 二's counter moves. */
export type PublicationWrite = {
  next: Publication;
  previous: Publication | undefined;
  event: TimelineEvent;
  counterMoves: readonly DocumentCounterMove[];
  /** The agency's day counters: a version published, late or not (compliance). */
  days: readonly DayMove[];
};

export type ProactiveDeps = {
  store: ProactiveStore;
  agencies: AgencyStore;
  calendars: CalendarStore;
  uploads: UploadStore;
};
/** The reading room reads publications and agencies only. */
export type ReadingRoomDeps = Pick<ProactiveDeps, 'store' | 'agencies'>;

const newId = (prefix: string): string => `${prefix}${randomBytes(8).toString('hex').slice(0, 12)}`;
const submissionRef = (submission: Pick<Submission, 'agencyId' | 'id'>) =>
  ({ agencyId: submission.agencyId, kind: 'submission', id: submission.id }) as const;
const publicationRef = (publication: Pick<Publication, 'agencyId' | 'publicationId'>) =>
  ({ agencyId: publication.agencyId, kind: 'publication', id: publication.publicationId }) as const;

async function agencyOf(deps: Pick<ProactiveDeps, 'agencies'>, agencyId: string): Promise<Agency> {
  const agency = await deps.agencies.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  return agency;
}

/** The submission `id` takes the document's files (attachments, interpretation, evidence of participation). */
const takeFiles = (uploads: UploadStore, content: SubmissionInput, id: string) =>
  takeUploads(
    uploads,
    [
      ...content.attachments.map(
        (file, index) => [`body.attachments.${index}.uploadKey`, file.uploadKey] as const,
      ),
      ...(content.interpretation
        ? [['body.interpretation.uploadKey', content.interpretation.uploadKey] as const]
        : []),
      ...(content.participationEvidence
        ? [['body.participationEvidence.uploadKey', content.participationEvidence.uploadKey] as const]
        : []),
    ],
    `submission/${id}`,
  );

/** The submission, if it is this agency's. */
async function loadSubmission(deps: ProactiveDeps, agencyId: string, id: string) {
  const found = await deps.store.getSubmission(id);
  if (found?.submission.agencyId !== agencyId)
    throw new NotFoundError(`There is no submission ${id} in this agency.`);
  return found;
}

export const submissionView = (submission: Submission) => ({
  ...submission,
  currentStepName: waitingStep(submission)?.id ?? null,
  currentStepLabel: waitingStep(submission)?.label ?? null,
});

/** The publication period of an item of `category`: the category's own deadline, or the policy's. */
const periodFor = (agency: Agency, category: string, now: Date) =>
  publicationPeriod(
    catalogueOf(agency).find((entry) => entry.code === category),
    policyOn(agency.policies, chinaDateOf(now)).publicationWorkingDays,
  );

/**
 * A clerk registers a document for disclosure; for a proactive, public item its publication clock starts
 * from when it was formed.
 */
export async function createSubmission(
  deps: ProactiveDeps,
  principal: Principal,
  agencyId: string,
  content: SubmissionInput,
  now: Date,
) {
  const agency = await agencyOf(deps, agencyId);
  checkContent(content, catalogueOf(agency), agency.obligations);
  const id = newId('sub_');
  await takeFiles(deps.uploads, content, id);
  const calendar = await currentCalendar(deps.calendars);
  const change = newSubmissionChange(
    content,
    { id, agencyId },
    principal,
    chinaIsoOf(now),
    reviewChainOf(agency),
    calendar,
    periodFor(agency, content.category, now),
  );
  const event = nextEvent(submissionRef(change.submission), EMPTY_CHAIN, {
    ...change.event,
    now,
    actor: staffActor(principal),
  });
  await deps.store.saveSubmission(change, 'new', event);
  return submissionView(change.submission);
}

export async function editSubmission(
  deps: ProactiveDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  input: { version: number; content: SubmissionInput; changedOn?: string | undefined },
  now: Date,
) {
  const found = await loadSubmission(deps, agencyId, id);
  if (found.submission.version !== input.version)
    throw new VersionConflictError(
      `The submission is at version ${found.submission.version}, not ${input.version}.`,
    );
  const agency = await agencyOf(deps, agencyId);
  checkContent(input.content, catalogueOf(agency), agency.obligations);
  await takeFiles(deps.uploads, input.content, id);
  const calendar = await currentCalendar(deps.calendars);
  const change = editedSubmissionChange(
    found.submission,
    input,
    calendar,
    periodFor(agency, input.content.category, now),
    chinaDateOf(now),
    principal,
  );
  return save(deps, found, change, now, principal);
}

export async function sendForReview(
  deps: ProactiveDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  now: Date,
) {
  const found = await loadSubmission(deps, agencyId, id);
  return save(deps, found, submitForReview(found.submission, chinaDateOf(now), principal), now, principal);
}

/** A signature at the current step; the last approval publishes (or records) in the same transaction. */
export async function reviewSubmission(
  deps: ProactiveDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  input: ReviewInput,
  now: Date,
) {
  const found = await loadSubmission(deps, agencyId, id);
  const change = review(found.submission, input, principal, chinaIsoOf(now));
  if (input.redacted !== undefined)
    await takeUploads(
      deps.uploads,
      input.redacted.attachments.map(
        (file, index) => [`body.redacted.attachments.${index}.uploadKey`, file.uploadKey] as const,
      ),
      `submission/${id}`,
    );
  if (change.outcome !== 'publish') return save(deps, found, change, now, principal);

  const existing =
    found.submission.publicationId === null
      ? undefined
      : await deps.store.getPublication(found.submission.publicationId);
  const publicationId = found.submission.publicationId ?? newId('pub_');
  const publication = publish(
    change.submission,
    existing?.publication,
    publicationId,
    chinaDateOf(now),
    chinaIsoOf(now),
  );
  const submission = { ...change.submission, publicationId };
  const document = archivedDocument(publication, submission);
  const originalFiles = originalOfRedacted(publication, submission)?.attachments ?? [];
  const publicationEvent = nextEvent(publicationRef(publication), existing?.chain ?? EMPTY_CHAIN, {
    type: existing === undefined ? 'publication_created' : 'publication_revised',
    now,
    actor: staffActor(principal),
    data: {
      version: publication.current.version,
      title: publication.current.title,
      audience: publication.audience,
      submissionId: submission.id,
      // The archiver writes these beside the event: the document as published, and its files.
      archiveObjects: [
        {
          key: publication.current.archiveKey,
          body: canonicalJson(document),
          contentType: 'application/json; charset=utf-8',
        },
      ],
      uploadCopies: [
        ...publication.current.attachments,
        ...(publication.current.interpretation ? [publication.current.interpretation] : []),
        // A redacted publication's original files are archived beside it, internal.
        ...originalFiles,
      ].map((file) => ({ uploadKey: file.uploadKey, archiveKey: file.archiveKey })),
    },
  });
  const saved = await save(
    deps,
    found,
    {
      ...change,
      submission,
      event: {
        ...change.event,
        data: { ...change.event.data, publicationId, version: publication.current.version },
      },
    },
    now,
    principal,
    {
      next: publication,
      previous: existing?.publication,
      event: publicationEvent,
      counterMoves: documentCounterMoves(existing?.publication.current, publication.current),
      days: publicationMoves(publication.current.publishedOn, submission.publicationDueDate),
    },
  );
  return { ...saved, publication: publicUrl(publication) };
}

async function save(
  deps: ProactiveDeps,
  found: { submission: Submission; chain: ChainHead },
  change: SubmissionChange,
  now: Date,
  principal: Principal,
  publication?: PublicationWrite,
) {
  const submission = { ...change.submission, version: found.submission.version + 1 };
  const event = nextEvent(submissionRef(submission), found.chain, {
    ...change.event,
    now,
    actor: staffActor(principal),
  });
  await deps.store.saveSubmission({ ...change, submission }, found.submission.version, event, publication);
  return submissionView(submission);
}

export async function getSubmission(deps: ProactiveDeps, agencyId: string, id: string) {
  return submissionView((await loadSubmission(deps, agencyId, id)).submission);
}

export async function listSubmissions(
  deps: ProactiveDeps,
  agencyId: string,
  query: { status: string; limit: number; nextToken?: string | undefined },
) {
  const page = await deps.store.listSubmissions(agencyId, query.status, query);
  return { items: page.items.map(submissionView), nextToken: page.nextToken };
}

/**
 * What waits for the caller's role at a step, oldest publication deadline first. A step the agency's
 * chain no longer has still holds the items that entered with it: `?step=` names it, and each item shows
 * to the role its own chain gives that step.
 */
export async function reviewQueue(
  deps: ProactiveDeps,
  principal: Principal,
  agencyId: string,
  query: { step?: string | undefined; limit: number; nextToken?: string | undefined },
) {
  const agency = await agencyOf(deps, agencyId);
  const chain = reviewChainOf(agency);
  if (query.step !== undefined && !chain.some((step) => step.id === query.step)) {
    const page = await deps.store.reviewQueue(agencyId, query.step, query);
    const items = page.items.filter((item) => {
      const step = waitingStep(item);
      return step !== undefined && principal.roles.has(step.role);
    });
    return {
      step: query.step,
      stepLabel:
        (items[0] === undefined ? undefined : waitingStep(items[0])?.label) ?? fixedStepLabel(query.step),
      items: items.map(submissionView),
      nextToken: page.nextToken,
    };
  }
  const steps = chain.filter(
    (step) => principal.roles.has(step.role) && (query.step === undefined || step.id === query.step),
  );
  if (steps.length === 0) return { step: null, stepLabel: null, items: [], nextToken: null };
  const step = steps[0];
  if (step === undefined || (query.step === undefined && steps.length > 1 && query.nextToken !== undefined)) {
    throw new RuleViolationError('step-required', 'Your roles sign several steps: name one with ?step=.');
  }
  const page = await deps.store.reviewQueue(agencyId, step.id, query);
  return {
    step: step.id,
    stepLabel: step.label,
    items: page.items.map(submissionView),
    nextToken: page.nextToken,
  };
}

// --- The reading room -----------------------------------------------------------------------------------

const publicUrl = (publication: Publication) => `/v1/publications/${publication.publicationId}`;

export function publicationView(publication: Publication, version?: Publication['current']) {
  const shown = version ?? publication.current;
  return {
    publicationId: publication.publicationId,
    url: publicUrl(publication),
    agencyId: publication.agencyId,
    audience: publication.audience,
    status: publication.status,
    version: shown.version,
    latestVersion: publication.current.version,
    title: shown.title,
    documentNumber: shown.documentNumber,
    issuingOffice: shown.issuingOffice,
    category: shown.category,
    formedOn: shown.formedOn,
    changedOn: shown.changedOn,
    effectiveOn: shown.effectiveOn,
    publishedOn: shown.publishedOn,
    firstPublishedOn: publication.firstPublishedOn,
    displayUntil: publication.displayUntil,
    displayBasis: publication.displayBasis,
    body: shown.body,
    attachments: shown.attachments.map((file) => ({ name: file.name })),
    interpretation: shown.interpretation === null ? null : { name: shown.interpretation.name },
    versions: Array.from({ length: publication.current.version }, (_, index) => ({
      version: index + 1,
      url: `${publicUrl(publication)}?version=${index + 1}`,
    })),
  };
}

/** A public publication, or one of its earlier versions; internal ones are not public. */
export async function readPublication(
  deps: ReadingRoomDeps,
  publicationId: string,
  version: number | undefined,
) {
  const found = await deps.store.getPublication(publicationId);
  if (found?.publication.audience !== 'public')
    throw new NotFoundError(`There is no publication ${publicationId}.`);
  return versionOf(deps, found.publication, version);
}

async function versionOf(deps: ReadingRoomDeps, publication: Publication, version: number | undefined) {
  if (publication.status === 'withdrawn' && publication.withdrawal !== null) {
    throw new GoneError(
      `This publication was withdrawn on ${publication.withdrawal.on}: ${publication.withdrawal.reason}`,
    );
  }
  if (version === undefined || version === publication.current.version) return publicationView(publication);
  const earlier = await deps.store.getPublicationVersion(publication.publicationId, version);
  if (earlier === undefined)
    throw new NotFoundError(`Publication ${publication.publicationId} has no version ${version}.`);
  return publicationView(publication, earlier);
}

export async function readInternalPublication(
  deps: ReadingRoomDeps,
  agencyId: string,
  publicationId: string,
  version: number | undefined,
) {
  const found = await deps.store.getPublication(publicationId);
  if (found?.publication.agencyId !== agencyId)
    throw new NotFoundError(`There is no publication ${publicationId} in this agency.`);
  return versionOf(deps, found.publication, version);
}

export async function listPublications(
  deps: ReadingRoomDeps,
  agencyId: string,
  audience: 'public' | 'internal',
  query: PublicationQuery,
) {
  return deps.store.listPublications(agencyId, audience, query);
}

export async function catalogue(deps: ReadingRoomDeps, agencyId: string) {
  const agency = await agencyOf(deps, agencyId);
  return { agencyId, name: agency.name, entries: catalogueOf(agency), version: agency.version };
}

/** An approver withdraws a publication; inside its display period only on a recorded legal basis. */
export async function withdraw(
  deps: ReadingRoomDeps,
  principal: Principal,
  agencyId: string,
  publicationId: string,
  input: WithdrawalOfPublication,
  now: Date,
) {
  const found = await deps.store.getPublication(publicationId);
  if (found?.publication.agencyId !== agencyId)
    throw new NotFoundError(`There is no publication ${publicationId} in this agency.`);
  const next = withdrawPublication(found.publication, input, principal.staffId, chinaDateOf(now));
  const event = nextEvent(publicationRef(next), found.chain, {
    type: 'publication_withdrawn',
    now,
    actor: staffActor(principal),
    data: { reason: input.reason, legalBasis: input.legalBasis ?? null },
  });
  await deps.store.withdraw(next, found.publication, event);
  return { publicationId, status: next.status, withdrawal: next.withdrawal };
}
