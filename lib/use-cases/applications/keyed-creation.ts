import {
  idempotencyKeyHash,
  requestHash,
  sealToken,
  unsealToken,
  type IdempotencyRecord,
} from '#lib/domain/application/secrets';
import { idempotencyExpiry, refuseOtherRequest } from '../idempotency';
import type { ApplicationStore } from './ports';

/**
 * A new application made under an Idempotency-Key (applying online, registering with the console's form):
 * the key's hash and the request's fingerprint; the record kept beside the application, with its access
 * token sealed under the key; and, for a retry, the application the key made and its token again.
 */
export type KeyedRequest = { readonly key: string; readonly keyHash: string; readonly fingerprint: string };

export const keyedRequest = (
  agencyId: string,
  idempotencyKey: string | undefined,
  body: unknown,
): KeyedRequest | undefined =>
  idempotencyKey === undefined
    ? undefined
    : {
        key: idempotencyKey,
        keyHash: idempotencyKeyHash(agencyId, idempotencyKey),
        fingerprint: requestHash(body),
      };

/** What is kept for a day with the application the key made. */
export const keptRecord = (
  keyed: KeyedRequest | undefined,
  agencyId: string,
  applicationId: string,
  token: string,
  now: Date,
): IdempotencyRecord | undefined =>
  keyed === undefined
    ? undefined
    : {
        keyHash: keyed.keyHash,
        requestHash: keyed.fingerprint,
        applicationId,
        sealedToken: sealToken(token, keyed.key, agencyId),
        expiresAt: idempotencyExpiry(now),
      };

/** The application the key made before, and its token; a different request under the key is refused. */
export async function madeBefore(
  applications: Pick<ApplicationStore, 'idempotency'>,
  agencyId: string,
  keyed: KeyedRequest | undefined,
): Promise<{ applicationId: string; accessToken: string } | undefined> {
  if (keyed === undefined) return undefined;
  const record = await applications.idempotency(agencyId, keyed.keyHash);
  if (record === undefined) return undefined;
  refuseOtherRequest(record, keyed.fingerprint);
  return {
    applicationId: record.applicationId,
    accessToken: unsealToken(record.sealedToken, keyed.key, agencyId),
  };
}
