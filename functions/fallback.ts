import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { matchRoute } from '#lib/api/route-match';
import { problemResponse, problemType } from '#lib/http/problem';
import type { HttpEvent } from '#lib/http/request';
import { notFoundPage } from '#lib/web/not-found-page.tsx';

/**
 * The `$default` route: API Gateway sends here every request that matches no route, so that clients get
 * problem+json (404, or 405 with `Allow` when the path exists under other methods) rather than a bare body.
 */
export const handler = async (event: HttpEvent): Promise<APIGatewayProxyStructuredResultV2> => {
  const requestId = event.requestContext.requestId;
  const { method, path } = event.requestContext.http;
  const match = matchRoute(method, path);
  if (match.kind === 'method-not-allowed') {
    return problemResponse(
      {
        type: problemType('method-not-allowed'),
        title: 'Method not allowed',
        status: 405,
        detail: `${path} does not accept ${method}.`,
        requestId,
      },
      { allow: match.allowed.join(', ') },
    );
  }
  if (match.kind === 'bad-path') {
    return problemResponse({
      type: problemType('validation-error'),
      title: 'Invalid request',
      status: 400,
      detail: 'The path is not valid percent-encoding.',
      requestId,
    });
  }
  // A person's browser, off the API: the portal's "not found" page, in their language.
  if (!path.startsWith('/v1/') && /\btext\/html\b/.test(event.headers.accept ?? ''))
    return notFoundPage(event);
  return problemResponse({
    type: problemType('not-found'),
    title: 'Not found',
    status: 404,
    detail: `There is no route ${method} ${path}.`,
    requestId,
  });
};
