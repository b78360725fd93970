import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpEvent } from '#lib/http/request';
import { parseCookies } from './cookies';
import { frameTranslator } from './messages/frame';
import { frameOf, messagePage } from './page-frame';

/** The not-found page for a path no route matches (the `$default` route's answer to browsers). */
export function notFoundPage(event: HttpEvent): APIGatewayProxyStructuredResultV2 {
  const headers = event.headers as Readonly<Record<string, string | undefined>>;
  const frame = { ...frameOf(event, headers, parseCookies(event.cookies), frameTranslator), path: '/' };
  // A mistyped console address keeps the console's frame (without the person: it was not checked).
  if (/^\/console(?:\/|$)/.test(event.rawPath)) frame.console = { staff: undefined, page: '/console' };
  return messagePage(frame, 404, 'common.notFound.title', 'common.notFound.body');
}
