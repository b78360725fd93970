import { openApiDocument } from '#lib/api/openapi';
import { openapiRoutes } from '#lib/api/routes/openapi';
import { httpFunction, ok } from '#lib/http/handler';

// Generated once per cold start: the document depends only on the code.
const document = openApiDocument();

export const handler = httpFunction(openapiRoutes, {
  'GET /v1/openapi.json': async () => ok(document, { 'cache-control': 'public, max-age=300' }),
});
