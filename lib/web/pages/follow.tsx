import type { PortalDeps } from '../portal-deps';
import { PageError, type PageHandler } from '../page-function';

/** Follow (查询): the status page, supplement, withdrawal. TODO(issue 13): being built. */
export function followPages(_deps: PortalDeps): {
  'GET /follow': PageHandler<'GET /follow'>;
  'POST /follow': PageHandler<'POST /follow'>;
  'GET /applications/{trackingNumber}': PageHandler<'GET /applications/{trackingNumber}'>;
  'POST /applications/{trackingNumber}/supplement': PageHandler<'POST /applications/{trackingNumber}/supplement'>;
  'GET /applications/{trackingNumber}/withdrawal': PageHandler<'GET /applications/{trackingNumber}/withdrawal'>;
  'POST /applications/{trackingNumber}/withdrawal': PageHandler<'POST /applications/{trackingNumber}/withdrawal'>;
  'POST /applications/{trackingNumber}/sign-out': PageHandler<'POST /applications/{trackingNumber}/sign-out'>;
} {
  const notYet = async (): Promise<never> => {
    throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
  };
  return {
    'GET /follow': notYet,
    'POST /follow': notYet,
    'GET /applications/{trackingNumber}': notYet,
    'POST /applications/{trackingNumber}/supplement': notYet,
    'GET /applications/{trackingNumber}/withdrawal': notYet,
    'POST /applications/{trackingNumber}/withdrawal': notYet,
    'POST /applications/{trackingNumber}/sign-out': notYet,
  };
}
