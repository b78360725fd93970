import type { APIGatewayEventRequestContextV2, APIGatewayProxyEventV2WithRequestContext } from 'aws-lambda';
import type { z } from 'zod';
import { UnauthenticatedError, ValidationError, type FieldError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { principalFromClaims, type Claims } from './claims';

/** An HTTP API (payload 2.0) event, with the JWT authorizer's context on staff routes. */
export type HttpEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: { jwt?: { claims: Claims; scopes: string[] | null } } }
>;

type Location = 'path' | 'query' | 'body' | 'header';

export function issuesToFieldErrors(location: Location, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** What a handler sees of a request: typed accessors that parse with zod and fail with a 400. */
export class HttpRequest {
  readonly now: Date;
  readonly requestId: string;
  readonly routeKey: string;
  private readonly event: HttpEvent;

  constructor(event: HttpEvent) {
    this.event = event;
    // The request's time, as API Gateway stamped it: the only clock a use case sees.
    this.now = new Date(event.requestContext.timeEpoch);
    this.requestId = event.requestContext.requestId;
    this.routeKey = event.routeKey;
  }

  params<S extends z.ZodType>(schema: S): z.output<S> {
    return parse(schema, this.event.pathParameters ?? {}, 'path', 'Invalid path parameter.');
  }

  query<S extends z.ZodType>(schema: S): z.output<S> {
    return parse(schema, this.event.queryStringParameters ?? {}, 'query', 'Invalid query parameter.');
  }

  body<S extends z.ZodType>(schema: S): z.output<S> {
    const raw = this.event.body;
    if (raw === undefined || raw === '') {
      throw new ValidationError('A JSON body is required.', [{ path: 'body', message: 'is required' }]);
    }
    const contentType = this.header('content-type') ?? '';
    if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(contentType)) {
      throw new ValidationError('The body must be JSON (Content-Type: application/json).', [
        { path: 'header.content-type', message: 'must be application/json' },
      ]);
    }
    const text = this.event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ValidationError(
        'The body is not valid JSON.',
        [{ path: 'body', message: 'is not valid JSON' }],
        error,
      );
    }
    return parse(schema, json, 'body', 'The body is invalid.');
  }

  header(name: string): string | undefined {
    return this.event.headers[name.toLowerCase()];
  }

  /** The staff member behind the request (staff routes only); 401 without valid claims. */
  get principal(): Principal {
    const principal = this.principalOrUndefined();
    if (principal === undefined) throw new UnauthenticatedError('A staff token is required.');
    return principal;
  }

  assertAuthenticated(): void {
    if (this.principalOrUndefined() === undefined)
      throw new UnauthenticatedError('A staff token is required.');
  }

  private principalOrUndefined(): Principal | undefined {
    const claims = this.event.requestContext.authorizer?.jwt?.claims;
    return claims === undefined ? undefined : principalFromClaims(claims);
  }
}

function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  location: Location,
  detail: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(detail, issuesToFieldErrors(location, result.error));
  return result.data;
}
