import { AgencyPath, ComplaintPath, ComplaintQuery } from '#lib/api/routes';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { DynamoComplaintStore } from '#lib/adapters/complaint-store';
import { RecordsTable } from '#lib/adapters/records-table';
import { loadConfig } from '#lib/config';
import { ComplaintInput, ComplaintReply } from '#lib/domain/complaint';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  fileComplaint,
  listComplaints,
  replyToComplaint,
  type ComplaintDeps,
} from '#lib/use-cases/complaints';

const config = loadConfig(process.env, { records: true });
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const deps: ComplaintDeps = {
  store: new DynamoComplaintStore(table),
  agencies: new DynamoAgencyStore(table),
  calendars: new DynamoCalendarStore(table),
};

export const handler = httpFunction('complaints', {
  'POST /v1/agencies/{agencyId}/complaints': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const receipt = await fileComplaint(deps, agencyId, request.body(ComplaintInput), request.now);
    return created(receipt, `/v1/agencies/${agencyId}/complaints`);
  },
  'GET /v1/agencies/{agencyId}/complaints': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await listComplaints(deps, request.principal, agencyId, request.query(ComplaintQuery)));
  },
  'POST /v1/agencies/{agencyId}/complaints/{complaintId}/reply': async (request) => {
    const { agencyId, complaintId } = request.params(ComplaintPath);
    return ok(
      await replyToComplaint(
        deps,
        request.principal,
        agencyId,
        complaintId,
        request.body(ComplaintReply),
        request.now,
      ),
    );
  },
});
