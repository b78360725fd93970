import { AgencyPath, AgencyPublicationPath, PublicPublicationPath } from '#lib/api/routes';
import { readingRoomDeps } from '#lib/adapters/proactive-deps';
import { loadConfig } from '#lib/config';
import { PublicationQuery, VersionQuery, WithdrawalOfPublication } from '#lib/domain/submission/publication';
import { httpFunction, ok } from '#lib/http/handler';
import {
  catalogue,
  listInternalPublications,
  listPublications,
  readInternalPublication,
  readPublication,
  withdraw,
} from '#lib/use-cases/proactive';

const config = loadConfig(process.env, { records: true });
const deps = readingRoomDeps(config);

export const handler = httpFunction('reading-room', {
  'GET /v1/agencies/{agencyId}/catalogue': async (request) =>
    ok(await catalogue(deps, request.params(AgencyPath).agencyId), { 'cache-control': 'public, max-age=60' }),

  'GET /v1/agencies/{agencyId}/publications': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await listPublications(deps, agencyId, 'public', request.query(PublicationQuery)));
  },

  'GET /v1/publications/{publicationId}': async (request) => {
    const { publicationId } = request.params(PublicPublicationPath);
    return ok(await readPublication(deps, publicationId, request.query(VersionQuery).version));
  },

  'GET /v1/agencies/{agencyId}/internal-publications': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(
      await listInternalPublications(deps, request.principal, agencyId, request.query(PublicationQuery)),
    );
  },

  'GET /v1/agencies/{agencyId}/internal-publications/{publicationId}': async (request) => {
    const { agencyId, publicationId } = request.params(AgencyPublicationPath);
    return ok(
      await readInternalPublication(
        deps,
        request.principal,
        agencyId,
        publicationId,
        request.query(VersionQuery).version,
      ),
    );
  },

  'POST /v1/agencies/{agencyId}/publications/{publicationId}/withdrawal': async (request) => {
    const { agencyId, publicationId } = request.params(AgencyPublicationPath);
    return ok(
      await withdraw(
        deps,
        request.principal,
        agencyId,
        publicationId,
        request.body(WithdrawalOfPublication),
        request.now,
      ),
    );
  },
});
