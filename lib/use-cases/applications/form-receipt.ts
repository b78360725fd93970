import { OnlineApplicationInput } from '#lib/domain/application/intake';
import { policyOn, REGULATION_LIMITS } from '#lib/domain/application/policy';
import { formIdempotencyKey } from '#lib/domain/application/secrets';
import { chinaDateOf } from '#lib/domain/china-time';
import { NotFoundError } from '#lib/domain/errors';
import { storePostedFiles, type PostedFile } from '../uploads';
import { idempotencyExpiry } from '../idempotency';
import { loadForApplicant, submitApplication } from './applicant';
import type { ApplicationDeps } from './ports';

/**
 * Applying with the portal's form (在线申请, Reg. 29), and its receipt (回执).
 *
 * The form posts its files to the portal, which stores them where a presigned upload would have put them
 * and hands their keys to `submitApplication` like any upload. The form carries a random key of its own,
 * drawn when it was rendered: the same form posted twice (a double click, a retry after a lost answer,
 * "back" and send again) is one application, and its answer names the same receipt.
 *
 * The access token is shown once. A replay answers it again (the use case's idempotency must, or a person
 * whose first answer was lost on the way would never see it), so the portal keeps a mark of its own: the
 * receipt marks the token shown when it shows it, and a replay after that answers no token, so nothing
 * shows it or opens the application in the browser again.
 */
export type FormApplication = {
  readonly input: Omit<OnlineApplicationInput, 'attachments'>;
  /** The files posted, in the form's order, of types and sizes the uploads take. */
  readonly files: readonly PostedFile[];
  /** The form's own key (drawn when it was rendered). */
  readonly formKey: string;
};

export async function applyWithForm(
  deps: ApplicationDeps,
  agencyId: string,
  form: FormApplication,
  now: Date,
): Promise<{ trackingNumber: string; accessToken: string | null }> {
  const idempotencyKey = formIdempotencyKey(deps.applicantSecret, form.formKey);
  const attachments = await storePostedFiles(deps.uploads, form.files, idempotencyKey);
  const input = OnlineApplicationInput.parse({ ...form.input, attachments });
  const submitted = await submitApplication(deps, agencyId, input, idempotencyKey, now);
  const shown = await deps.applications.tokenShown(submitted.trackingNumber);
  return { trackingNumber: submitted.trackingNumber, accessToken: shown ? null : submitted.accessToken };
}

/**
 * The receipt of an application, for the browser that holds its access token: what was received, when,
 * by when it is confirmed and answered. `showToken` (the browser is on its way from the form) asks to show
 * the token; it is shown only the first time anyone asks (`tokenShown` in the answer).
 */
export async function applicationReceipt(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
  showToken: boolean,
  now: Date,
) {
  const { application } = await loadForApplicant(deps, trackingNumber, token);
  const agency = await deps.agencies.get(application.agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${application.agencyId}.`);
  // Kept as long as the submission may be replayed (a day from the submission, which came before now).
  const tokenShown =
    showToken && (await deps.applications.markTokenShown(trackingNumber, idempotencyExpiry(now)));
  // Before receipt, the policy in force today; once received, the one the application keeps.
  const policy = application.policy ?? policyOn(agency.policies, chinaDateOf(now));
  return {
    trackingNumber: application.id,
    agencyId: application.agencyId,
    agencyName: agency.name,
    status: application.status,
    submittedAt: application.submittedAt,
    receivedOn: application.receivedOn,
    confirmBy: application.confirmation?.dueDate ?? null,
    dueDate: application.dueDate,
    provisional: application.provisional,
    replyWorkingDays: policy.replyWorkingDays,
    clarificationWindowWorkingDays: REGULATION_LIMITS.clarificationWindowWorkingDays,
    attachments: application.attachments.length,
    tokenShown,
  };
}
export type ApplicationReceipt = Awaited<ReturnType<typeof applicationReceipt>>;
