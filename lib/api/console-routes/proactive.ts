import * as z from 'zod';
import { PublicationId } from '#lib/domain/submission/publication';
import { SubmissionId } from '#lib/domain/submission/submission';
import type { PageRouteDefinition } from '../page-routes';
import { consolePage } from './console-page';

const submission = z.object({ submissionId: SubmissionId });
const publication = z.object({ publicationId: PublicationId });
/** A file of a submission: an attachment or a file of its redacted version (1-based), or its material. */
const submissionFile = z.object({
  submissionId: SubmissionId,
  file: z
    .string()
    .regex(
      /^(?:attachment-[1-9][0-9]?|redacted-[1-9][0-9]?|interpretation|evidence)$/,
      'must name a file of the submission',
    ),
});

/** A file of a publication's current version: its attachment's number (1-based), or its interpretation. */
const publicationFile = z.object({
  publicationId: PublicationId,
  file: z.string().regex(/^(?:[1-9][0-9]?|interpretation)$/, 'must be a file number or "interpretation"'),
});

/**
 * The console's proactive disclosure (主动公开): the agency's drafts and submissions and their editor, the
 * review queue and the page of each step, publications and their withdrawal, and periodic obligations.
 */
export const proactiveRoutes = [
  consolePage(
    'GET',
    '/console/submissions',
    'Drafts and submissions of my agency, by state or review step (?state=, key paging; ?format=csv exports)',
  ),
  consolePage('GET', '/console/submissions/new', 'The editor, empty: a new draft'),
  consolePage('POST', '/console/submissions/new', 'Register the new draft (multipart: its files)'),
  consolePage(
    'GET',
    '/console/submissions/{submissionId}',
    'A submission: its document, files and signatures; the editor while it may be edited',
    submission,
  ),
  consolePage(
    'POST',
    '/console/submissions/{submissionId}',
    'Save the draft (version-checked; multipart: its files)',
    submission,
  ),
  consolePage(
    'POST',
    '/console/submissions/{submissionId}/review-request',
    'Send into the review chain (or have it returned at once when something required is missing: 退文)',
    submission,
  ),
  consolePage(
    'GET',
    '/console/submissions/{submissionId}/files/{file}',
    'A file of a submission: a redirect to a short-lived link to the copy kept',
    submissionFile,
  ),
  consolePage(
    'GET',
    '/console/reviews',
    'The review queue: submissions waiting for a step I may sign (?step=, key paging; ?format=csv exports)',
  ),
  consolePage(
    'GET',
    '/console/reviews/{submissionId}',
    'The review page of the step a submission waits at: the document, its files, earlier opinions, the form',
    submission,
  ),
  consolePage(
    'POST',
    '/console/reviews/{submissionId}',
    'Sign the step: approve or return with reasons; at the secrecy review the checklist and the redacted version',
    submission,
  ),
  consolePage(
    'GET',
    '/console/publications',
    'Publications of my agency, public or internal (key paging; ?format=csv exports)',
  ),
  consolePage(
    'GET',
    '/console/publications/{publicationId}',
    'A publication as its agency sees it, with its withdrawal (撤回) form for approvers',
    publication,
  ),
  consolePage(
    'GET',
    '/console/publications/{publicationId}/files/{file}',
    'A file of a publication (internal ones too): a redirect to a short-lived link to the copy kept',
    publicationFile,
  ),
  consolePage(
    'POST',
    '/console/publications/{publicationId}/withdrawal',
    'Withdraw a publication (reason required; a legal basis inside its display period; confirmed)',
    publication,
  ),
  consolePage(
    'GET',
    '/console/obligations',
    'Periodic obligations: each period, its due date and whether its item is published',
  ),
] as const satisfies readonly PageRouteDefinition[];
