import { AgencyPath, IdempotencyKey, TrackingPath } from '#lib/api/routes';
import { applicationDeps } from '#lib/adapters/application-deps';
import { loadConfig } from '#lib/config';
import { SupplementInput } from '#lib/domain/application/clarification';
import { OnlineApplicationInput } from '#lib/domain/application/intake';
import { WithdrawalInput } from '#lib/domain/application/withdrawal';
import { ValidationError } from '#lib/domain/errors';
import { created, httpFunction, ok } from '#lib/http/handler';
import { issuesToFieldErrors, type HttpRequest } from '#lib/http/request';
import {
  applicationStatus,
  submitApplication,
  supplementByApplicant,
  withdrawByApplicant,
} from '#lib/use-cases/applications/applicant';

const config = loadConfig(process.env, { records: true, archive: true, uploads: true, applicantKey: true });
const { deps } = await applicationDeps(config);

const accessToken = (request: HttpRequest): string | undefined => request.header('x-access-token');

function idempotencyKey(request: HttpRequest): string | undefined {
  const value = request.header('idempotency-key');
  if (value === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(value);
  if (!parsed.success)
    throw new ValidationError(
      'The Idempotency-Key header is invalid.',
      issuesToFieldErrors('header', parsed.error).map((error) => ({
        ...error,
        path: 'header.idempotency-key',
      })),
    );
  return parsed.data;
}

export const handler = httpFunction('intake', {
  'POST /v1/agencies/{agencyId}/applications': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const key = idempotencyKey(request);
    const submitted = await submitApplication(
      deps,
      agencyId,
      request.body(OnlineApplicationInput),
      key,
      request.now,
    );
    return {
      ...created(submitted, submitted.statusUrl),
      headers: { location: submitted.statusUrl, 'cache-control': 'no-store' },
    };
  },

  'GET /v1/applications/{trackingNumber}': async (request) => {
    const { trackingNumber } = request.params(TrackingPath);
    return ok(await applicationStatus(deps, trackingNumber, accessToken(request)), {
      'cache-control': 'no-store',
    });
  },

  'POST /v1/applications/{trackingNumber}/supplements': async (request) => {
    const { trackingNumber } = request.params(TrackingPath);
    return ok(
      await supplementByApplicant(
        deps,
        trackingNumber,
        accessToken(request),
        request.body(SupplementInput),
        request.now,
      ),
    );
  },

  'POST /v1/applications/{trackingNumber}/withdrawal': async (request) => {
    const { trackingNumber } = request.params(TrackingPath);
    return ok(
      await withdrawByApplicant(
        deps,
        trackingNumber,
        accessToken(request),
        request.body(WithdrawalInput),
        request.now,
      ),
    );
  },
});
