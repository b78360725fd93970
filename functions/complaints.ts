import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { DynamoComplaintStore } from '#lib/adapters/complaint-store';
import { RecordsTable } from '#lib/adapters/records-table';
import { complaintsRoutes } from '#lib/api/routes/complaints';
import { loadConfig } from '#lib/config';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  complaintStatus,
  fileComplaint,
  listComplaints,
  replyToComplaint,
  type ComplaintDeps,
} from '#lib/use-cases/complaints';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'complaints');
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const deps: ComplaintDeps = {
  store: new DynamoComplaintStore(table),
  agencies: new DynamoAgencyStore(table),
  calendars: new DynamoCalendarStore(table),
};

export const handler = httpFunction(
  complaintsRoutes,
  {
    'POST /v1/agencies/{agencyId}/complaints': async ({ params, body, headers, now }) => {
      const receipt = await fileComplaint(deps, params.agencyId, body, headers['idempotency-key'], now);
      // The receipt carries the access code: no cache keeps it.
      const answer = created(receipt, `/v1/agencies/${params.agencyId}/complaints/${receipt.complaintId}`);
      return { ...answer, headers: { ...answer.headers, 'cache-control': 'no-store' } };
    },
    'GET /v1/agencies/{agencyId}/complaints/{complaintId}': async ({ params, headers }) =>
      ok(await complaintStatus(deps, params.agencyId, params.complaintId, headers['x-access-token']), {
        'cache-control': 'no-store',
      }),
    'GET /v1/agencies/{agencyId}/complaints': async ({ params, query }) =>
      ok(await listComplaints(deps, params.agencyId, query)),
    'POST /v1/agencies/{agencyId}/complaints/{complaintId}/reply': async ({ principal, params, body, now }) =>
      ok(await replyToComplaint(deps, principal, params.agencyId, params.complaintId, body, now)),
  },
  staffAccountLookup(config),
);
