import { z } from 'zod';
import { AgencyPath, ApplicationPath, ApplicationQuery, ConsultationPath } from '#lib/api/routes';
import { applicationDeps } from '#lib/adapters/application-deps';
import { loadConfig } from '#lib/config';
import { AssignmentInput } from '#lib/domain/application/assignment';
import { ClarificationRequestInput } from '#lib/domain/application/clarification';
import { ConsultationInput, ConsultationReplyInput } from '#lib/domain/application/consultation';
import { FeeNoticeInput, FeePaymentInput } from '#lib/domain/application/fee-notice';
import { RegistrationInput } from '#lib/domain/application/intake';
import { DecisionInput } from '#lib/domain/application/outcomes';
import { ExtensionInput, ResumptionInput, SuspensionInput } from '#lib/domain/application/reply-clock';
import { created, httpFunction, ok, type RouteHandler } from '#lib/http/handler';
import {
  act,
  getCase,
  listApplications,
  registerApplication,
  type StaffAction,
} from '#lib/use-cases/applications/casework';

const config = loadConfig(process.env, { records: true, archive: true, uploads: true, applicantKey: true });
const { deps } = await applicationDeps(config);

/** One staff action on an application: parse the body with its schema, act, answer with the case. */
function action<S extends z.ZodType>(
  body: S,
  toAction: (input: z.output<S>, params: { cid?: string | undefined }) => StaffAction,
  params: typeof ApplicationPath | typeof ConsultationPath = ApplicationPath,
): RouteHandler {
  return async (request) => {
    const path: { agencyId: string; id: string; cid?: string | undefined } = request.params(params);
    return ok(
      await act(
        deps,
        request.principal,
        path.agencyId,
        path.id,
        toAction(request.body(body), path),
        request.now,
      ),
    );
  };
}

export const handler = httpFunction('casework', {
  'POST /v1/agencies/{agencyId}/applications/registrations': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const registered = await registerApplication(
      deps,
      request.principal,
      agencyId,
      request.body(RegistrationInput),
      request.now,
    );
    return created(registered, `/v1/agencies/${agencyId}/applications/${registered.trackingNumber}`);
  },

  'GET /v1/agencies/{agencyId}/applications': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await listApplications(deps, request.principal, agencyId, request.query(ApplicationQuery)));
  },

  'GET /v1/agencies/{agencyId}/applications/{id}': async (request) => {
    const { agencyId, id } = request.params(ApplicationPath);
    return ok(await getCase(deps, request.principal, agencyId, id));
  },

  'POST /v1/agencies/{agencyId}/applications/{id}/confirmation': action(z.strictObject({}), () => ({
    kind: 'confirmation',
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/clarification-request': action(
    ClarificationRequestInput,
    (input) => ({ kind: 'clarification-request', input }),
  ),
  'POST /v1/agencies/{agencyId}/applications/{id}/consultations': action(ConsultationInput, (input) => ({
    kind: 'consultation',
    input,
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/consultations/{cid}/reply': action(
    ConsultationReplyInput,
    (input, params) => ({ kind: 'consultation-reply', consultationId: params.cid ?? '', input }),
    ConsultationPath,
  ),
  'POST /v1/agencies/{agencyId}/applications/{id}/extension': action(ExtensionInput, (input) => ({
    kind: 'extension',
    input,
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/suspension': action(SuspensionInput, (input) => ({
    kind: 'suspension',
    input,
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/resumption': action(ResumptionInput, (input) => ({
    kind: 'resumption',
    input,
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/fee-notice': action(FeeNoticeInput, (input) => ({
    kind: 'fee-notice',
    input,
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/fee-payment': action(FeePaymentInput, (input) => ({
    kind: 'fee-payment',
    input,
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/decision': action(DecisionInput, (input) => ({
    kind: 'decision',
    input,
  })),
  'POST /v1/agencies/{agencyId}/applications/{id}/assignment': action(AssignmentInput, (input) => ({
    kind: 'assignment',
    input,
  })),
});
