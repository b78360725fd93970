import { applicationDeps } from '#lib/adapters/application-deps';
import { caseworkRoutes } from '#lib/api/routes/casework';
import { loadConfig } from '#lib/config';
import type { Principal } from '#lib/domain/staff';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  act,
  getCase,
  listApplications,
  registerApplication,
  type StaffAction,
} from '#lib/use-cases/applications/casework';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'casework');
// Casework issues decisions and notices: it writes their letters before anyone is shown the link.
const { deps } = await applicationDeps(config, { writesLetters: true });

/** A staff action on the application of the path, answered with the case. */
type OnTheCase = { principal: Principal; params: { agencyId: string; id: string }; now: Date };
const action = async ({ principal, params, now }: OnTheCase, staffAction: StaffAction) =>
  ok(await act(deps, principal, params.agencyId, params.id, staffAction, now));

export const handler = httpFunction(
  caseworkRoutes,
  {
    'POST /v1/agencies/{agencyId}/applications/registrations': async ({ principal, params, body, now }) => {
      const registered = await registerApplication(deps, principal, params.agencyId, body, now);
      return created(registered, `/v1/agencies/${params.agencyId}/applications/${registered.trackingNumber}`);
    },

    'GET /v1/agencies/{agencyId}/applications': async ({ params, query }) =>
      ok(await listApplications(deps, params.agencyId, query)),

    'GET /v1/agencies/{agencyId}/applications/{id}': async ({ params }) =>
      ok(await getCase(deps, params.agencyId, params.id)),

    'POST /v1/agencies/{agencyId}/applications/{id}/confirmation': (input) =>
      action(input, { kind: 'confirmation' }),
    'POST /v1/agencies/{agencyId}/applications/{id}/clarification-request': (input) =>
      action(input, { kind: 'clarification-request', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/consultations': (input) =>
      action(input, { kind: 'consultation', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/consultations/{cid}/reply': (input) =>
      action(input, { kind: 'consultation-reply', consultationId: input.params.cid, input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/consultations/{cid}/disclosure-notice': (input) =>
      action(input, { kind: 'disclosure-notice', consultationId: input.params.cid, input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/extension': (input) =>
      action(input, { kind: 'extension', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/suspension': (input) =>
      action(input, { kind: 'suspension', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/resumption': (input) =>
      action(input, { kind: 'resumption', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/fee-notice': (input) =>
      action(input, { kind: 'fee-notice', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/fee-payment': (input) =>
      action(input, { kind: 'fee-payment', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/decision': (input) =>
      action(input, { kind: 'decision', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/assignment': (input) =>
      action(input, { kind: 'assignment', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/delivery': (input) =>
      action(input, { kind: 'delivery', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/reasons-request': (input) =>
      action(input, { kind: 'reasons-request', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/reasons': (input) =>
      action(input, { kind: 'reasons', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/later-reply-date': (input) =>
      action(input, { kind: 'later-reply-date', input: input.body }),
    'POST /v1/agencies/{agencyId}/applications/{id}/abandonment-review': (input) =>
      action(input, { kind: 'abandonment-review', input: input.body }),
  },
  staffAccountLookup(config),
);
