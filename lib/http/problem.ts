import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldError } from '#lib/domain/errors';
import type { Logger } from '@aws-lambda-powertools/logger';

/** RFC 9457 problem details: the one place where errors become HTTP responses. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemType = (code: string): string => `urn:gongkai:problem:${code}`;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  errors?: FieldError[];
};

export function problemResponse(
  body: ProblemBody,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: body.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

/** A domain error becomes its problem; anything else is a generic 500, logged, its message never shown. */
export function errorToProblem(
  error: unknown,
  requestId: string,
  log: Logger,
): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    return problemResponse({
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      detail: error.message,
      requestId,
      ...(error.errors.length > 0 ? { errors: [...error.errors] } : {}),
    });
  }
  log.error('Unhandled error', { error: error instanceof Error ? error : String(error) });
  return problemResponse({
    type: problemType('internal-error'),
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side. Quote the request id if you contact us.',
    requestId,
  });
}
