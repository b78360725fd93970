import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import * as z from 'zod';
import { canonicalJson } from '../timeline';
import { applicantIdentity, type Applicant } from './applicant';

/**
 * The small cryptography of applications (computation only, no I/O):
 * - the applicant key: an HMAC of the identity number under a platform secret, so an applicant's earlier
 *   applications are found without storing or indexing the number itself;
 * - the access token: shown once, stored only as its SHA-256;
 * - an idempotent retry must return the same token, which we may not store: it is kept sealed
 *   (AES-256-GCM) under a key derived from the client's Idempotency-Key, which we store only hashed.
 */
export const applicantKeyOf = (secret: Uint8Array, applicant: Applicant): string =>
  createHmac('sha256', secret).update(applicantIdentity(applicant), 'utf8').digest('hex').slice(0, 40);

export const newAccessToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function tokenMatches(token: string, hash: string): boolean {
  const candidate = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

/**
 * The Idempotency-Key of a form posted to the portal: the form carries a random key of its own, which the
 * portal binds to the platform's secret, so that only the portal can replay it (a client of the API that
 * saw the form cannot use its key to have the access token answered again).
 */
export const formIdempotencyKey = (secret: Uint8Array, formKey: string): string =>
  createHmac('sha256', secret).update(`portal form\n${formKey}`, 'utf8').digest('hex');

export const idempotencyKeyHash = (agencyId: string, key: string): string =>
  createHash('sha256').update(`${agencyId}\n${key}`, 'utf8').digest('hex');

export const requestHash = (body: unknown): string =>
  createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');

const sealingKey = (idempotencyKey: string, agencyId: string): Buffer =>
  Buffer.from(hkdfSync('sha256', idempotencyKey, agencyId, 'gongkai access token', 32));

export function sealToken(token: string, idempotencyKey: string, agencyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(idempotencyKey, agencyId), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

export function unsealToken(sealed: string, idempotencyKey: string, agencyId: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    sealingKey(idempotencyKey, agencyId),
    bytes.subarray(0, 12),
  );
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

/**
 * An idempotent public submission, kept for a day: its Idempotency-Key (hashed), the request's hash, and
 * the access token sealed under the key, so a retry gets the same answer and nothing is written twice.
 */
const KeptSubmission = z.object({
  keyHash: z.string(),
  requestHash: z.string(),
  sealedToken: z.string(),
  expiresAt: z.number(),
});
export const IdempotencyRecord = KeptSubmission.extend({ applicationId: z.string() });
export type IdempotencyRecord = z.infer<typeof IdempotencyRecord>;
/** The same for a complaint (its access code sealed as an application's token is). */
export const ComplaintIdempotencyRecord = KeptSubmission.extend({ complaintId: z.string() });
export type ComplaintIdempotencyRecord = z.infer<typeof ComplaintIdempotencyRecord>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A tracking number such as `2026-K7QX-3M9P`: the year, then 40 random bits in Crockford base32. */
export function newTrackingNumber(year: number): string {
  const bytes = randomBytes(8);
  let code = '';
  for (let i = 0; i < 8; i += 1) code += CROCKFORD.charAt((bytes[i] ?? 0) % 32);
  return `${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}
export const TRACKING_NUMBER = /^\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
/** A tracking number as people type it: case does not matter (`2026-k7qx-3m9p` is `2026-K7QX-3M9P`). */
export const TrackingNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(TRACKING_NUMBER, 'must be a tracking number such as 2026-K7QX-3M9P');
