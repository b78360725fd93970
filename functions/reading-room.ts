import { readingRoomDeps } from '#lib/adapters/proactive-deps';
import { readingRoomRoutes } from '#lib/api/routes/reading-room';
import { loadConfig } from '#lib/config';
import { httpFunction, ok } from '#lib/http/handler';
import {
  catalogue,
  listPublications,
  readInternalPublication,
  readPublication,
  withdraw,
} from '#lib/use-cases/proactive';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'reading-room');
const deps = readingRoomDeps(config);

export const handler = httpFunction(
  readingRoomRoutes,
  {
    'GET /v1/agencies/{agencyId}/catalogue': async ({ params }) =>
      ok(await catalogue(deps, params.agencyId), { 'cache-control': 'public, max-age=60' }),

    'GET /v1/agencies/{agencyId}/publications': async ({ params, query }) =>
      ok(await listPublications(deps, params.agencyId, 'public', query)),

    'GET /v1/publications/{publicationId}': async ({ params, query }) =>
      ok(await readPublication(deps, params.publicationId, query.version)),

    'GET /v1/agencies/{agencyId}/internal-publications': async ({ params, query }) =>
      ok(await listPublications(deps, params.agencyId, 'internal', query)),

    'GET /v1/agencies/{agencyId}/internal-publications/{publicationId}': async ({ params, query }) =>
      ok(await readInternalPublication(deps, params.agencyId, params.publicationId, query.version)),

    'POST /v1/agencies/{agencyId}/publications/{publicationId}/withdrawal': async ({
      principal,
      params,
      body,
      now,
    }) => ok(await withdraw(deps, principal, params.agencyId, params.publicationId, body, now)),
  },
  staffAccountLookup(config),
);
