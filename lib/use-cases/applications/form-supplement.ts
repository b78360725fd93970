import { SupplementInput } from '#lib/domain/application/clarification';
import { formIdempotencyKey } from '#lib/domain/application/secrets';
import { VersionConflictError, WrongStateError } from '#lib/domain/errors';
import { storePostedFiles, type PostedFile } from '../uploads';
import { loadForApplicant, supplementByApplicant } from './applicant';
import type { ApplicationDeps } from './ports';

/**
 * The applicant's supplement (补正, Reg. 30) from the status page's form, files included (the portal
 * stores them where a presigned upload would have put them, as the apply form does).
 *
 * A supplement is made once. The form carries a key of its own, drawn when it was rendered, and its files'
 * upload keys come from it (`storePostedFiles`): the same form posted again (a second click, a retry after a
 * lost answer) names the same text and the same uploads, and is answered `replayed` rather than refused.
 * Any other supplement after the first is refused as the domain refuses it (`WrongStateError`).
 */
export type FormSupplement = {
  readonly text: string;
  /** The files posted, in the form's order, of types and sizes the uploads take. */
  readonly files: readonly PostedFile[];
  /** The form's own key (drawn when it was rendered). */
  readonly formKey: string;
};

export async function supplementWithForm(
  deps: ApplicationDeps,
  trackingNumber: string,
  token: string | undefined,
  form: FormSupplement,
  now: Date,
): Promise<'supplemented' | 'replayed'> {
  const found = await loadForApplicant(deps, trackingNumber, token);
  const idempotencyKey = formIdempotencyKey(deps.applicantSecret, form.formKey);
  const attachments = await storePostedFiles(deps.uploads, form.files, idempotencyKey);
  const input = SupplementInput.parse({ text: form.text, attachments });
  if (isMade(found.application.clarification, input)) return 'replayed';
  try {
    await supplementByApplicant(deps, trackingNumber, token, input, now);
    return 'supplemented';
  } catch (error) {
    // Two posts of one form side by side: the one that lost finds the other's supplement made.
    if (!(error instanceof WrongStateError || error instanceof VersionConflictError)) throw error;
    const again = await loadForApplicant(deps, trackingNumber, token);
    if (isMade(again.application.clarification, input)) return 'replayed';
    throw error;
  }
}

type Clarification = Awaited<ReturnType<typeof loadForApplicant>>['application']['clarification'];

/** The supplement made is this one: the same words and the same uploads (so the same form's files). */
function isMade(clarification: Clarification, input: SupplementInput): boolean {
  if (clarification === null || clarification.supplementedOn === null) return false;
  const made = clarification.supplementAttachments;
  return (
    clarification.supplement === input.text &&
    made.length === input.attachments.length &&
    made.every((key, index) => key === input.attachments[index])
  );
}
