import { RegistrationInput } from '#lib/domain/application/intake';
import { formIdempotencyKey, idempotencyKeyHash, unsealToken } from '#lib/domain/application/secrets';
import type { Principal } from '#lib/domain/staff';
import { storePostedFiles, type PostedFile } from '../uploads';
import { registerApplication } from './casework';
import type { ApplicationDeps } from './ports';

/**
 * Registering an application received by letter, fax, in person or otherwise with the console's form
 * (files included, stored where a presigned upload would have put them, as the portal's forms do).
 *
 * The form carries a key of its own, drawn when it was rendered, bound to the platform secret as the
 * registration's Idempotency-Key: the same form sent twice is one application. Its access token (for the
 * receipt given to the applicant) is kept sealed under that key for a day, and the case page shows it
 * once to the agency's staff who come from the form (`registrationToken`): never in an address.
 */
export type FormRegistration = {
  readonly input: Omit<RegistrationInput, 'attachments'>;
  /** The files posted, in the form's order, of types and sizes the uploads take. */
  readonly files: readonly PostedFile[];
  /** The form's own key (drawn when it was rendered). */
  readonly formKey: string;
};

export async function registerWithForm(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  form: FormRegistration,
  now: Date,
): Promise<{ trackingNumber: string }> {
  const idempotencyKey = formIdempotencyKey(deps.applicantSecret, form.formKey);
  const attachments = await storePostedFiles(deps.uploads, form.files, idempotencyKey);
  const input = RegistrationInput.parse({ ...form.input, attachments });
  const registered = await registerApplication(deps, principal, agencyId, input, now, idempotencyKey);
  return { trackingNumber: registered.trackingNumber };
}

/**
 * The access token of the application the form `formKey` registered, for the receipt: answered the first
 * time it is asked (while the registration is kept, a day), then never again. Null for anything else.
 */
export async function registrationToken(
  deps: Pick<ApplicationDeps, 'applications' | 'applicantSecret'>,
  agencyId: string,
  trackingNumber: string,
  formKey: string,
): Promise<string | null> {
  const idempotencyKey = formIdempotencyKey(deps.applicantSecret, formKey);
  const record = await deps.applications.idempotency(agencyId, idempotencyKeyHash(agencyId, idempotencyKey));
  if (record?.applicationId !== trackingNumber) return null;
  if (!(await deps.applications.markTokenShown(trackingNumber, record.expiresAt))) return null;
  return unsealToken(record.sealedToken, idempotencyKey, agencyId);
}
